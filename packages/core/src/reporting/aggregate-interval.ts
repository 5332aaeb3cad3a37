import { type Domain, domainOf } from '../acd/model.ts';
import {
  type AgentCounts,
  countOffer,
  countSegmentHandling,
  countSlice,
  noAgentCounts,
  stateSlices,
  type TraceEntry,
} from './agent-counts.ts';
import { type ContactCounts, countHandling, countLeg, noContactCounts } from './contact-counts.ts';
import type { AgentSegment, ContactLeg } from './detail-records.ts';

export interface AgentTraceEntry {
  agentId: string;
  domain: string;
  entry: TraceEntry;
}

/** What one interval's rows are counted from: detail records placed in it, and the agent state trace. */
export interface IntervalInputs {
  start: number;
  end: number;
  /** Legs whose contact figures the tenant's basis places in the interval. */
  placedLegs: readonly ContactLeg[];
  /** Legs whose handling ended in the interval. */
  handledLegs: readonly ContactLeg[];
  offeredSegments: readonly AgentSegment[];
  /** Segments whose handling ended in the interval. */
  handledSegments: readonly AgentSegment[];
  /** Each agent's state per domain at `start` (the logged-out may be left out). */
  statesAtStart: readonly AgentTraceEntry[];
  /** State changes within the interval, in the order they happened. */
  trace: readonly AgentTraceEntry[];
  thresholdSecondsOf: (csqId: string) => number;
  shortAbandonSeconds: number;
}

export interface IntervalAggregate {
  csq: { csqId: string; counts: ContactCounts }[];
  callType: { callType: string; counts: ContactCounts }[];
  agent: { agentId: string; domain: string; counts: AgentCounts }[];
  agentCsq: { agentId: string; csqId: string; counts: AgentCounts }[];
  reasons: { agentId: string; domain: string; reasonCode: number; notReadyMs: number }[];
}

function grouped<T>(make: () => T) {
  const map = new Map<string, T>();
  return {
    map,
    at(key: string): T {
      let value = map.get(key);
      if (value === undefined) {
        value = make();
        map.set(key, value);
      }
      return value;
    },
  };
}

const split = (key: string) => key.split(' ') as [string, string];

/**
 * The rows of every interval table for one interval: per CSQ, per call type, per agent and domain, per agent and
 * CSQ, and Not Ready time per reason code. Rows with nothing in them are left out.
 */
export function aggregateInterval(inputs: IntervalInputs): IntervalAggregate {
  const byCsq = grouped(noContactCounts);
  const byCallType = grouped(noContactCounts);
  for (const leg of inputs.placedLegs) {
    const options = {
      thresholdSeconds: inputs.thresholdSecondsOf(leg.csqId),
      shortAbandonSeconds: inputs.shortAbandonSeconds,
    };
    countLeg(byCsq.at(leg.csqId), leg, options);
    countLeg(byCallType.at(leg.callType), leg, options);
  }
  for (const leg of inputs.handledLegs) {
    countHandling(byCsq.at(leg.csqId), leg);
    countHandling(byCallType.at(leg.callType), leg);
  }
  const byAgent = grouped(noAgentCounts);
  const byAgentCsq = grouped(noAgentCounts);
  for (const segment of inputs.offeredSegments) {
    countOffer(byAgent.at(`${segment.agentId} ${domainOf(segment.channel)}`), segment);
    countOffer(byAgentCsq.at(`${segment.agentId} ${segment.csqId}`), segment);
  }
  for (const segment of inputs.handledSegments) {
    countSegmentHandling(byAgent.at(`${segment.agentId} ${domainOf(segment.channel)}`), segment);
    countSegmentHandling(byAgentCsq.at(`${segment.agentId} ${segment.csqId}`), segment);
  }
  const reasons = grouped(() => 0);
  const traces = new Map<string, { initial: TraceEntry | null; changes: TraceEntry[] }>();
  for (const { agentId, domain, entry } of inputs.statesAtStart)
    traces.set(`${agentId} ${domain}`, { initial: entry, changes: [] });
  for (const { agentId, domain, entry } of inputs.trace) {
    const key = `${agentId} ${domain}`;
    const trace = traces.get(key) ?? { initial: null, changes: [] };
    trace.changes.push(entry);
    traces.set(key, trace);
  }
  for (const [key, trace] of traces) {
    for (const slice of stateSlices(trace.initial, trace.changes, inputs.start, inputs.end)) {
      if (slice.state === 'logged_out') continue;
      countSlice(byAgent.at(key), slice);
      if (slice.state === 'not_ready')
        reasons.map.set(
          `${key} ${slice.reasonCode ?? 0}`,
          reasons.at(`${key} ${slice.reasonCode ?? 0}`) + slice.end - slice.start,
        );
    }
  }
  return {
    csq: [...byCsq.map].map(([csqId, counts]) => ({ csqId, counts })),
    callType: [...byCallType.map].map(([callType, counts]) => ({ callType, counts })),
    agent: [...byAgent.map].map(([key, counts]) => {
      const [agentId, domain] = split(key);
      return { agentId, domain: domain as Domain, counts };
    }),
    agentCsq: [...byAgentCsq.map].map(([key, counts]) => {
      const [agentId, csqId] = split(key);
      return { agentId, csqId, counts };
    }),
    reasons: [...reasons.map].map(([key, notReadyMs]) => {
      const [agentId, domain, code] = key.split(' ') as [string, string, string];
      return { agentId, domain, reasonCode: Number(code), notReadyMs };
    }),
  };
}

