import {
  addDays,
  dayBounds,
  INTERVAL_MINUTES,
  type IntervalMinutes,
  invalid,
  type LocalDate,
  type ReportingSettings,
  SwitchboardError,
} from '@switchboard/core';

/** The longest range one report covers; a longer period is several reports (or the export of history). */
export const REPORT_MAX_DAYS = 92;
export const REPORT_PAGE = { default: 10_000, max: 100_000 } as const;

export const REPORT_TEMPLATES = [
  'csq-activity',
  'call-type',
  'agent-summary',
  'agent-state',
  'agent-detail',
  'abandoned',
  'contacts',
  'wfm-interval',
] as const;
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];

export const DRILL_KINDS = [
  'offered',
  'answered',
  'handled',
  'abandoned',
  'dequeued',
  'withinThreshold',
] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];

export interface ReportQuery {
  from: string;
  to: string;
  rows?: string;
  summarize?: boolean;
  csqIds?: string;
  teamIds?: string;
  agentIds?: string;
  channel?: 'voice' | 'chat' | 'email';
  csqId?: string;
  start?: string;
  end?: string;
  kind?: DrillKind;
  limit?: number;
  cursor?: string;
}

export interface ReportRequest {
  template: ReportTemplate;
  timeZone: string;
  fromDate: LocalDate;
  toDate: LocalDate;
  /** [start, end) of the range in instants. */
  start: number;
  end: number;
  rowMinutes: IntervalMinutes | 'day';
  summarize: boolean;
  csqIds: string[] | null;
  teamIds: string[] | null;
  agentIds: string[] | null;
  channel: 'voice' | 'chat' | 'email' | null;
  drill: { csqId: string | null; start: number; end: number; kind: DrillKind } | null;
  limit: number;
  offset: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function localDate(field: string, text: string): LocalDate {
  const match = DATE.exec(text);
  const date = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const valid =
    date && new Date(Date.UTC(date.year, date.month - 1, date.day)).toISOString().slice(0, 10) === text;
  if (!date || !valid) throw invalid(`${field} must be a date as YYYY-MM-DD, e.g. 2026-03-29.`, { field });
  return date;
}

function ids(field: string, text: string | undefined): string[] | null {
  if (text === undefined || text === '') return null;
  const list = [...new Set(text.split(',').map((id) => id.trim()))];
  const bad = list.filter((id) => !UUID.test(id));
  if (bad.length > 0)
    throw invalid(`${field} must be comma-separated ids; not an id: ${bad.slice(0, 3).join(', ')}.`, {
      field,
    });
  if (list.length > 500) throw invalid(`${field} lists at most 500 ids.`, { field });
  return list;
}

function instant(field: string, text: string | undefined): number {
  const ms = text === undefined ? Number.NaN : Date.parse(text);
  if (!Number.isFinite(ms))
    throw invalid(`${field} must be an ISO-8601 instant, e.g. 2026-03-29T01:45:00+01:00.`, { field });
  return ms;
}

function days(from: LocalDate, to: LocalDate): number {
  return (
    Math.round(
      (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000,
    ) + 1
  );
}

/** Checks a report's query against the tenant's settings and the limits: a clear 400 for each mistake. */
export function reportRequest(
  template: ReportTemplate,
  query: ReportQuery,
  settings: ReportingSettings,
): ReportRequest {
  const fromDate = localDate('from', query.from);
  const toDate = localDate('to', query.to);
  const span = days(fromDate, toDate);
  if (span < 1) throw invalid('to must be the same day as from or later.', { field: 'to' });
  if (span > REPORT_MAX_DAYS)
    throw new SwitchboardError(
      'range_too_long',
      `A report covers at most ${REPORT_MAX_DAYS} days; this range has ${span}. Split it into shorter reports.`,
      { maxDays: REPORT_MAX_DAYS, days: span },
    );
  const rowMinutes = rowSize(query.rows, settings);
  const limit = query.limit ?? REPORT_PAGE.default;
  const offset = query.cursor === undefined ? 0 : Number(query.cursor);
  if (!Number.isInteger(offset) || offset < 0)
    throw invalid('cursor must be the `next` value of the page before.', { field: 'cursor' });
  const drill =
    template === 'contacts'
      ? {
          csqId: query.csqId ?? null,
          start: instant('start', query.start),
          end: instant('end', query.end),
          kind: query.kind ?? 'offered',
        }
      : null;
  if (query.csqId !== undefined && !UUID.test(query.csqId))
    throw invalid('csqId must be an id.', { field: 'csqId' });
  return {
    template,
    timeZone: settings.timeZone,
    fromDate,
    toDate,
    start: dayBounds(settings.timeZone, fromDate).start,
    end: dayBounds(settings.timeZone, addDays(toDate, 0)).end,
    rowMinutes,
    summarize: query.summarize ?? false,
    csqIds: ids('csqIds', query.csqIds),
    teamIds: ids('teamIds', query.teamIds),
    agentIds: ids('agentIds', query.agentIds),
    channel: query.channel ?? null,
    drill,
    limit,
    offset,
  };
}

function rowSize(text: string | undefined, settings: ReportingSettings): IntervalMinutes | 'day' {
  if (text === undefined) return settings.intervalMinutes;
  if (text === 'day') return 'day';
  const minutes = Number(text) as IntervalMinutes;
  if (!INTERVAL_MINUTES.includes(minutes))
    throw invalid('rows must be 15, 30, 60 or day.', { field: 'rows' });
  if (minutes % settings.intervalMinutes !== 0)
    throw new SwitchboardError(
      'interval_not_used',
      `This tenant reports in ${settings.intervalMinutes}-minute intervals: rows of ${minutes} minutes cannot be made from them. Use ${INTERVAL_MINUTES.filter((m) => m % settings.intervalMinutes === 0).join(', ')} or day.`,
      { intervalMinutes: settings.intervalMinutes },
    );
  return minutes;
}
