import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export type Format = 'csv' | 'json';
export type Row = Record<string, string>;

/** The format named by --format, else by the file's extension, else the fallback. */
export function formatOf(file: string | undefined, explicit: string | undefined, fallback: Format): Format {
  const chosen = explicit ?? (file ? extname(file).slice(1).toLowerCase() : '');
  if (chosen === 'csv' || chosen === 'json') return chosen;
  if (explicit !== undefined) throw new Error(`--format must be csv or json, not "${explicit}".`);
  return fallback;
}

/** Rows of a CSV file with a header line; every value a trimmed string. */
export async function readCsv(file: string): Promise<Row[]> {
  const text = await readFile(file, 'utf8');
  try {
    return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Row[];
  } catch (error) {
    throw new Error(`${file} is not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Writes rows as CSV (header from the first row's keys) or JSON, to a file or to standard output. */
export async function writeRows(
  rows: readonly Record<string, unknown>[],
  format: Format,
  file: string | undefined,
): Promise<void> {
  const text =
    format === 'json'
      ? `${JSON.stringify(rows, null, 2)}\n`
      : stringify(rows as Record<string, unknown>[], {
          header: true,
          columns: rows[0] ? Object.keys(rows[0]) : [],
        });
  if (file) await writeFile(file, text);
  else process.stdout.write(text);
}

/** Writes any JSON value to a file or standard output. */
export async function writeJson(value: unknown, file: string | undefined): Promise<void> {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (file) await writeFile(file, text);
  else process.stdout.write(text);
}

/** A required numeric column of a CSV row, with an error naming the line and the column. */
export function numberAt(
  row: Row,
  column: string,
  line: number,
  { optional = false } = {},
): number | undefined {
  const raw = row[column];
  if (raw === undefined || raw === '') {
    if (optional) return undefined;
    throw new Error(`Line ${line}: the "${column}" column is missing or empty.`);
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`Line ${line}: "${column}" must be a number, not "${raw}".`);
  return value;
}
