import {
  addDays,
  conflict,
  formatLocalDate,
  type LocalDate,
  localDateAt,
  notFound,
  type ReportingSettings,
} from '@switchboard/core';
import type { ForecastEvaluation, SpecialDay } from '@switchboard/wfm';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { epochMs, jsonRows } from '../db/json-rows.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';
import { runPlanningTask } from './planning-runner.ts';
import { workloadHistory } from './workload-history.ts';
import { openHoursOf, type Workload, workloadsRepository } from './workloads.ts';

export interface ForecastSummary {
  id: string;
  workloadId: string;
  status: 'draft' | 'published';
  method: string;
  intervalMinutes: number;
  firstDay: string;
  days: number;
  historyIntervals: number;
  evaluation: ForecastEvaluation & { history: { builtIn: number; imported: number; coarserRows: number } };
  createdBy: string | null;
  createdAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
}

type ForecastRow = {
  id: string;
  workload_id: string;
  status: 'draft' | 'published';
  method: string;
  interval_minutes: number;
  first_day: string;
  days: number;
  history_intervals: number;
  evaluation: unknown;
  created_by: string | null;
  created_at: Date;
  published_by: string | null;
  published_at: Date | null;
};

export function presentForecast(row: ForecastRow): ForecastSummary {
  return {
    id: row.id,
    workloadId: row.workload_id,
    status: row.status,
    method: row.method,
    intervalMinutes: row.interval_minutes,
    firstDay: row.first_day,
    days: row.days,
    historyIntervals: row.history_intervals,
    evaluation: (typeof row.evaluation === 'string'
      ? JSON.parse(row.evaluation)
      : row.evaluation) as ForecastSummary['evaluation'],
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    publishedBy: row.published_by,
    publishedAt: row.published_at?.toISOString() ?? null,
  };
}

/** The special days that apply to a workload: its own, and the tenant's where it has none that date. */
export async function specialDaysOf(db: Db, tenantId: string, workloadId: string): Promise<SpecialDay[]> {
  const rows = await db
    .selectFrom('wfm_special_days')
    .select(['date', 'name', 'closed', 'factor', 'workload_id'])
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('workload_id', 'is', null), eb('workload_id', '=', workloadId)]))
    .execute();
  const byDate = new Map<string, SpecialDay & { own: boolean }>();
  for (const row of rows) {
    const date = row.date;
    const own = row.workload_id !== null;
    if (byDate.get(date)?.own && !own) continue;
    byDate.set(date, {
      date,
      name: row.name,
      own,
      ...(row.closed ? { closed: true } : {}),
      ...(row.factor === null ? {} : { factor: row.factor }),
    });
  }
  return [...byDate.values()].map(({ own: _, ...special }) => special);
}

const FORECAST_COLUMNS = [
  'id',
  'workload_id',
  'status',
  'method',
  'interval_minutes',
  'first_day',
  'days',
  'history_intervals',
  'evaluation',
  'created_by',
  'created_at',
  'published_by',
  'published_at',
] as const;

