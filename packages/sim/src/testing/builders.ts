import type { SimulatedAgent, SimulatedCsq, SimulationInput } from '../input.ts';

/** A voice CSQ on skill `s`: 100 calls in one half hour, exponential AHT 180 s, no patience limit. */
export const buildCsq = (overrides: Partial<SimulatedCsq> = {}): SimulatedCsq => ({
  id: 'sales',
  channel: 'voice',
  skills: [{ skillId: 's', minCompetence: 1 }],
  criterion: 'longest_available',
  arrivals: { intervalMinutes: 30, volumes: [100] },
  handleTime: { kind: 'exponential', meanSeconds: 180 },
  ...overrides,
});

/** An agent with skill `s` at 5, on shift from minute 0 to `endMinute`. */
export const buildAgent = (
  id: string,
  overrides: Partial<SimulatedAgent> = {},
  endMinute = 120,
): SimulatedAgent => ({
  id,
  skills: { s: 5 },
  shifts: [{ startMinute: 0, endMinute }],
  ...overrides,
});

export const buildAgents = (count: number, overrides: Partial<SimulatedAgent> = {}, endMinute = 120) =>
  Array.from({ length: count }, (_, i) => buildAgent(`agent-${i + 1}`, overrides, endMinute));

export const buildInput = (overrides: Partial<SimulationInput> = {}): SimulationInput => ({
  seed: 1,
  reportIntervalMinutes: 30,
  csqs: [buildCsq()],
  agents: buildAgents(14),
  ...overrides,
});

export interface SteadyQueue {
  hours: number;
  callsPerHalfHour: number;
  ahtSeconds: number;
  agents: number;
  /** Exponential patience (Erlang A); omitted, callers wait as long as it takes (Erlang C). */
  patienceSeconds?: number;
  serviceLevelSeconds?: number;
  seed: number;
}

/**
 * One voice queue in steady state, as Erlang C/A assume it: constant Poisson arrivals for `hours`, exponential
 * handle times, no wrap-up, answered at once, agents logged in throughout (and two hours past the last
 * arrival, so that the last callers are served). Reported by the hour: each hour is one batch.
 */
export function steadyQueue(queue: SteadyQueue): SimulationInput {
  return {
    seed: queue.seed,
    reportIntervalMinutes: 60,
    csqs: [
      buildCsq({
        arrivals: { intervalMinutes: 30, volumes: new Array(queue.hours * 2).fill(queue.callsPerHalfHour) },
        handleTime: { kind: 'exponential', meanSeconds: queue.ahtSeconds },
        ...(queue.patienceSeconds === undefined
          ? {}
          : { patience: { kind: 'exponential', meanSeconds: queue.patienceSeconds } }),
        serviceLevelSeconds: queue.serviceLevelSeconds ?? 20,
      }),
    ],
    agents: buildAgents(queue.agents, {}, (queue.hours + 2) * 60),
  };
}
