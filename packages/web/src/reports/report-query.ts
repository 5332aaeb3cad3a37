import {
  CHANNELS,
  type ReportChannel,
  ROW_SIZES,
  type RowSize,
  TEMPLATES,
  type Template,
} from './report-types.ts';

/** What a report is asked for with: the same fields in the address bar, a saved definition and the API call. */
export interface ReportQuery {
  template: Template;
  /** Local dates (YYYY-MM-DD) in the tenant's zone, inclusive. */
  from: string;
  to: string;
  /** Empty: the tenant's interval. */
  rows: RowSize | '';
  summarize: boolean;
  csqIds: string[];
  teamIds: string[];
  agentIds: string[];
  channel: ReportChannel | '';
}

export const PRESETS = ['today', 'yesterday', 'last7', 'thisMonth'] as const;
export type Preset = (typeof PRESETS)[number];
export const PRESET_LABELS: Record<Preset, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  last7: 'Last 7 days',
  thisMonth: 'This month',
};

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[0-9a-f-]{36}$/i;

/** A local date moved by whole days ("2026-03-01", -1 ⇒ "2026-02-28"). */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The dates a preset covers, given today's local date in the tenant's zone. */
export function presetRange(preset: Preset, today: string): { from: string; to: string } {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const day = shiftDate(today, -1);
      return { from: day, to: day };
    }
    case 'last7':
      return { from: shiftDate(today, -6), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

export function defaultQuery(today: string): ReportQuery {
  return {
    template: 'csq-activity',
    from: today,
    to: today,
    rows: '',
    summarize: false,
    csqIds: [],
    teamIds: [],
    agentIds: [],
    channel: '',
  };
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): value is T =>
  value !== null && (values as readonly string[]).includes(value);
const ids = (value: string | null | undefined) => (value ? value.split(',').filter((id) => ID.test(id)) : []);

/**
 * A query from the address bar or a saved definition; anything missing or unreadable takes its default, so
 * an old or hand-edited link still opens a report.
 */
export function readQuery(params: URLSearchParams, today: string, template?: string): ReportQuery {
  const fallback = defaultQuery(today);
  const wanted = template ?? params.get('template');
  const from = params.get('from');
  const to = params.get('to');
  const rows = params.get('rows');
  const channel = params.get('channel');
  return {
    template: oneOf(TEMPLATES, wanted) ? wanted : fallback.template,
    from: from && DATE.test(from) ? from : fallback.from,
    to: to && DATE.test(to) ? to : fallback.to,
    rows: oneOf(ROW_SIZES, rows) ? rows : '',
    summarize: params.get('summarize') === 'true',
    csqIds: ids(params.get('csqIds')),
    teamIds: ids(params.get('teamIds')),
    agentIds: ids(params.get('agentIds')),
    channel: oneOf(CHANNELS, channel) ? channel : '',
  };
}

/** The query's parameters without the template, leaving out those at their default. */
export function queryParams(query: ReportQuery): Record<string, string> {
  const params: Record<string, string> = { from: query.from, to: query.to };
  if (query.rows) params.rows = query.rows;
  if (query.summarize) params.summarize = 'true';
  if (query.csqIds.length > 0) params.csqIds = query.csqIds.join(',');
  if (query.teamIds.length > 0) params.teamIds = query.teamIds.join(',');
  if (query.agentIds.length > 0) params.agentIds = query.agentIds.join(',');
  if (query.channel) params.channel = query.channel;
  return params;
}

/** The address bar's search for a query: opening it again restores the report. */
export const querySearch = (query: ReportQuery): string =>
  new URLSearchParams({ template: query.template, ...queryParams(query) }).toString();

/** The API path of a report, with extra parameters (format, paging). */
export const reportPath = (query: ReportQuery, extra: Record<string, string> = {}): string =>
  `/reports/${query.template}?${new URLSearchParams({ ...queryParams(query), ...extra })}`;

/** The contacts behind one figure of a row: the report's dates and channel, and the row's CSQ and span. */
export const contactsPath = (query: ReportQuery, drill: Record<string, string>): string => {
  const params: Record<string, string> = { from: query.from, to: query.to, ...drill };
  if (query.channel) params.channel = query.channel;
  return `/reports/contacts?${new URLSearchParams(params)}`;
};
