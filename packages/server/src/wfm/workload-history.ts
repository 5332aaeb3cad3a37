import {
  dayBounds,
  type IntervalMinutes,
  intervalsBetween,
  localDateAt,
  type ReportingSettings,
} from '@switchboard/core';
import { aggregateSeries, type IntervalObservation, type IntervalSeries } from '@switchboard/wfm';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { epochMs, jsonRows } from '../db/json-rows.ts';
import type { Workload } from './workloads.ts';

const uuids = (ids: readonly string[]) => sql`any(${`{${ids.join(',')}}`}::uuid[])`;
const texts = (values: readonly string[]) => sql`any(${values}::text[])`;

/**
 * The built-in ACD's intervals of the workload, from the interval tables: contacts offered and their handle
 * time per interval of the tenant's size, every interval from the first captured day to the capture position
 * (an interval without a row had no contacts: zero, not a gap).
 */
async function builtInIntervals(
  db: Db,
  tenantId: string,
  workload: Workload,
  settings: ReportingSettings,
): Promise<IntervalObservation[]> {
  const byCsq = workload.basis === 'csq';
  const keys = byCsq ? workload.csqIds : workload.callTypes;
  if (keys.length === 0) return [];
  const position = await db
    .selectFrom('report_captures')
    .select('captured_until')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (!position) return [];
  const table = byCsq ? sql`csq_intervals` : sql`call_type_intervals`;
  const filter = byCsq ? sql`csq_id = ${uuids(keys)}` : sql`call_type = ${texts(keys)}`;
  const rows = await jsonRows(
    db,
    [epochMs('interval_start'), sql`offered`, sql`handle_ms`, sql`handled`],
    sql`from (select interval_start, sum(offered) as offered, sum(talk_ms + hold_ms + wrap_ms) as handle_ms,
        sum(handle_count) as handled
      from ${table} where tenant_id = ${tenantId} and interval_minutes = ${settings.intervalMinutes}
        and ${filter} and interval_start < ${position.captured_until} group by interval_start) as sums`,
    sql`interval_start`,
  );
  const first = rows[0]?.[0] as number | undefined;
  if (first === undefined) return [];
  const byStart = new Map(rows.map((row) => [row[0] as number, row]));
  const from = dayBounds(settings.timeZone, localDateAt(settings.timeZone, first)).start;
  return intervalsBetween(
    settings.timeZone,
    settings.intervalMinutes,
    from,
    position.captured_until.getTime(),
  ).map(({ start }) => {
    const row = byStart.get(start);
    if (!row) return { start, volume: 0 };
    const handled = Number(row[3]);
    const volume = Number(row[1]);
    return handled > 0 ? { start, volume, ahtSeconds: Number(row[2]) / handled / 1000 } : { start, volume };
  });
}

/**
 * Imported interval history under the workload's queue names, before `before`: summed per interval, handle time
 * weighted by answered contacts. Rows finer than the tenant's interval are summed into it; coarser ones cannot
 * be split and are left out (the count is returned).
 */
async function importedIntervals(
  db: Db,
  tenantId: string,
  workload: Workload,
  settings: ReportingSettings,
  before: number,
): Promise<{ intervals: IntervalObservation[]; coarserRows: number }> {
  if (workload.importedQueues.length === 0) return { intervals: [], coarserRows: 0 };
  const rows = await jsonRows(
    db,
    [sql`interval_minutes`, epochMs('interval_start'), sql`offered`, sql`load`, sql`answered`],
    sql`from (select interval_minutes, interval_start, sum(offered) as offered,
        sum(coalesce(handle_seconds_avg, 0) * answered) as load,
        sum(case when handle_seconds_avg is null then 0 else answered end) as answered
      from interval_history where tenant_id = ${tenantId} and queue = ${texts(workload.importedQueues)}
        ${Number.isFinite(before) ? sql`and interval_start < ${new Date(before)}` : sql``}
      group by interval_minutes, interval_start) as sums`,
    sql`interval_start`,
  );
  const target = settings.intervalMinutes;
  const bySize = new Map<number, IntervalObservation[]>();
  let coarserRows = 0;
  for (const [minutes, start, offered, load, answered] of rows) {
    if ((minutes as number) > target || target % (minutes as number) !== 0) {
      coarserRows++;
      continue;
    }
    const observation: IntervalObservation = { start: start as number, volume: Number(offered) };
    if (Number(answered) > 0) observation.ahtSeconds = Number(load) / Number(answered);
    bySize.set(minutes as number, [...(bySize.get(minutes as number) ?? []), observation]);
  }
  const intervals = [...bySize].flatMap(([minutes, observations]) => {
    const series: IntervalSeries = {
      intervalMinutes: minutes as IntervalSeries['intervalMinutes'],
      timeZone: settings.timeZone,
      intervals: observations,
    };
    return aggregateSeries(series, target as IntervalMinutes).intervals;
  });
  return { intervals, coarserRows };
}

export interface WorkloadHistory {
  series: IntervalSeries;
  /** Intervals from the interval tables, and from imported history before them. */
  builtIn: number;
  imported: number;
  /** Imported rows of a coarser interval than the tenant's, which cannot be split and were left out. */
  coarserRows: number;
}

/**
 * The workload's history as the forecast reads it: the built-in ACD's intervals, and imported interval
 * history for the time before them (an interval both have is taken from the interval tables).
 */
export async function workloadHistory(
  db: Db,
  tenantId: string,
  workload: Workload,
  settings: ReportingSettings,
): Promise<WorkloadHistory> {
  const builtIn = await builtInIntervals(db, tenantId, workload, settings);
  const before = builtIn[0]?.start ?? Number.POSITIVE_INFINITY;
  const imported = await importedIntervals(db, tenantId, workload, settings, before);
  const merged = new Map<number, IntervalObservation>();
  for (const interval of imported.intervals) {
    const other = merged.get(interval.start);
    merged.set(interval.start, other ? sumOf(other, interval) : interval);
  }
  for (const interval of builtIn) merged.set(interval.start, interval);
  return {
    series: {
      intervalMinutes: settings.intervalMinutes as IntervalSeries['intervalMinutes'],
      timeZone: settings.timeZone,
      intervals: [...merged.values()].sort((a, b) => a.start - b.start),
    },
    builtIn: builtIn.length,
    imported: merged.size - builtIn.length,
    coarserRows: imported.coarserRows,
  };
}

/** Two observations of one interval from different sizes of import, summed. */
function sumOf(a: IntervalObservation, b: IntervalObservation): IntervalObservation {
  const volume = a.volume + b.volume;
  const load = (a.ahtSeconds ?? 0) * a.volume + (b.ahtSeconds ?? 0) * b.volume;
  const timed = (a.ahtSeconds === undefined ? 0 : a.volume) + (b.ahtSeconds === undefined ? 0 : b.volume);
  return timed > 0 ? { start: a.start, volume, ahtSeconds: load / timed } : { start: a.start, volume };
}
