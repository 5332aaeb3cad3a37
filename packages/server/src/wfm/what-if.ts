import { invalid } from '@switchboard/core';
import {
  type SimulatedAgent,
  type SimulationInput,
  type SimulationIntervalMinutes,
  type SimulationReport,
  simulateDay,
} from '@switchboard/sim';

/** Days simulated per what-if, each with its own seed: their counts are summed. */
export const WHAT_IF_REPLICATIONS = 5;
export const WHAT_IF_LIMITS = { factor: { min: 0, max: 5 }, staffDelta: { min: -500, max: 500 } } as const;

/** The rest of a day to simulate: per interval of the day from midnight, the demand and the agents on. */
export interface WhatIfDay {
  intervalMinutes: SimulationIntervalMinutes;
  channel: 'voice' | 'chat' | 'email';
  /** The first interval simulated; the ones before it are over. */
  fromInterval: number;
  volumes: readonly number[];
  /** Volume-weighted mean handle time of the rest of the day, seconds. */
  ahtSeconds: number;
  agents: readonly number[];
  serviceLevelSeconds: number;
  patienceSeconds: number | null;
  maxConcurrentChats: number | null;
}

export interface WhatIfInterval {
  index: number;
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
}

export interface WhatIfResult {
  replications: number;
  intervals: WhatIfInterval[];
  total: Omit<WhatIfInterval, 'index'>;
}

/**
 * Agents as the simulator takes them: agent k works every interval that needs more than k agents, in runs of
 * consecutive intervals (one shift per run).
 */
export function agentsOf(day: WhatIfDay): SimulatedAgent[] {
  const most = Math.max(0, ...day.agents.slice(day.fromInterval));
  return Array.from({ length: most }, (_, k) => {
    const shifts: { startMinute: number; endMinute: number }[] = [];
    for (let i = day.fromInterval; i < day.agents.length; i++) {
      if ((day.agents[i] ?? 0) <= k) continue;
      const startMinute = i * day.intervalMinutes;
      const last = shifts.at(-1);
      if (last && last.endMinute === startMinute) last.endMinute += day.intervalMinutes;
      else shifts.push({ startMinute, endMinute: startMinute + day.intervalMinutes });
    }
    return {
      id: `agent-${k + 1}`,
      skills: { workload: 5 },
      ...(day.channel === 'chat' ? { capacity: { chat: day.maxConcurrentChats ?? 1, email: 1 } } : {}),
      shifts,
    };
  });
}

export function simulationInput(day: WhatIfDay, seed: number): SimulationInput {
  if (day.volumes.length !== day.agents.length) throw invalid('Volumes and agents cover the same intervals.');
  return {
    seed,
    reportIntervalMinutes: day.intervalMinutes,
    csqs: [
      {
        id: 'workload',
        channel: day.channel,
        skills: [{ skillId: 'workload', minCompetence: 1 }],
        criterion: 'longest_available',
        arrivals: {
          intervalMinutes: day.intervalMinutes,
          volumes: day.volumes.map((volume, i) => (i < day.fromInterval ? 0 : volume)),
        },
        handleTime: { kind: 'exponential', meanSeconds: Math.max(1, day.ahtSeconds) },
        ...(day.patienceSeconds === null
          ? {}
          : { patience: { kind: 'exponential', meanSeconds: day.patienceSeconds } as const }),
        serviceLevelSeconds: day.serviceLevelSeconds,
      },
    ],
    agents: agentsOf(day),
  };
}

/**
 * Simulates the rest of the day WHAT_IF_REPLICATIONS times and sums the counts per interval: service level,
 * ASA and abandons as the router would produce them with those agents and that demand.
 */
export function simulateWhatIf(day: WhatIfDay): WhatIfResult {
  const reports: SimulationReport[] = [];
  for (let seed = 1; seed <= WHAT_IF_REPLICATIONS; seed++)
    reports.push(simulateDay(simulationInput(day, seed)));
  const intervals: WhatIfInterval[] = [];
  for (let index = day.fromInterval; index < day.volumes.length; index++) {
    const csqs = reports.flatMap((report) => report.intervals[index]?.csqs ?? []);
    intervals.push({ index, ...figuresOf(csqs) });
  }
  return {
    replications: WHAT_IF_REPLICATIONS,
    intervals,
    total: figuresOf(
      reports.flatMap((report) =>
        report.intervals.slice(day.fromInterval).flatMap((interval) => interval.csqs),
      ),
    ),
  };
}

type Counts = {
  offered: number;
  answered: number;
  abandoned: number;
  answeredWithinThreshold: number;
  answerWaitMs: number;
};

function figuresOf(csqs: readonly Counts[]): Omit<WhatIfInterval, 'index'> {
  const sum = (field: keyof Counts) => csqs.reduce((total, csq) => total + csq[field], 0);
  const offered = sum('offered');
  const answered = sum('answered');
  const per = (x: number) => x / WHAT_IF_REPLICATIONS;
  return {
    offered: per(offered),
    answered: per(answered),
    abandoned: per(sum('abandoned')),
    serviceLevel: offered > 0 ? sum('answeredWithinThreshold') / offered : null,
    asaSeconds: answered > 0 ? sum('answerWaitMs') / answered / 1000 : null,
  };
}
