import { stringify } from 'csv-stringify/sync';

/**
 * A text a spreadsheet would run as a formula: starting with = + - @, a tab or a carriage return, also
 * after leading whitespace (spreadsheets trim it before they look).
 */
const FORMULA = /^(?:[\t\r]|\s*[=+\-@])/;

/**
 * One cell of an export. Text that could run as a formula gets a leading single quote, which spreadsheets
 * show as text (OWASP's advice for CSV injection); numbers the product computes stay numbers, lists are
 * joined by "; ", and absent values are empty.
 */
export function csvCell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = Array.isArray(value) ? value.join('; ') : String(value);
  return FORMULA.test(text) ? `'${text}` : text;
}

/**
 * CSV with a header row, from rows of cells in the header's order: every export of the product goes through
 * here or `toCsv`, so every cell is made safe.
 */
export function cellsToCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify(
    rows.map((row) => row.map(csvCell)),
    { header: true, columns: [...header] },
  );
}

/**
 * Records as CSV, one column per key named in `columns`, with a header row (`header: false` leaves it out,
 * for the later pages of an export written in parts).
 */
export function toCsv<T extends object>(
  records: readonly T[],
  columns: readonly (keyof T & string)[],
  { header = true }: { header?: boolean } = {},
): string {
  return stringify(
    records.map((record) => columns.map((column) => csvCell(record[column]))),
    { header, columns: [...columns] },
  );
}
