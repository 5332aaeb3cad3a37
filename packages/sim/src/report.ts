import { type AbandonRule, type ContactCounts, type ContactMetrics, contactMetrics } from '@switchboard/core';
import type { AgentSeconds } from './agent-time.ts';
import type { SimCounts } from './contact-counters.ts';

/**
 * What one CSQ did in one interval (or the whole day): core's contact counts and the metrics core derives from
 * them (METRICS.md, docs/metrics.md), by the interval of arrival; handle time (`handleCount`, `talkMs`,
 * `wrapMs`, `ahtSeconds`) by the interval where wrap-up ended. Nothing is dequeued or held in a simulation.
 * Rates are null when their denominator is 0.
 */
export interface CsqStatistics extends ContactCounts, ContactMetrics {
  csqId: string;
  serviceLevelSeconds: number;
  /** Answered the moment they arrived (simulator only). */
  answeredAtOnce: number;
  /** Offered contacts not answered the moment they arrived ÷ offered (every contact waits while it rings). */
  waitProbability: number | null;
}

/** Agents' logged-in time, wall-clock, summed over agents. */
export interface AgentStatistics {
  loggedInSeconds: number;
  notReadySeconds: number;
  /** Ready or Reserved (ringing) with nothing in hand. */
  availableSeconds: number;
  /** Talk, chat and email sessions, and wrap-up. */
  busySeconds: number;
  /** busy ÷ (logged in − not ready), METRICS.md. */
  occupancy: number | null;
}

export interface IntervalReport {
  index: number;
  startMinute: number;
  csqs: CsqStatistics[];
  agents: AgentStatistics;
}

export interface AgentDayStatistics extends AgentStatistics {
  agentId: string;
}

export interface SimulationReport {
  seed: number;
  reportIntervalMinutes: number;
  serviceLevelRule: AbandonRule;
  /** Intervals up to the end of the longest arrival profile; `intervals` runs on while contacts are finished. */
  dayIntervals: number;
  /** When the last thing happened (seconds from the start of the day). */
  endSeconds: number;
  /** Contacts that arrived, over all CSQs. */
  arrivals: number;
  intervals: IntervalReport[];
  day: { csqs: CsqStatistics[]; agents: AgentStatistics };
  agents: AgentDayStatistics[];
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

export function csqStatistics(
  csqId: string,
  counts: SimCounts,
  serviceLevelSeconds: number,
  rule: AbandonRule,
): CsqStatistics {
  return {
    csqId,
    serviceLevelSeconds,
    ...counts,
    ...contactMetrics(counts, rule),
    waitProbability: ratio(counts.offered - counts.answeredAtOnce, counts.offered),
  };
}

export function agentStatistics(seconds: AgentSeconds): AgentStatistics {
  const loggedIn = seconds.busy + seconds.available + seconds.notReady;
  return {
    loggedInSeconds: loggedIn,
    notReadySeconds: seconds.notReady,
    availableSeconds: seconds.available,
    busySeconds: seconds.busy,
    occupancy: ratio(seconds.busy, seconds.busy + seconds.available),
  };
}

export function sumSeconds(items: readonly AgentSeconds[]): AgentSeconds {
  const total = { busy: 0, available: 0, notReady: 0 };
  for (const s of items) {
    total.busy += s.busy;
    total.available += s.available;
    total.notReady += s.notReady;
  }
  return total;
}
