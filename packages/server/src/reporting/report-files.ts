import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { cellsToCsv, csvCell } from '../http/csv.ts';
import { type Cell, type Cells, ROWS_PER_TURN } from './report-rows.ts';
import type { Report } from './reports.service.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A report as CSV: a header of column names, cells made safe for spreadsheets. */
export const reportCsv = (report: Report): string =>
  cellsToCsv(
    report.columns.map((column) => column.name),
    report.rows,
  );

/**
 * A report as JSON, in parts to be streamed. `objects`: each row an object of column names and values; `arrays`:
 * each row its values in the order of `columns`, a third of the size for a large report. A few thousand rows a
 * part, the event loop free in between, and never the whole body in one string.
 */
export async function* reportJson(report: Report, layout: 'objects' | 'arrays'): AsyncGenerator<string> {
  const names = report.columns.map((column) => column.name);
  const objectOf = (cells: Cells) => {
    const row: Record<string, Cell> = {};
    for (let i = 0; i < names.length; i++) row[names[i] as string] = cells[i] ?? null;
    return row;
  };
  const { rows, texts, ...head } = report;
  yield `${JSON.stringify(head).slice(0, -1)},"rows":[`;
  const count = texts?.length ?? rows.length;
  for (let i = 0; i < count; i += ROWS_PER_TURN) {
    if (i > 0) {
      await nextTurnOfEventLoop();
      yield ',';
    }
    if (layout === 'arrays' && texts) yield texts.join(i, i + ROWS_PER_TURN);
    else {
      const chunk = rows.slice(i, i + ROWS_PER_TURN);
      yield JSON.stringify(layout === 'arrays' ? chunk : chunk.map(objectOf)).slice(1, -1);
    }
  }
  yield ']}';
}

const FORMATS: Record<string, string> = { integer: '0', number: '0.0', ratio: '0.0%' };

/**
 * A report as XLSX: a header of column labels (units in brackets), numbers as numbers with formats (ratios as
 * percentages), instants as text with the tenant's offset, and the report's period and zone in a second sheet.
 */
export async function reportXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(report.template);
  sheet.columns = report.columns.map((column) => ({
    header: column.unit === 's' ? `${column.label} (s)` : column.label,
    key: column.name,
    width: column.type === 'datetime' ? 26 : Math.max(10, column.label.length + 4),
    style: { numFmt: FORMATS[column.type] ?? '@' },
  }));
  for (const cells of report.rows)
    sheet.addRow(cells.map((value) => (typeof value === 'string' ? csvCell(value) : value)));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const about = workbook.addWorksheet('About');
  about.addRows([
    ['Report', report.template],
    ['From', report.from],
    ['To', report.to],
    ['Time zone', report.timeZone],
    ['Rows', String(report.rowMinutes)],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
