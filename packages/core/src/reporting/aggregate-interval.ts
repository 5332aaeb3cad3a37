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
