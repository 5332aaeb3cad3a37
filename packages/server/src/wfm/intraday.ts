import { dayBounds, invalid, localDateAt } from '@switchboard/core';
import { localClock } from '@switchboard/wfm';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Db } from '../db/database.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';
import { specialDaysOf, withOpenHours } from './forecasts.service.ts';
import { requirementsOf, workloadPlan } from './plan.ts';
import { runPlanningTask } from './planning-runner.ts';
import { type SimulationResult, WHAT_IF_LIMITS } from './what-if.ts';
import { workloadHistory } from './workload-history.ts';
import { type Workload, workloadsRepository } from './workloads.ts';

export interface IntradayInterval {
  start: string;
  actualVolume: number | null;
  /** The published forecast with adjustments. */
  forecastVolume: number | null;
  forecastAhtSeconds: number | null;
  /** From the first open interval on: the forecast updated with the day's actuals so far. */
  reforecastVolume: number | null;
  /** Staff needed on contacts: for the actual volume where it is known, for the reforecast after. */
  requiredAgents: number | null;
  /** Logged in (closed intervals), or projected: as many as in the last closed interval. */
  loggedInAgents: number | null;
  projectedAgents: number | null;
  /** Logged in or projected, less required: negative is understaffed. */
  overUnder: number | null;
}

export interface IntradayView {
  workloadId: string;
  date: string;
  timeZone: string;
  /** Actuals are known up to here (the last closed interval's end). */
  asOf: string;
  method: string | null;
  rule: { recentMinutes: number; recentWeight: number; priorContacts: number } | null;
  /** Why something is missing, in words a planner reads. */
  notes: string[];
  intervals: IntradayInterval[];
}

async function publishedMethod(db: Db, tenantId: string, workloadId: string, date: string) {
  const rows = await db
    .selectFrom('wfm_forecasts')
    .select(['method', 'first_day', 'days'])
    .where('tenant_id', '=', tenantId)
    .where('workload_id', '=', workloadId)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .execute();
  const day = Date.parse(`${date}T00:00:00Z`);
  return (
    rows.find((row) => {
      const first = Date.parse(`${row.first_day}T00:00:00Z`);
      return first <= day && day < first + row.days * 86_400_000;
    })?.method ?? null
  );
}

/**
 * Today of a workload as it goes: actuals so far, the published forecast, the rest of the day reforecast from
 * the actuals, what that needs, and who is (or is projected to be) logged in.
 */
export async function workloadIntraday(
  db: Db,
  acd: AcdRuntime,
  tenantId: string,
  workloadId: string,
  now: number,
): Promise<IntradayView & { workload: Workload }> {
  const workload = await workloadsRepository.get(db, tenantId, workloadId);
  const settings = await tenantReportingSettings(db, tenantId);
  const today = localDateAt(settings.timeZone, now);
  const date = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
  const bounds = dayBounds(settings.timeZone, today);
  const plan = await workloadPlan(db, acd, tenantId, workloadId, today, today);
  const history = await workloadHistory(db, tenantId, workload, settings);
  const step = settings.intervalMinutes * 60_000;
  const lastClosed = history.series.intervals.at(-1)?.start;
  const asOf = Math.min(
    bounds.end,
    Math.max(bounds.start, lastClosed === undefined ? bounds.start : lastClosed + step),
  );
  const notes: string[] = [];
  const method = await publishedMethod(db, tenantId, workloadId, date);
  const clock = localClock(settings.timeZone);
  const slotOf = (start: number) => clock.toLocal(start).minuteOfDay / settings.intervalMinutes;
  let rule: IntradayView['rule'] = null;
  let reforecast: Float64Array | null = null;
  const published = new Float64Array((24 * 60) / settings.intervalMinutes);
  for (const interval of plan.intervals) {
    const slot = slotOf(Date.parse(interval.start));
    published[slot] = (published[slot] ?? 0) + (interval.adjustedVolume ?? 0);
  }
  if (method === null) notes.push('No published forecast covers today: publish one to see the reforecast.');
  else if (asOf <= bounds.start) {
    notes.push('No interval of today has closed yet: the rest of the day is the published forecast.');
    reforecast = published;
  } else {
    const updated = await runPlanningTask({
      kind: 'intraday',
      input: {
        history: history.series,
        specialDays: await specialDaysOf(db, tenantId, workloadId),
        ...withOpenHours(workload),
      },
      method,
      asOfMs: asOf,
      published,
    });
    rule = updated.rule;
    reforecast = updated.updated;
  }
  // The hour repeated when clocks go back maps both its instants to one wall-clock slot: each gets its share.
  const occurrences = new Map<number, number>();
  for (const interval of plan.intervals) {
    const slot = slotOf(Date.parse(interval.start));
    occurrences.set(slot, (occurrences.get(slot) ?? 0) + 1);
  }
  const future = plan.intervals.map((interval) => {
    const start = Date.parse(interval.start);
    if (reforecast === null || start < asOf) return null;
    const slot = slotOf(start);
    return {
      start,
      volume: (reforecast[slot] ?? 0) / (occurrences.get(slot) ?? 1),
      ahtSeconds: interval.adjustedAhtSeconds,
    };
  });
  const needed = requirementsOf(workload, settings.intervalMinutes, future);
  // What the closed intervals needed for what actually came.
  const neededForActuals = requirementsOf(
    workload,
    settings.intervalMinutes,
    plan.intervals.map((interval) =>
      interval.actualVolume === null
        ? null
        : {
            start: Date.parse(interval.start),
            volume: interval.actualVolume,
            ahtSeconds: interval.actualAhtSeconds ?? interval.adjustedAhtSeconds,
          },
    ),
  );
  const projected =
    [...plan.intervals].reverse().find((interval) => interval.loggedInAgents !== null)?.loggedInAgents ??
    null;
  return {
    workload,
    workloadId,
    date,
    timeZone: settings.timeZone,
    asOf: new Date(asOf).toISOString(),
    method,
    rule,
    notes,
    intervals: plan.intervals.map((interval, i) => {
      const isFuture = Date.parse(interval.start) >= asOf;
      const reforecastVolume = future[i]?.volume ?? null;
      const requiredAgents = isFuture
        ? future[i] === null
          ? interval.requiredAgents
          : (needed[i]?.agents ?? null)
        : interval.actualVolume === null
          ? interval.requiredAgents
          : (neededForActuals[i]?.agents ?? null);
      const staff = isFuture ? projected : interval.loggedInAgents;
      return {
        start: interval.start,
        actualVolume: interval.actualVolume,
        forecastVolume: interval.adjustedVolume,
        forecastAhtSeconds: interval.adjustedAhtSeconds,
        reforecastVolume,
        requiredAgents,
        loggedInAgents: interval.loggedInAgents,
        projectedAgents: isFuture ? projected : null,
        overUnder: staff === null || requiredAgents === null ? null : staff - requiredAgents,
      };
    }),
  };
}

