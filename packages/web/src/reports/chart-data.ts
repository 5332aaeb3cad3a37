import type { Report, ReportRow } from './report-types.ts';

/** What one chart shows: categories along x (intervals, CSQs or agents) and one series per line or bar. */
export interface ChartData {
  title: string;
  kind: 'lines' | 'bars' | 'stacked';
  unit: 'percent' | 'count' | 'seconds';
  labels: string[];
  series: { label: string; values: (number | null)[] }[];
}

/** At most this many lines in one chart: beyond it, colours stop telling them apart. */
const MAX_LINES = 8;

const num = (value: unknown) => (typeof value === 'number' ? value : 0);
const text = (value: unknown, fallback: string) =>
  typeof value === 'string' && value !== '' ? value : fallback;

/** The x categories of a report and each row's place among them, in the order rows come. */
function categories(rows: ReportRow[], keyOf: (row: ReportRow) => string) {
  const labels: string[] = [];
  const index = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row);
    if (!index.has(key)) {
      index.set(key, labels.length);
      labels.push(key);
    }
  }
  return { labels, at: (row: ReportRow) => index.get(keyOf(row)) ?? 0 };
}

const byInterval = (row: ReportRow) => text(row.intervalLabel, 'All');
const byCsq = (row: ReportRow) => text(row.csqName, text(row.csqId, '?'));
const byAgent = (row: ReportRow) => text(row.agentName, text(row.agentId, '?'));

/** Service level per interval, one line per CSQ; a summarized report has one bar per CSQ instead. */
export function serviceLevelChart(report: Report): ChartData {
  if (report.summarize) {
    const { labels } = categories(report.rows, byCsq);
    return {
      title: 'Service level by CSQ',
      kind: 'bars',
      unit: 'percent',
      labels,
      series: [{ label: 'Service level', values: report.rows.map((r) => percentOf(r.serviceLevel)) }],
    };
  }
  const x = categories(report.rows, byInterval);
  const csqs = categories(report.rows, byCsq).labels.slice(0, MAX_LINES);
  return {
    title: 'Service level per interval',
    kind: 'lines',
    unit: 'percent',
    labels: x.labels,
    series: csqs.map((csq) => {
      const values: (number | null)[] = x.labels.map(() => null);
      for (const row of report.rows) if (byCsq(row) === csq) values[x.at(row)] = percentOf(row.serviceLevel);
      return { label: csq, values };
    }),
  };
}

const percentOf = (ratio: unknown) => (typeof ratio === 'number' ? Math.round(ratio * 1000) / 10 : null);

/** Offered and answered contacts per interval (all CSQs of the report together), or per CSQ when summarized. */
export function volumeChart(report: Report): ChartData {
  const x = categories(report.rows, report.summarize ? byCsq : byInterval);
  const offered = x.labels.map(() => 0);
  const answered = x.labels.map(() => 0);
  for (const row of report.rows) {
    offered[x.at(row)] = (offered[x.at(row)] ?? 0) + num(row.offered);
    answered[x.at(row)] = (answered[x.at(row)] ?? 0) + num(row.answered);
  }
  return {
    title: report.summarize ? 'Offered and answered by CSQ' : 'Offered and answered per interval',
    kind: 'bars',
    unit: 'count',
    labels: x.labels,
    series: [
      { label: 'Offered', values: offered },
      { label: 'Answered', values: answered },
    ],
  };
}

const STATES = [
  ['readySeconds', 'Ready'],
  ['notReadySeconds', 'Not ready'],
  ['reservedSeconds', 'Reserved'],
  ['activeSeconds', 'Active'],
  ['workSeconds', 'Wrap-up'],
] as const;

/**
 * Each agent's time by state over the report, as stacked bars: the five states for the agent summary, the
 * Not Ready reasons for the agent state report.
 */
export function agentStateChart(report: Report): ChartData {
  const agents = categories(report.rows, byAgent);
  const parts: [string, (row: ReportRow) => number][] =
    report.template === 'agent-state'
      ? categories(report.rows, (r) => text(r.reasonLabel, 'No reason')).labels.map((reason) => [
          reason,
          (r) => (text(r.reasonLabel, 'No reason') === reason ? num(r.notReadySeconds) : 0),
        ])
      : STATES.map(([column, label]) => [label, (r) => num(r[column])]);
  return {
    title: report.template === 'agent-state' ? 'Not Ready time by reason' : 'Time in each state',
    kind: 'stacked',
    unit: 'seconds',
    labels: agents.labels,
    series: parts.map(([label, part]) => {
      const values = agents.labels.map(() => 0);
      for (const row of report.rows) values[agents.at(row)] = (values[agents.at(row)] ?? 0) + part(row);
      return { label, values };
    }),
  };
}

/** The charts a report has. */
export function chartsFor(report: Report): ChartData[] {
  if (report.rows.length === 0) return [];
  if (report.template === 'csq-activity') return [serviceLevelChart(report), volumeChart(report)];
  if (report.template === 'agent-summary' || report.template === 'agent-state')
    return [agentStateChart(report)];
  return [];
}
