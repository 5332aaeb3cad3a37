import { staffDeferredWork } from './deferred.ts';
import { erlangAMeasuresFromBlocking } from './erlang-a.ts';
import { erlangCMeasuresAt, nextErlangB } from './erlang-c.ts';
import type { QueueMeasures } from './measures.ts';
import { solveQueue } from './required-agents.ts';
import type {
  ChatWorkload,
  EmailWorkload,
  IntervalStaffing,
  StaffingRequest,
  StaffingResult,
  VoiceWorkload,
  WorkloadStaffing,
} from './types.ts';
import { validateStaffingRequest } from './validate.ts';
import { staffWithShrinkage } from './whole-numbers.ts';

/**
 * Agents required per interval for every workload of a request — Erlang C or Erlang A for voice, the same on
 * chat slots for chat, a deadline-driven fluid model for email — with what each staffing is predicted to
 * achieve. Validates the request first (SwitchboardError 'validation_failed' naming the field).
 *
 * @example
 * const { workloads } = staffIntervals({
 *   intervalMinutes: 30,
 *   workloads: [{
 *     id: 'sales', channel: 'voice', intervals: [{ volume: 100, ahtSeconds: 180 }],
 *     target: { kind: 'service_level', fraction: 0.8, withinSeconds: 20 }, maxOccupancy: 0.85, shrinkage: 0.3,
 *   }],
 * });
 * // workloads[0].intervals[0]: agents 14, staff 20, serviceLevel 0.888, occupancy 0.714
 */
export function staffIntervals(request: StaffingRequest): StaffingResult {
  validateStaffingRequest(request);
  const intervalSeconds = request.intervalMinutes * 60;
  const workloads: WorkloadStaffing[] = request.workloads.map((workload) =>
    workload.channel === 'email'
      ? staffEmail(workload, intervalSeconds)
      : staffQueued(workload, intervalSeconds),
  );
  const count = request.workloads[0]?.intervals.length ?? 0;
  const totalAgents = new Array<number>(count).fill(0);
  const totalStaff = new Array<number>(count).fill(0);
  for (const workload of workloads) {
    workload.intervals.forEach((interval, i) => {
      totalAgents[i] = (totalAgents[i] as number) + interval.agents;
      totalStaff[i] = (totalStaff[i] as number) + interval.staff;
    });
  }
  return { workloads, totalAgents, totalStaff };
}

function staffQueued(workload: VoiceWorkload | ChatWorkload, intervalSeconds: number): WorkloadStaffing {
  const slotsPerAgent = workload.channel === 'chat' ? workload.maxConcurrentChats : 1;
  const ahtFactor = workload.channel === 'chat' ? (workload.concurrencyAhtFactor ?? 1) : 1;
  const shrinkage = workload.shrinkage ?? 0;
  const { patienceSeconds, target, serviceLevelRule } = workload;
  const answerWithinSeconds = target.kind === 'service_level' ? target.withinSeconds : 0;
  const intervals = workload.intervals.map((demand): IntervalStaffing => {
    const ahtSeconds = demand.ahtSeconds * ahtFactor;
    const load = demand.volume > 0 ? (demand.volume * ahtSeconds) / intervalSeconds : 0;
    const needed = solveQueue(load, ahtSeconds, workload);
    const agents = Math.ceil(needed.agents / slotsPerAgent);
    const servers = agents * slotsPerAgent;
    let blocking = needed.blocking;
    for (let n = needed.agents + 1; n <= servers; n++) blocking = nextErlangB(n, load, blocking);
    const measures: QueueMeasures =
      patienceSeconds === undefined
        ? erlangCMeasuresAt(servers, load, ahtSeconds, answerWithinSeconds, blocking)
        : erlangAMeasuresFromBlocking(
            {
              agents: servers,
              loadErlangs: load,
              ahtSeconds,
              answerWithinSeconds,
              patienceSeconds,
              serviceLevelRule,
            },
            blocking,
          );
    return {
      offeredLoadErlangs: load,
      agents,
      staff: staffWithShrinkage(agents, shrinkage),
      serviceLevel: measures.serviceLevel,
      asaSeconds: measures.asaSeconds,
      waitProbability: measures.waitProbability,
      abandonRate: patienceSeconds === undefined ? null : measures.abandonProbability,
      occupancy: measures.occupancy,
      backlog: null,
    };
  });
  return {
    id: workload.id,
    channel: workload.channel,
    model: patienceSeconds === undefined ? 'erlang_c' : 'erlang_a',
    intervals,
  };
}

function staffEmail(workload: EmailWorkload, intervalSeconds: number): WorkloadStaffing {
  const shrinkage = workload.shrinkage ?? 0;
  const staffed = staffDeferredWork(workload.intervals, {
    intervalSeconds,
    responseSeconds: workload.responseSeconds,
    maxOccupancy: workload.maxOccupancy ?? 1,
    openingBacklog: workload.openingBacklog,
  });
  const intervals = staffed.map((interval, i): IntervalStaffing => {
    const demand = workload.intervals[i];
    const load = demand && demand.volume > 0 ? (demand.volume * demand.ahtSeconds) / intervalSeconds : 0;
    return {
      offeredLoadErlangs: load,
      agents: interval.agents,
      staff: staffWithShrinkage(interval.agents, shrinkage),
      serviceLevel: null,
      asaSeconds: null,
      waitProbability: null,
      abandonRate: null,
      occupancy: interval.occupancy,
      backlog: interval.backlog,
    };
  });
  return { id: workload.id, channel: 'email', model: 'deferred', intervals };
}
