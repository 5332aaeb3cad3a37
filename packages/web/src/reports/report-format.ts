import { dayBounds, localDateAt, localIso } from '@switchboard/core';
import { duration } from '../ui/format.ts';
import type { DrillKind, Report, ReportColumn, ReportRow, ReportValue } from './report-types.ts';

/** 0.857 ⇒ "85.7 %". */
export const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10} %`;

/** A value as the table shows it: durations as m:ss, ratios as %, instants in the tenant's zone. */
export function formatValue(column: ReportColumn, value: ReportValue | undefined, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') {
    if (column.unit === 's') return duration(value);
    if (column.type === 'ratio') return percent(value);
    if (column.type === 'number') return String(Math.round(value * 10) / 10);
    return String(value);
  }
  if (column.type === 'datetime' && typeof value === 'string') {
    const at = Date.parse(value);
    return Number.isNaN(at) ? value : localIso(timeZone, at).slice(0, 19).replace('T', ' ');
  }
  return String(value);
}

/** Whether a column is a figure (right-aligned, summed in charts) rather than a key or a label. */
export const isFigure = (column: ReportColumn) => column.type !== 'string' && column.type !== 'datetime';

/** The columns whose counts open the contacts behind them, and which contacts each one lists. */
const DRILLS: Record<string, DrillKind> = {
  offered: 'offered',
  answered: 'answered',
  handled: 'handled',
  abandoned: 'abandoned',
  dequeued: 'dequeued',
  answeredWithinThreshold: 'withinThreshold',
};

/** The contacts a cell stands for, if it can be opened: a CSQ's count, more than none. */
export function drillOf(report: Report, column: ReportColumn, row: ReportRow): DrillKind | null {
  const kind = DRILLS[column.name];
  if (!kind || report.template !== 'csq-activity') return null;
  return typeof row.csqId === 'string' && typeof row[column.name] === 'number' && row[column.name] !== 0
    ? kind
    : null;
}

const localDate = (iso: string) => {
  const [year = 0, month = 0, day = 0] = iso.split('-').map(Number);
  return { year, month, day };
};

/** The instants a row covers: its interval or day, or the whole range when the report is summarized. */
export function rowSpan(report: Report, row: ReportRow): { start: string; end: string } {
  const zone = report.timeZone;
  const intervalStart = typeof row.intervalStart === 'string' ? Date.parse(row.intervalStart) : Number.NaN;
  if (report.summarize || Number.isNaN(intervalStart))
    return {
      start: new Date(dayBounds(zone, localDate(report.from)).start).toISOString(),
      end: new Date(dayBounds(zone, localDate(report.to)).end).toISOString(),
    };
  const end =
    report.rowMinutes === 'day'
      ? dayBounds(zone, localDateAt(zone, intervalStart)).end
      : intervalStart + report.rowMinutes * 60_000;
  return { start: new Date(intervalStart).toISOString(), end: new Date(end).toISOString() };
}

/** A row's name in a chart or a drill-down's title: its interval and its CSQ, agent or call type. */
export function rowName(row: ReportRow): string {
  const key = row.csqName ?? row.agentName ?? row.callType ?? row.reasonLabel ?? '';
  const when = row.intervalLabel ?? '';
  return [when, key].filter((part) => part !== '' && part !== null).join(' · ');
}
