/**
 * Least squares for the handful of columns a daily model has: the normal equations solved by Gaussian
 * elimination with partial pivoting. `penalties` (per column, 0 by default) add a ridge term that pulls a
 * column's coefficient towards 0, as that many observations of no effect would. Returns null when the columns
 * are (nearly) collinear.
 */
export function leastSquares(
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  penalties: readonly number[] = [],
): number[] | null {
  const columns = rows[0]?.length ?? 0;
  if (columns === 0 || rows.length < columns) return null;
  // Augmented normal equations [XᵀX | Xᵀy].
  const system = Array.from({ length: columns }, () => new Array<number>(columns + 1).fill(0));
  rows.forEach((row, r) => {
    const target = targets[r] ?? 0;
    for (let i = 0; i < columns; i++) {
      const equation = system[i] ?? [];
      const xi = row[i] ?? 0;
      for (let j = 0; j < columns; j++) equation[j] = (equation[j] ?? 0) + xi * (row[j] ?? 0);
      equation[columns] = (equation[columns] ?? 0) + xi * target;
    }
  });
  penalties.forEach((penalty, i) => {
    const equation = system[i];
    if (equation) equation[i] = (equation[i] ?? 0) + penalty;
  });
  const scale = Math.max(1, ...system.map((equation, i) => Math.abs(equation[i] ?? 0)));
  for (let pivot = 0; pivot < columns; pivot++) {
    let best = pivot;
    for (let r = pivot + 1; r < columns; r++) {
      if (Math.abs(system[r]?.[pivot] ?? 0) > Math.abs(system[best]?.[pivot] ?? 0)) best = r;
    }
    const pivotRow = system[best] ?? [];
    const pivotValue = pivotRow[pivot] ?? 0;
    if (Math.abs(pivotValue) <= 1e-10 * scale) return null;
    system[best] = system[pivot] ?? [];
    system[pivot] = pivotRow;
    for (let r = 0; r < columns; r++) {
      const equation = system[r] ?? [];
      if (r === pivot) continue;
      const factor = (equation[pivot] ?? 0) / pivotValue;
      if (factor === 0) continue;
      for (let c = pivot; c <= columns; c++) equation[c] = (equation[c] ?? 0) - factor * (pivotRow[c] ?? 0);
    }
  }
  return system.map((equation, i) => (equation[columns] ?? 0) / (equation[i] ?? 1));
}
