import { invalid, type LocalDate } from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Db } from '../db/database.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';
import { requirementsOf, type WorkloadPlan, workloadPlan } from './plan.ts';
import { runPlanningTask } from './planning-runner.ts';
import type { SimulatedFigures } from './what-if.ts';
import { type Workload, type WorkloadTarget, workloadsRepository } from './workloads.ts';

/** Workloads pooled at once, at most. */
export const POOL_MAX_WORKLOADS = 10;

export interface PooledInterval {
  start: string;
  /** Each workload staffed on its own, summed. */
  separateAgents: number;
  /** Agents who take every workload of the pool, staffed to the strictest target on the combined load. */
  pooledAgents: number;
  /** The simulator's figures at the pooled agents: overall and per workload (in the order asked). */
  simulated: SimulatedFigures | null;
  workloads: (SimulatedFigures | null)[];
}

/** The strictest of the pool's targets: the highest service level in the shortest time, else the shortest ASA. */
function strictest(targets: readonly WorkloadTarget[]): WorkloadTarget {
  const levels = targets.filter((t) => t.kind === 'service_level');
  if (levels.length > 0)
    return {
      kind: 'service_level',
      percent: Math.max(...levels.map((t) => t.percent)),
      seconds: Math.min(...levels.map((t) => t.seconds)),
    };
  return { kind: 'asa', seconds: Math.min(...targets.map((t) => t.seconds)) };
}

/**
 * One day of several workloads of one channel whose agents have all their skills: the agents each needs on
 * its own, summed, against the agents the pool needs on the combined load (Erlang on the sum, to the strictest
 * target); the simulator then runs the day with the pooled agents taking every queue, to check that each
 * workload still gets its service level.
 */
export async function pooledRequirement(
  db: Db,
  acd: AcdRuntime,
  tenantId: string,
  workloadIds: readonly string[],
  day: LocalDate,
) {
  const ids = [...new Set(workloadIds)];
  if (ids.length < 2 || ids.length > POOL_MAX_WORKLOADS)
    throw invalid(`Pool 2 to ${POOL_MAX_WORKLOADS} workloads.`, { workloadIds: ids });
  const workloads: Workload[] = [];
  for (const id of ids) workloads.push(await workloadsRepository.get(db, tenantId, id));
  const channel = workloads[0]?.channel;
  if (channel === 'email' || workloads.some((w) => w.channel !== channel))
    throw invalid(
      'Pool phone workloads with phone workloads, or chat with chat: email is worked as a backlog.',
    );
  const plans: WorkloadPlan[] = [];
  for (const workload of workloads) plans.push(await workloadPlan(db, acd, tenantId, workload.id, day, day));
  const settings = await tenantReportingSettings(db, tenantId);
  const grid = plans[0]?.intervals ?? [];
  const combined = grid.map((interval, i) => {
    let volume = 0;
    let load = 0;
    for (const plan of plans) {
      const own = plan.intervals[i];
      const v = own?.adjustedVolume ?? 0;
      volume += v;
      load += v * (own?.adjustedAhtSeconds ?? 0);
    }
    return { start: Date.parse(interval.start), volume, ahtSeconds: volume > 0 ? load / volume : null };
  });
  const first = workloads[0] as Workload;
  const pool: Workload = {
    ...first,
    id: 'pool',
    target: strictest(workloads.map((w) => w.target)),
    shrinkage: 0,
    maxOccupancy: Math.min(...workloads.map((w) => w.maxOccupancy ?? 1)),
    patienceSeconds: workloads.every((w) => w.patienceSeconds !== null)
      ? Math.min(...workloads.map((w) => w.patienceSeconds as number))
      : null,
    maxConcurrentChats: Math.min(...workloads.map((w) => w.maxConcurrentChats ?? 1)),
  };
  const pooled = requirementsOf(pool, settings.intervalMinutes, combined).map((interval) => interval.agents);
  const separate = grid.map((_, i) =>
    plans.reduce((sum, plan) => sum + (plan.intervals[i]?.requiredAgents ?? 0), 0),
  );
  const dayAht = (plan: WorkloadPlan) => {
    let volume = 0;
    let load = 0;
    for (const interval of plan.intervals) {
      volume += interval.adjustedVolume ?? 0;
      load += (interval.adjustedVolume ?? 0) * (interval.adjustedAhtSeconds ?? 0);
    }
    return volume > 0 ? load / volume : 0;
  };
  const simulatable = plans.some((plan) => dayAht(plan) > 0);
  const result = simulatable
    ? await runPlanningTask({
        kind: 'simulate',
        day: {
          intervalMinutes: settings.intervalMinutes as 15 | 30 | 60,
          channel: channel as 'voice' | 'chat',
          fromInterval: 0,
          queues: workloads.map((workload, w) => ({
            id: `w${w}`,
            volumes: (plans[w]?.intervals ?? []).map((interval) => interval.adjustedVolume ?? 0),
            ahtSeconds: dayAht(plans[w] as WorkloadPlan),
            serviceLevelSeconds: workload.target.kind === 'service_level' ? workload.target.seconds : 20,
            patienceSeconds: workload.patienceSeconds,
          })),
          agents: pooled,
          maxConcurrentChats: pool.maxConcurrentChats,
        },
      })
    : null;
  return {
    workloadIds: ids,
    target: pool.target,
    intervals: grid.map(
      (interval, i): PooledInterval => ({
        start: interval.start,
        separateAgents: separate[i] ?? 0,
        pooledAgents: pooled[i] ?? 0,
        simulated: result?.intervals[i] ? strip(result.intervals[i]) : null,
        workloads: workloads.map((_, w) => result?.intervals[i]?.queues[w] ?? null),
      }),
    ),
    total: {
      separateAgentHours: (separate.reduce((a, b) => a + b, 0) * settings.intervalMinutes) / 60,
      pooledAgentHours: (pooled.reduce((a, b) => a + b, 0) * settings.intervalMinutes) / 60,
      simulated: result?.total ?? null,
    },
  };
}

const strip = ({
  offered,
  answered,
  abandoned,
  serviceLevel,
  asaSeconds,
}: SimulatedFigures): SimulatedFigures => ({
  offered,
  answered,
  abandoned,
  serviceLevel,
  asaSeconds,
});
