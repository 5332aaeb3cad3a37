import {
  DOMAINS,
  dayBounds,
  type IntervalMinutes,
  intervalsBetween,
  invalid,
  type LocalDate,
  type ReportingSettings,
  SwitchboardError,
} from '@switchboard/core';
import { type StaffingIntervalMinutes, type StaffingWorkload, staffIntervals } from '@switchboard/wfm';
import { sql } from 'kysely';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Db } from '../db/database.ts';
import { epochMs, jsonRows } from '../db/json-rows.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';
import { adjustmentsRepository, applyAdjustments } from './adjustments.ts';
import { type ForecastInterval, publishedIntervals } from './forecasts.service.ts';
import { workloadHistory } from './workload-history.ts';
import { type Workload, workloadsRepository } from './workloads.ts';

/** Days one plan request covers at most. */
export const PLAN_MAX_DAYS = 31;

export interface PlanInterval {
  start: string;
  /** What arrived (closed intervals of the built-in ACD or imported history); null where not known yet. */
  actualVolume: number | null;
  actualAhtSeconds: number | null;
  /** The published forecast, and the same with the planners' adjustments; null where none is published. */
  forecastVolume: number | null;
  forecastAhtSeconds: number | null;
  adjustedVolume: number | null;
  adjustedAhtSeconds: number | null;
  /** Agents needed on contacts to meet the workload's target, and with shrinkage the staff to schedule. */
  requiredAgents: number | null;
  requiredStaff: number | null;
  /** Predicted at the required agents (voice and chat). */
  serviceLevel: number | null;
  asaSeconds: number | null;
  /** Agents of the workload's CSQs logged in on its channel, on average over the interval (null without CSQs). */
  loggedInAgents: number | null;
}

export interface WorkloadPlan {
  workloadId: string;
  intervalMinutes: number;
  timeZone: string;
  intervals: PlanInterval[];
}

const utcOf = (date: LocalDate) => Date.UTC(date.year, date.month - 1, date.day);

/** Staffing of the adjusted forecast by the workload's channel, target and caps. */
export function requirementsOf(
  workload: Workload,
  minutes: number,
  forecast: readonly (ForecastInterval | null)[],
) {
  const demand = forecast.map((interval) =>
    interval && interval.volume > 0 && (interval.ahtSeconds ?? 0) > 0
      ? { volume: interval.volume, ahtSeconds: interval.ahtSeconds as number }
      : { volume: 0, ahtSeconds: 0 },
  );
  const common = {
    id: workload.id,
    intervals: demand,
    ...(workload.maxOccupancy === null ? {} : { maxOccupancy: workload.maxOccupancy }),
    shrinkage: workload.shrinkage,
  };
  const { target } = workload;
  let staffing: StaffingWorkload;
  if (workload.channel === 'email' || target.kind === 'response_time') {
    staffing = { ...common, channel: 'email', responseSeconds: target.seconds };
  } else {
    const queued = {
      ...common,
      target:
        target.kind === 'asa'
          ? ({ kind: 'asa', seconds: target.seconds } as const)
          : ({
              kind: 'service_level',
              fraction: target.percent / 100,
              withinSeconds: target.seconds,
            } as const),
      ...(workload.patienceSeconds === null ? {} : { patienceSeconds: workload.patienceSeconds }),
    };
    staffing =
      workload.channel === 'chat'
        ? { ...queued, channel: 'chat', maxConcurrentChats: workload.maxConcurrentChats ?? 1 }
        : { ...queued, channel: 'voice' };
  }
  const result = staffIntervals({
    intervalMinutes: minutes as StaffingIntervalMinutes,
    workloads: [staffing],
  });
  return result.workloads[0]?.intervals ?? [];
}

