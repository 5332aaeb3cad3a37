import { invalid } from '@switchboard/core';
import {
  type SimulatedAgent,
  type SimulationInput,
  type SimulationIntervalMinutes,
  type SimulationReport,
  simulateDay,
} from '@switchboard/sim';

/** Days simulated per question, each with its own seed: their counts are summed. */
export const WHAT_IF_REPLICATIONS = 5;
export const WHAT_IF_LIMITS = { factor: { min: 0, max: 5 }, staffDelta: { min: -500, max: 500 } } as const;

/** One queue of a simulated day: per interval of the day from midnight, the contacts that arrive. */
export interface SimulatedQueue {
  id: string;
  volumes: readonly number[];
  /** Volume-weighted mean handle time, seconds. */
  ahtSeconds: number;
  serviceLevelSeconds: number;
  patienceSeconds: number | null;
}

/** A day to simulate: queues of one channel, served by agents who take all of them, from `fromInterval` on. */
export interface SimulatedDay {
  intervalMinutes: SimulationIntervalMinutes;
  channel: 'voice' | 'chat' | 'email';
  fromInterval: number;
  queues: readonly SimulatedQueue[];
  /** Agents on, per interval of the day. */
  agents: readonly number[];
  maxConcurrentChats: number | null;
}

export interface SimulatedFigures {
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
}

export interface SimulatedInterval extends SimulatedFigures {
  index: number;
  /** The same figures per queue, in the order of the day's queues. */
  queues: SimulatedFigures[];
}

export interface SimulationResult {
  replications: number;
  intervals: SimulatedInterval[];
  total: SimulatedFigures;
}

/**
 * Agents as the simulator takes them: agent k works every interval that needs more than k agents, in runs of
 * consecutive intervals (one shift per run), with every queue's skill.
 */
export function agentsOf(day: SimulatedDay): SimulatedAgent[] {
  const most = Math.max(0, ...day.agents.slice(day.fromInterval));
  const skills = Object.fromEntries(day.queues.map((queue) => [queue.id, 5]));
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
      skills,
      ...(day.channel === 'chat' ? { capacity: { chat: day.maxConcurrentChats ?? 1, email: 1 } } : {}),
      shifts,
    };
  });
}

export function simulationInput(day: SimulatedDay, seed: number): SimulationInput {
  for (const queue of day.queues)
    if (queue.volumes.length !== day.agents.length)
      throw invalid('Volumes and agents cover the same intervals.');
  return {
    seed,
    reportIntervalMinutes: day.intervalMinutes,
    csqs: day.queues.map((queue) => ({
      id: queue.id,
      channel: day.channel,
      skills: [{ skillId: queue.id, minCompetence: 1 }],
      criterion: 'longest_available' as const,
      arrivals: {
        intervalMinutes: day.intervalMinutes,
        volumes: queue.volumes.map((volume, i) => (i < day.fromInterval ? 0 : volume)),
      },
      handleTime: { kind: 'exponential' as const, meanSeconds: Math.max(1, queue.ahtSeconds) },
      ...(queue.patienceSeconds === null
        ? {}
        : { patience: { kind: 'exponential' as const, meanSeconds: queue.patienceSeconds } }),
      serviceLevelSeconds: queue.serviceLevelSeconds,
    })),
    agents: agentsOf(day),
  };
}

/**
 * Simulates the day WHAT_IF_REPLICATIONS times and sums the counts per interval: service level, ASA and
 * abandons as the router would produce them with those agents and that demand, overall and per queue.
 */
export function simulateDayAhead(day: SimulatedDay): SimulationResult {
  const reports: SimulationReport[] = [];
  for (let seed = 1; seed <= WHAT_IF_REPLICATIONS; seed++)
    reports.push(simulateDay(simulationInput(day, seed)));
  const length = day.queues[0]?.volumes.length ?? 0;
  const intervals: SimulatedInterval[] = [];
  for (let index = day.fromInterval; index < length; index++) {
    const csqs = reports.flatMap((report) => report.intervals[index]?.csqs ?? []);
    intervals.push({
      index,
      ...figuresOf(csqs),
      queues: day.queues.map((queue) => figuresOf(csqs.filter((csq) => csq.csqId === queue.id))),
    });
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

function figuresOf(csqs: readonly Counts[]): SimulatedFigures {
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