export interface WhatIfChange {
  volumeFactor: number;
  ahtFactor: number;
  /** Agents added to (or taken from) the projected staff of every interval left. */
  staffDelta: number;
}

/**
 * The rest of today simulated with the reforecast changed by the planner: more or fewer contacts, longer or
 * shorter handle times, more or fewer agents. Predicts service level, ASA and abandons per interval.
 */
export async function whatIf(
  db: Db,
  acd: AcdRuntime,
  tenantId: string,
  workloadId: string,
  now: number,
  change: WhatIfChange,
): Promise<{ view: IntradayView; result: SimulationResult; starts: string[] }> {
  const { workload, ...view } = await workloadIntraday(db, acd, tenantId, workloadId, now);
  const fromInterval = view.intervals.findIndex((interval) => interval.reforecastVolume !== null);
  if (fromInterval < 0)
    throw invalid(`Nothing of today is left to simulate: ${view.notes.join(' ') || 'the day is over.'}`);
  const rest = view.intervals.slice(fromInterval);
  const volume = rest.reduce((sum, interval) => sum + (interval.reforecastVolume ?? 0), 0);
  const load = rest.reduce(
    (sum, interval) => sum + (interval.reforecastVolume ?? 0) * (interval.forecastAhtSeconds ?? 0),
    0,
  );
  if (!(load > 0))
    throw invalid('The reforecast has no handle time to simulate with: the forecast has none.');
  const staff = Math.max(0, view.intervals[fromInterval]?.projectedAgents ?? 0);
  const { target } = workload;
  const settings = await tenantReportingSettings(db, tenantId);
  const result = await runPlanningTask({
    kind: 'simulate',
    day: {
      intervalMinutes: settings.intervalMinutes as 15 | 30 | 60,
      channel: workload.channel,
      fromInterval,
      queues: [
        {
          id: 'workload',
          volumes: view.intervals.map((interval) => (interval.reforecastVolume ?? 0) * change.volumeFactor),
          ahtSeconds: (load / volume) * change.ahtFactor,
          serviceLevelSeconds: target.kind === 'service_level' ? target.seconds : 20,
          patienceSeconds: workload.patienceSeconds,
        },
      ],
      agents: view.intervals.map((_, i) =>
        i < fromInterval ? 0 : Math.max(0, Math.round(Math.max(staff, 0) + change.staffDelta)),
      ),
      maxConcurrentChats: workload.maxConcurrentChats,
    },
  });
  return { view, result, starts: view.intervals.map((interval) => interval.start) };
}

export { WHAT_IF_LIMITS };