/** Per interval, the agents of the workload's queues logged in on its channel (average over the interval). */
async function loggedIn(
  db: Db,
  acd: AcdRuntime,
  tenantId: string,
  workload: Workload,
  minutes: number,
  from: number,
  to: number,
): Promise<Map<number, number> | null> {
  const domain = workload.channel === 'voice' ? DOMAINS[0] : DOMAINS[1];
  // Only a workload's CSQs say who serves it: without any, its staff is not known (null).
  if (workload.basis !== 'csq' || workload.csqIds.length === 0) return null;
  const { engine } = await acd.router(tenantId);
  const members = engine
    .view()
    .csqs.filter((csq) => workload.csqIds.includes(csq.id))
    .flatMap((csq) => csq.members);
  const agents = [...new Set(members)];
  if (agents.length === 0) return new Map();
  const rows = await jsonRows(
    db,
    [epochMs('interval_start'), sql`logged_in_ms`],
    sql`from (select interval_start, sum(logged_in_ms) as logged_in_ms from agent_intervals
      where tenant_id = ${tenantId} and domain = ${domain} and interval_minutes = ${minutes}
        and interval_start >= ${new Date(from)} and interval_start < ${new Date(to)}
        and agent_id = any(${`{${agents.join(',')}}`}::uuid[])
      group by interval_start) as sums`,
  );
  return new Map(rows.map(([start, ms]) => [start as number, Number(ms) / (minutes * 60_000)]));
}

/**
 * The workload's days from `first` to `last` (local, inclusive), interval by interval: actuals, the published
 * forecast with and without adjustments, the requirement, and the agents logged in.
 */
export async function workloadPlan(
  db: Db,
  acd: AcdRuntime,
  tenantId: string,
  workloadId: string,
  first: LocalDate,
  last: LocalDate,
): Promise<WorkloadPlan> {
  const workload = await workloadsRepository.get(db, tenantId, workloadId);
  const settings: ReportingSettings = await tenantReportingSettings(db, tenantId);
  const from = dayBounds(settings.timeZone, first).start;
  const to = dayBounds(settings.timeZone, last).end;
  const days = (utcOf(last) - utcOf(first)) / 86_400_000 + 1;
  if (days < 1) throw invalid('The plan ends on or after the day it starts.');
  if (days > PLAN_MAX_DAYS)
    throw new SwitchboardError('range_too_long', `A plan covers at most ${PLAN_MAX_DAYS} days.`, {
      maxDays: PLAN_MAX_DAYS,
    });
  const minutes = settings.intervalMinutes;
  const grid = intervalsBetween(settings.timeZone, minutes as IntervalMinutes, from, to);
  const history = await workloadHistory(db, tenantId, workload, settings);
  const actuals = new Map(
    history.series.intervals.filter((i) => i.start >= from && i.start < to).map((i) => [i.start, i]),
  );
  const published = new Map(
    (await publishedIntervals(db, tenantId, workloadId, from, to)).map((i) => [i.start, i]),
  );
  const adjustments = await adjustmentsRepository.list(db, tenantId, workloadId, from, to);
  const forecast = grid.map(({ start }) => published.get(start) ?? null);
  const adjusted = forecast.map((interval) =>
    interval === null ? null : (applyAdjustments([interval], adjustments)[0] ?? null),
  );
  const staffing = requirementsOf(workload, minutes, adjusted);
  const staffed = await loggedIn(db, acd, tenantId, workload, minutes, from, to);
  const closedUntil = history.series.intervals.at(-1)?.start ?? Number.NEGATIVE_INFINITY;
  return {
    workloadId,
    intervalMinutes: minutes,
    timeZone: settings.timeZone,
    intervals: grid.map(({ start }, i) => {
      const actual = actuals.get(start);
      const base = forecast[i] ?? null;
      const after = adjusted[i] ?? null;
      const need = after === null ? undefined : staffing[i];
      return {
        start: new Date(start).toISOString(),
        actualVolume: actual?.volume ?? null,
        actualAhtSeconds: actual?.ahtSeconds ?? null,
        forecastVolume: base?.volume ?? null,
        forecastAhtSeconds: base?.ahtSeconds ?? null,
        adjustedVolume: after?.volume ?? null,
        adjustedAhtSeconds: after?.ahtSeconds ?? null,
        requiredAgents: need?.agents ?? null,
        requiredStaff: need?.staff ?? null,
        serviceLevel: need?.serviceLevel ?? null,
        asaSeconds: need?.asaSeconds ?? null,
        loggedInAgents: staffed !== null && start <= closedUntil ? (staffed.get(start) ?? 0) : null,
      };
    }),
  };
}
