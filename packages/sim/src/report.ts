import type { ServiceLevelRule } from '@switchboard/wfm';
import type { AgentSeconds } from './agent-time.ts';
import type { IntervalCounts } from './contact-counters.ts';

/**
 * What one CSQ did in one interval (or the whole day), with METRICS.md's definitions. Contacts count in the
 * interval they arrived in; AHT alone counts in the interval where wrap-up ended. Rates are null when their
 * denominator is 0.
 */
export interface CsqStatistics {
  csqId: string;
  /** Contacts that arrived, less short abandons; = handled + abandoned + unfinished. */
  offered: number;
  /** Answered, then wrap-up ended. */
  handled: number;
  /** Left before being answered (in queue or while ringing), after the short-abandon threshold. */
  abandoned: number;
  /** Left within `shortAbandonSeconds`: neither offered nor abandoned. */
  shortAbandoned: number;
  /** Still waiting, talking or in wrap-up when the simulation ended. */
  unfinished: number;
  answered: number;
  answeredWithinThreshold: number;
  abandonedWithinThreshold: number;
  serviceLevelSeconds: number;
  /** By the report's `serviceLevelRule` (nothing is ever dequeued in a simulation). */
  serviceLevel: number | null;
  /** Total answer wait (queue + ring) ÷ answered. */
  asaSeconds: number | null;
  /** Abandoned ÷ offered. */
  abandonRate: number | null;
  /** Offered contacts not answered the moment they arrived ÷ offered (every contact waits while it rings). */
  waitProbability: number | null;
  /** Longest wait of an answered, abandoned or still waiting contact. */
  longestWaitSeconds: number;
  /** Wrap-ups that ended in the interval: AHT's denominator. */
  wrapUpsEnded: number;
  /** (Talk + wrap-up) ÷ wrap-ups ended in the interval; no hold is simulated. */
  ahtSeconds: number | null;
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
  serviceLevelRule: ServiceLevelRule;
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
  counts: IntervalCounts,
  serviceLevelSeconds: number,
  rule: ServiceLevelRule,
): CsqStatistics {
  const offered = counts.arrivals - counts.shortAbandoned;
  return {
    csqId,
    offered,
    handled: counts.handled,
    abandoned: counts.abandoned,
    shortAbandoned: counts.shortAbandoned,
    unfinished: counts.unfinished,
    answered: counts.answered,
    answeredWithinThreshold: counts.answeredWithinThreshold,
    abandonedWithinThreshold: counts.abandonedWithinThreshold,
    serviceLevelSeconds,
    serviceLevel: serviceLevel(counts, offered, rule),
    asaSeconds: ratio(counts.answerWaitMs / 1000, counts.answered),
    abandonRate: ratio(counts.abandoned, offered),
    waitProbability: ratio(offered - counts.answeredAtOnce, offered),
    longestWaitSeconds: counts.longestWaitMs / 1000,
    wrapUpsEnded: counts.wrapUpsEnded,
    ahtSeconds: ratio(counts.handleMs / 1000, counts.wrapUpsEnded),
  };
}

/** METRICS.md's three rules, with dequeued = 0. */
function serviceLevel(counts: IntervalCounts, offered: number, rule: ServiceLevelRule): number | null {
  switch (rule) {
    case 'abandons_count_against':
      return ratio(counts.answeredWithinThreshold, offered);
    case 'abandons_ignored':
      return ratio(counts.answeredWithinThreshold, offered - counts.abandoned);
    case 'abandons_within_threshold_count_for':
      return ratio(counts.answeredWithinThreshold + counts.abandonedWithinThreshold, offered);
  }
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
