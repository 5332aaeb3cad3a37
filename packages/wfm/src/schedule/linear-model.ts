import type { ModelData, VariableType } from 'highs';

const CONTINUOUS: VariableType = 0;
const INTEGER: VariableType = 1;

/** A sparse minimisation model built column by column and row by row, handed to HiGHS as CSR. */
export class LinearModel {
  readonly cost: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly integrality: VariableType[] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  readonly starts: number[] = [0];
  readonly indices: number[] = [];
  readonly values: number[] = [];

  get columns(): number {
    return this.cost.length;
  }

  get rows(): number {
    return this.rowLower.length;
  }

  addColumn(cost: number, lower: number, upper: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integrality.push(integer ? INTEGER : CONTINUOUS);
    return this.cost.length - 1;
  }

  /** Adds lower ≤ Σ values[k]·x[columns[k]] ≤ upper; a column must not appear twice. */
  addRow(lower: number, upper: number, columns: readonly number[], values: readonly number[]): number {
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    for (let k = 0; k < columns.length; k++) {
      this.indices.push(columns[k] ?? 0);
      this.values.push(values[k] ?? 0);
    }
    this.starts.push(this.indices.length);
    return this.rowLower.length - 1;
  }

  toModelData(withIntegrality: boolean): ModelData {
    const data = {
      numCols: this.columns,
      numRows: this.rows,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      matrix: {
        format: 'csr' as const,
        numRows: this.rows,
        numCols: this.columns,
        starts: Int32Array.from(this.starts),
        indices: Int32Array.from(this.indices),
        values: Float64Array.from(this.values),
      },
    };
    return withIntegrality ? { ...data, integrality: Int32Array.from(this.integrality) } : data;
  }
}
