/**
 * A ratio that should be a whole number often is not one in floating point: 21 / (1 − 0.3) is
 * 30.000000000000004 and Math.ceil would staff 31. Values within this relative distance of a whole number
 * count as that whole number before rounding up.
 */
export const WHOLE_NUMBER_TOLERANCE = 1e-9;

/** The smallest whole number ≥ x, reading x that is a whole number up to rounding noise as that number. */
export function ceilWhole(x: number): number {
  const nearest = Math.round(x);
  if (Math.abs(x - nearest) <= WHOLE_NUMBER_TOLERANCE * Math.max(1, Math.abs(x))) return nearest;
  return Math.ceil(x);
}

/** Staff to schedule so that `agents` are available after shrinkage: ⌈agents / (1 − shrinkage)⌉. */
export const staffWithShrinkage = (agents: number, shrinkage: number): number =>
  agents === 0 ? 0 : ceilWhole(agents / (1 - shrinkage));
