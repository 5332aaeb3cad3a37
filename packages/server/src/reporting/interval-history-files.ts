import { Readable } from 'node:stream';
import {
  type IntervalFileOptions,
  IntervalFileReader,
  type IntervalFileReading,
  type IntervalTable,
} from '@switchboard/core';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { csvCell } from '../http/csv.ts';

export type IntervalFileFormat = 'csv' | 'xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Told as the file is read: how far, in bytes of the source (CSV) or rows (XLSX), of how many. */
export type ReadProgress = (done: number, total: number) => void;

/** The delimiter the header line uses most: files from the field use commas, semicolons or tabs. */
function sniffDelimiter(head: string): string {
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, firstLine.split(delimiter).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** Reads a CSV file (UTF-8, with or without a byte-order mark) through the interval checks, streaming. */
export async function readIntervalCsv(
  file: Buffer,
  options: IntervalFileOptions,
  progress?: ReadProgress,
): Promise<IntervalFileReading> {
  const reader = new IntervalFileReader(options);
  const parser = Readable.from(chunks(file, progress)).pipe(
    parse({
      bom: true,
      delimiter: sniffDelimiter(file.subarray(0, 64 * 1024).toString('utf8')),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  let first = true;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    if (first) reader.header(record);
    else reader.row(record, info.lines);
    first = false;
    if (reader.stopped) {
      parser.destroy();
      break;
    }
  }
  return reader.finish();
}

function* chunks(file: Buffer, progress?: ReadProgress): Generator<Buffer> {
  const size = 256 * 1024;
  for (let at = 0; at < file.length; at += size) {
    yield file.subarray(at, at + size);
    progress?.(Math.min(at + size, file.length), file.length);
  }
}

/**
 * Reads the first worksheet of an XLSX file. Dates are wall times (spreadsheets have no zones): a date
 * cell becomes `YYYY-MM-DD HH:mm:ss` read in the tenant's zone, and a time or duration cell (a day
 * fraction, shown from 1899-12-30) `h:mm:ss`.
 */
export async function readIntervalXlsx(
  file: Buffer,
  options: IntervalFileOptions,
  progress?: ReadProgress,
): Promise<IntervalFileReading> {
  const reader = new IntervalFileReader(options);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    return {
      columns: [],
      rows: [],
      errors: [{ line: null, message: 'the file is not an XLSX workbook; save it as .xlsx or send CSV' }],
      errorsTruncated: false,
    };
  }
  const sheet = workbook.worksheets[0];
  if (sheet !== undefined) {
    const width = sheet.columnCount;
    let first = true;
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      if (reader.stopped) return;
      const cells = Array.from({ length: width }, (_, at) => cellText(row.getCell(at + 1).value));
      if (first) reader.header(cells);
      else reader.row(cells, line);
      first = false;
      progress?.(line, sheet.rowCount);
    });
  }
  return reader.finish();
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return dateText(value);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

function dateText(value: Date): string {
  const ms = value.getTime();
  if (ms < Date.UTC(1900, 0, 1)) {
    const seconds = Math.round((ms - EXCEL_EPOCH_MS) / 1000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  }
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

export function readIntervalFileOf(
  format: IntervalFileFormat,
  file: Buffer,
  options: IntervalFileOptions,
  progress?: ReadProgress,
): Promise<IntervalFileReading> {
  return format === 'csv'
    ? readIntervalCsv(file, options, progress)
    : readIntervalXlsx(file, options, progress);
}

/** CSV of an interval table; text that a spreadsheet would run as a formula is made safe. */
export function intervalCsv(table: IntervalTable): string {
  return stringify(
    table.records.map((record) => record.map(csvCell)),
    { header: true, columns: table.header },
  );
}

const NUMBER_FORMATS = { count: '0', seconds: '0', fraction: '0.0%' } as const;

/**
 * XLSX of an interval table: starts as text, ISO-8601 with the tenant's offset (unambiguous, and what the
 * import reads back); counts and seconds formatted `0`, the service level `0.0%`; unknown values empty.
 */
export async function intervalXlsx(table: IntervalTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Interval history');
  sheet.columns = table.header.map((header, at) => {
    const kind = table.kinds[at];
    const numFmt = kind === 'count' || kind === 'seconds' || kind === 'fraction' ? NUMBER_FORMATS[kind] : '@';
    return {
      header,
      key: String(at),
      width: kind === 'start' ? 26 : Math.max(12, header.length + 2),
      style: { numFmt },
    };
  });
  for (const record of table.records) sheet.addRow(record.map((cell) => (cell === '' ? null : cell)));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
