import type { ChartData } from '../reports/chart-data.ts';

/** One interval of a workload's plan, as GET /wfm/workloads/{id}/plan gives it. */
export interface PlanPoint {
  start: string;
  actualVolume: number | null;
  actualAhtSeconds: number | null;
  forecastVolume: number | null;
  forecastAhtSeconds: number | null;
  adjustedVolume: number | null;
  requiredAgents: number | null;
  requiredStaff: number | null;
  loggedInAgents: number | null;
}

/** One interval of today, as GET /wfm/workloads/{id}/intraday gives it. */
export interface IntradayPoint {
  start: string;
  actualVolume: number | null;
  forecastVolume: number | null;
  reforecastVolume: number | null;
  requiredAgents: number | null;
  loggedInAgents: number | null;
  projectedAgents: number | null;
  overUnder: number | null;
}

/** "YYYY-MM-DD HH:MM" in the tenant's zone: the labels the report charts read. */
export function intervalLabel(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

const round = (value: number | null, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));
/** A draft's volume per interval start, drawn beside the published one. */
export type DraftVolumes = ReadonlyMap<string, number>;

/** Contacts per interval: what arrived, the published forecast, with the planners' adjustments, and a draft. */
export function volumeChart(points: readonly PlanPoint[], timeZone: string, draft?: DraftVolumes): ChartData {
  const series: ChartData['series'] = [
    { label: 'Actual', values: points.map((p) => round(p.actualVolume)) },
    { label: 'Forecast', values: points.map((p) => round(p.forecastVolume)) },
  ];
  if (points.some((p) => p.adjustedVolume !== p.forecastVolume))
    series.push({ label: 'Adjusted', values: points.map((p) => round(p.adjustedVolume)) });
  if (draft && draft.size > 0)
    series.push({ label: 'Draft', values: points.map((p) => round(draft.get(p.start) ?? null)) });
  return {
    title: 'Contacts per interval',
    kind: 'lines',
    unit: 'count',
    labels: points.map((p) => intervalLabel(p.start, timeZone)),
    series,
  };
}

export function ahtChart(points: readonly PlanPoint[], timeZone: string): ChartData {
  return {
    title: 'Average handle time',
    kind: 'lines',
    unit: 'seconds',
    labels: points.map((p) => intervalLabel(p.start, timeZone)),
    series: [
      { label: 'Actual', values: points.map((p) => round(p.actualAhtSeconds, 0)) },
      { label: 'Forecast', values: points.map((p) => round(p.forecastAhtSeconds, 0)) },
    ],
  };
}

/** Agents needed against agents logged in, per interval. */
export function staffingChart(points: readonly PlanPoint[], timeZone: string): ChartData {
  return {
    title: 'Agents required and logged in',
    kind: 'lines',
    unit: 'count',
    labels: points.map((p) => intervalLabel(p.start, timeZone)),
    series: [
      { label: 'Required on contacts', values: points.map((p) => p.requiredAgents) },
      { label: 'Required with shrinkage', values: points.map((p) => p.requiredStaff) },
      { label: 'Logged in', values: points.map((p) => round(p.loggedInAgents)) },
    ],
  };
}

/** Today: what arrived, the forecast, and the rest of the day reforecast from the actuals so far. */
export function intradayChart(points: readonly IntradayPoint[], timeZone: string): ChartData {
  return {
    title: 'Today: contacts per interval',
    kind: 'lines',
    unit: 'count',
    labels: points.map((p) => intervalLabel(p.start, timeZone).slice(11)),
    series: [
      { label: 'Actual', values: points.map((p) => round(p.actualVolume)) },
      { label: 'Forecast', values: points.map((p) => round(p.forecastVolume)) },
      { label: 'Reforecast', values: points.map((p) => round(p.reforecastVolume)) },
    ],
  };
}

/** Staff over (positive) or under (negative) the requirement, per interval. */
export function overUnderChart(points: readonly IntradayPoint[], timeZone: string): ChartData {
  return {
    title: 'Over and under staffing (agents)',
    kind: 'bars',
    unit: 'count',
    labels: points.map((p) => intervalLabel(p.start, timeZone).slice(11)),
    series: [{ label: 'Over (+) or under (−)', values: points.map((p) => round(p.overUnder)) }],
  };
}
