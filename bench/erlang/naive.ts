/**
 * The baseline: staffing as a straightforward implementation does it. For each interval it tries n = 1, 2, …
 * and, for every stable candidate (n > A), computes Erlang C from scratch by summing the series
 * Σ_{k<n} A^k/k! term by term (factorial-free, but O(n) per candidate, nothing reused between candidates), until
 * the target and the occupancy cap are met. It has no Erlang A: workloads with a patience are staffed as
 * Erlang C. Chat slots and email are handled exactly as the engine does, so that the work compared is the same.
 */

import {
  type IntervalStaffing,
  type StaffingRequest,
  type StaffingTarget,
  staffDeferredWork,
  staffWithShrinkage,
  type WorkloadStaffing,
} from '../../packages/wfm/src/staffing/index.ts';

/** Beyond this A^n/n! overflows a double in the naive sum. */
const NAIVE_MAX_LOAD = 700;
const TOLERANCE = 1e-12;

function naiveErlangC(agents: number, load: number): number {
  let term = 1;
  let below = 0;
  for (let k = 0; k < agents; k++) {
    below += term;
    term *= load / (k + 1);
  }
  const top = (term * agents) / (agents - load);
  return top / (below + top);
}

function naiveMeasures(agents: number, load: number, ahtSeconds: number, withinSeconds: number) {
  const waiting = naiveErlangC(agents, load);
  return {
    waitProbability: waiting,
    serviceLevel: 1 - waiting * Math.exp((-(agents - load) * withinSeconds) / ahtSeconds),
    asaSeconds: (waiting * ahtSeconds) / (agents - load),
  };
}

export function naiveRequiredAgents(
  load: number,
  ahtSeconds: number,
  target: StaffingTarget,
  maxOccupancy: number,
): number {
  if (load === 0) return 0;
  if (load > NAIVE_MAX_LOAD) throw new Error(`The naive baseline cannot sum the series at ${load} Erlangs.`);
  const within = target.kind === 'service_level' ? target.withinSeconds : 0;
  for (let agents = 1; ; agents++) {
    if (agents <= load || load / agents > maxOccupancy * (1 + 1e-9)) continue;
    const m = naiveMeasures(agents, load, ahtSeconds, within);
    const met =
      target.kind === 'service_level'
        ? m.serviceLevel >= target.fraction - TOLERANCE
        : m.asaSeconds <= target.seconds * (1 + TOLERANCE);
    if (met) return agents;
  }
}

/** The whole request, the naive way (same output shape as staffIntervals; Erlang A workloads as Erlang C). */
export function naiveStaffIntervals(request: StaffingRequest): WorkloadStaffing[] {
  const intervalSeconds = request.intervalMinutes * 60;
  return request.workloads.map((workload): WorkloadStaffing => {
    const shrinkage = workload.shrinkage ?? 0;
    if (workload.channel === 'email') {
      const staffed = staffDeferredWork(workload.intervals, {
        intervalSeconds,
        responseSeconds: workload.responseSeconds,
        maxOccupancy: workload.maxOccupancy ?? 1,
        openingBacklog: workload.openingBacklog,
      });
      const intervals = staffed.map(
        (s, i): IntervalStaffing => ({
          offeredLoadErlangs: loadOf(workload.intervals[i], 1, intervalSeconds),
          agents: s.agents,
          staff: staffWithShrinkage(s.agents, shrinkage),
          serviceLevel: null,
          asaSeconds: null,
          waitProbability: null,
          abandonRate: null,
          occupancy: s.occupancy,
          backlog: s.backlog,
        }),
      );
      return { id: workload.id, channel: 'email', model: 'deferred', intervals };
    }
    const slotsPerAgent = workload.channel === 'chat' ? workload.maxConcurrentChats : 1;
    const factor = workload.channel === 'chat' ? (workload.concurrencyAhtFactor ?? 1) : 1;
    const within = workload.target.kind === 'service_level' ? workload.target.withinSeconds : 0;
    const intervals = workload.intervals.map((demand): IntervalStaffing => {
      const ahtSeconds = demand.ahtSeconds * factor;
      const load = loadOf(demand, factor, intervalSeconds);
      const slots = naiveRequiredAgents(load, ahtSeconds, workload.target, workload.maxOccupancy ?? 1);
      const agents = Math.ceil(slots / slotsPerAgent);
      const m = agents > 0 ? naiveMeasures(agents * slotsPerAgent, load, ahtSeconds, within) : undefined;
      return {
        offeredLoadErlangs: load,
        agents,
        staff: staffWithShrinkage(agents, shrinkage),
        serviceLevel: m ? m.serviceLevel : 1,
        asaSeconds: m ? m.asaSeconds : 0,
        waitProbability: m ? m.waitProbability : 0,
        abandonRate: null,
        occupancy: agents > 0 ? load / (agents * slotsPerAgent) : 0,
        backlog: null,
      };
    });
    return { id: workload.id, channel: workload.channel, model: 'erlang_c', intervals };
  });
}

const loadOf = (
  demand: { volume: number; ahtSeconds: number } | undefined,
  factor: number,
  seconds: number,
) => (demand && demand.volume > 0 ? (demand.volume * demand.ahtSeconds * factor) / seconds : 0);