export async function getForecast(db: Db, tenantId: string, id: string): Promise<ForecastSummary> {
  const row = await db
    .selectFrom('wfm_forecasts')
    .select(FORECAST_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Forecast');
  return presentForecast(row as ForecastRow);
}

export async function listForecasts(db: Db, tenantId: string, workloadId: string, limit = 50) {
  const rows = await db
    .selectFrom('wfm_forecasts')
    .select(FORECAST_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('workload_id', '=', workloadId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => presentForecast(row as ForecastRow));
}

/** Tomorrow on the tenant's wall clock: where a forecast starts unless told otherwise. */
export const tomorrowOf = (settings: ReportingSettings, now: number): LocalDate =>
  addDays(localDateAt(settings.timeZone, now), 1);

/**
 * Forecasts a workload from its history (interval tables, imported history before them) with its special days
 * and open hours, in a worker thread, and stores the forecast as a draft (published at once when asked).
 */
export async function createForecast(
  db: Db,
  tenantId: string,
  workloadId: string,
  options: {
    firstDay?: LocalDate;
    days: number;
    by: string | null;
    now: number;
    publish?: boolean;
    /** Background work waits for the planning worker instead of being refused when it is busy. */
    wait?: boolean;
  },
): Promise<ForecastSummary> {
  const workload = await workloadsRepository.get(db, tenantId, workloadId);
  const settings = await tenantReportingSettings(db, tenantId);
  const history = await workloadHistory(db, tenantId, workload, settings);
  const firstDay = options.firstDay ?? tomorrowOf(settings, options.now);
  const result = await runPlanningTask(
    {
      kind: 'forecast',
      input: {
        history: history.series,
        specialDays: await specialDaysOf(db, tenantId, workloadId),
        ...withOpenHours(workload),
      },
      firstDay,
      days: options.days,
    },
    { wait: options.wait ?? false },
  );
  const id = crypto.randomUUID();
  const evaluation = {
    ...result.evaluation,
    history: { builtIn: history.builtIn, imported: history.imported, coarserRows: history.coarserRows },
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('wfm_forecasts')
      .values({
        tenant_id: tenantId,
        id,
        workload_id: workloadId,
        status: 'draft',
        method: result.method,
        interval_minutes: settings.intervalMinutes,
        first_day: formatLocalDate(firstDay),
        days: options.days,
        history_intervals: history.series.intervals.length,
        evaluation: JSON.stringify(evaluation),
        created_by: options.by,
      })
      .execute();
    const rows = result.intervals.map((interval) => ({
      tenant_id: tenantId,
      forecast_id: id,
      interval_start: new Date(interval.start).toISOString(),
      volume: interval.volume,
      aht_seconds: interval.ahtSeconds,
    }));
    if (rows.length > 0)
      await sql`insert into wfm_forecast_intervals
        select * from json_populate_recordset(null::wfm_forecast_intervals, ${JSON.stringify(rows)}::json)`.execute(
        trx,
      );
  });
  if (options.publish) return publishForecast(db, tenantId, id, options.by, options.now);
  return getForecast(db, tenantId, id);
}

export const withOpenHours = (workload: Workload) => {
  const openHours = openHoursOf(workload);
  return openHours === undefined ? {} : { openHours };
};

/** Publishes a draft: from now on its intervals are the workload's forecast wherever it is the latest published. */
export async function publishForecast(
  db: Db,
  tenantId: string,
  id: string,
  by: string | null,
  now: number,
): Promise<ForecastSummary> {
  const updated = await db
    .updateTable('wfm_forecasts')
    .set({ status: 'published', published_by: by, published_at: new Date(now) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    const existing = await getForecast(db, tenantId, id);
    throw conflict(`The forecast is ${existing.status} already: only a draft can be published.`, {
      status: existing.status,
    });
  }
  return getForecast(db, tenantId, id);
}

export interface ForecastInterval {
  start: number;
  volume: number;
  ahtSeconds: number | null;
}

/**
 * The workload's published forecast over [from, to): per interval, the latest published forecast that covers it
 * (a forecast published later wins over the days they share).
 */
export async function publishedIntervals(
  db: Db,
  tenantId: string,
  workloadId: string,
  from: number,
  to: number,
): Promise<ForecastInterval[]> {
  const rows = await jsonRows(
    db,
    [epochMs('interval_start'), sql`volume`, sql`aht_seconds`],
    sql`from (
      select distinct on (i.interval_start) i.interval_start, i.volume, i.aht_seconds
      from wfm_forecast_intervals i
      join wfm_forecasts f on f.tenant_id = i.tenant_id and f.id = i.forecast_id
      where i.tenant_id = ${tenantId} and f.workload_id = ${workloadId} and f.status = 'published'
        and i.interval_start >= ${new Date(from)} and i.interval_start < ${new Date(to)}
      order by i.interval_start, f.published_at desc
    ) as latest`,
    sql`interval_start`,
  );
  return rows.map(([start, volume, aht]) => ({
    start: start as number,
    volume: Number(volume),
    ahtSeconds: aht === null ? null : Number(aht),
  }));
}

/** The intervals of one forecast (published or draft), over [from, to) when given. */
export async function forecastIntervalsOf(
  db: Db,
  tenantId: string,
  forecastId: string,
): Promise<ForecastInterval[]> {
  const rows = await jsonRows(
    db,
    [epochMs('interval_start'), sql`volume`, sql`aht_seconds`],
    sql`from wfm_forecast_intervals where tenant_id = ${tenantId} and forecast_id = ${forecastId}`,
    sql`interval_start`,
  );
  return rows.map(([start, volume, aht]) => ({
    start: start as number,
    volume: Number(volume),
    ahtSeconds: aht === null ? null : Number(aht),
  }));
}