/**
 * The states a trace leaves each agent in per domain: their last change in it, else their state before it. What
 * the next stretch of intervals starts from.
 */
export function statesAfter(
  statesAtStart: IntervalInputs['statesAtStart'],
  trace: IntervalInputs['trace'],
): AgentTraceEntry[] {
  const states = new Map(statesAtStart.map((state) => [`${state.agentId} ${state.domain}`, state]));
  for (const change of trace) states.set(`${change.agentId} ${change.domain}`, change);
  return [...states.values()];
}

/** What a run of consecutive intervals is counted from: the records and trace of the whole run. */
export interface SpanInputs extends Omit<IntervalInputs, 'start' | 'end'> {
  /** The instant that places a leg's contact figures (the tenant's basis). */
  placedAt: (leg: ContactLeg) => number | null;
  segmentHandledAt: (segment: AgentSegment) => number | null;
  /** Consecutive intervals, in order, each ending where the next begins. */
  intervals: readonly { start: number; end: number }[];
  /** Agent time is counted up to here (an interval still in progress). */
  until?: number;
}

/**
 * The rows of every interval of a run, from one read of its records and trace: each record goes to the interval
 * its instant falls in, and each interval starts from the states the trace left at its start.
 */
export function aggregateSpan(inputs: SpanInputs): IntervalAggregate[] {
  const { intervals } = inputs;
  const indexOf = (at: number | null): number => {
    if (at === null) return -1;
    let low = 0;
    let high = intervals.length - 1;
    if (high < 0 || at < (intervals[0] as { start: number }).start) return -1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((intervals[middle] as { start: number }).start <= at) low = middle;
      else high = middle - 1;
    }
    return at < (intervals[low] as { end: number }).end ? low : -1;
  };
  const bucket = <T>(records: readonly T[], at: (record: T) => number | null): T[][] => {
    const buckets = intervals.map((): T[] => []);
    for (const record of records) buckets[indexOf(at(record))]?.push(record);
    return buckets;
  };
  const placed = bucket(inputs.placedLegs, (leg) => inputs.placedAt(leg));
  const handled = bucket(inputs.handledLegs, (leg) => leg.handleEndedAt);
  const offered = bucket(inputs.offeredSegments, (segment) => segment.offeredAt);
  const segmentsHandled = bucket(inputs.handledSegments, (segment) => inputs.segmentHandledAt(segment));
  const trace = bucket(inputs.trace, (entry) => entry.entry.at);
  const states = new Map(inputs.statesAtStart.map((state) => [`${state.agentId} ${state.domain}`, state]));
  return intervals.map((interval, i) => {
    const statesAtStart = [...states.values()];
    for (const change of trace[i] ?? []) states.set(`${change.agentId} ${change.domain}`, change);
    return aggregateInterval({
      start: interval.start,
      end: Math.min(interval.end, Math.max(interval.start, inputs.until ?? interval.end)),
      placedLegs: placed[i] ?? [],
      handledLegs: handled[i] ?? [],
      offeredSegments: offered[i] ?? [],
      handledSegments: segmentsHandled[i] ?? [],
      statesAtStart,
      trace: trace[i] ?? [],
      thresholdSecondsOf: inputs.thresholdSecondsOf,
      shortAbandonSeconds: inputs.shortAbandonSeconds,
    });
  });
}
