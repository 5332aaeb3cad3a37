import type { AgentState } from '../acd/model.ts';
import type { AgentSegment } from './detail-records.ts';

/** One stretch of an agent's domain in one state, cut to a period. */
export interface StateSlice {
  start: number;
  end: number;
  state: AgentState;
  /** The Not Ready reason code, when Not Ready. */
  reasonCode: number | null;
}

export interface TraceEntry {
  at: number;
  state: AgentState;
  reasonCode: number | null;
}

/**
 * The slices of [from, to) an agent's domain spent in each state, from the entry in force at `from` (null:
 * logged out) and the changes after it in time order. Zero-length slices are left out.
 */
export function stateSlices(
  initial: TraceEntry | null,
  changes: Iterable<TraceEntry>,
  from: number,
  to: number,
): StateSlice[] {
  const slices: StateSlice[] = [];
  let state: AgentState = initial?.state ?? 'logged_out';
  let reasonCode = initial?.reasonCode ?? null;
  let since = from;
  const push = (until: number) => {
    if (until > since) slices.push({ start: since, end: until, state, reasonCode });
  };
  for (const change of changes) {
    const at = Math.min(Math.max(change.at, from), to);
    push(at);
    since = Math.max(since, at);
    state = change.state;
    reasonCode = change.state === 'not_ready' ? change.reasonCode : null;
  }
  push(to);
  return slices;
}

/** Additive agent figures over an interval (one agent, one channel domain, optionally one CSQ). */
export interface AgentCounts {
  /** Time not logged out. */
  loggedInMs: number;
  readyMs: number;
  notReadyMs: number;
  reservedMs: number;
  /** Wall-clock time with a contact in hand (Active). */
  activeMs: number;
  /** Wrap-up (Work). */
  workMs: number;
  /** Offers and invitations made to the agent. */
  presented: number;
  answered: number;
  /** Contacts whose handling by the agent ended (wrap-up ended, transferred or requeued on, left the group chat). */
  handled: number;
  /** Offers that timed out (RONA). */
  noAnswers: number;
  rejected: number;
  /** Summed over sessions: with chats in parallel this exceeds the wall-clock Active time. */
  talkMs: number;
  holdMs: number;
  wrapMs: number;
  transfersOut: number;
}

export const noAgentCounts = (): AgentCounts => ({
  loggedInMs: 0,
  readyMs: 0,
  notReadyMs: 0,
  reservedMs: 0,
  activeMs: 0,
  workMs: 0,
  presented: 0,
  answered: 0,
  handled: 0,
  noAnswers: 0,
  rejected: 0,
  talkMs: 0,
  holdMs: 0,
  wrapMs: 0,
  transfersOut: 0,
});

export const AGENT_COUNT_FIELDS = Object.keys(noAgentCounts()) as (keyof AgentCounts)[];

export function addAgentCounts(into: AgentCounts, other: AgentCounts): AgentCounts {
  for (const field of AGENT_COUNT_FIELDS) into[field] += other[field];
  return into;
}

const STATE_FIELD: Record<AgentState, keyof AgentCounts | null> = {
  ready: 'readyMs',
  not_ready: 'notReadyMs',
  reserved: 'reservedMs',
  active: 'activeMs',
  work: 'workMs',
  logged_out: null,
};

/** Counts a slice's time into the agent's figures. */
export function countSlice(counts: AgentCounts, slice: StateSlice): void {
  const field = STATE_FIELD[slice.state];
  if (field === null) return;
  const ms = slice.end - slice.start;
  counts.loggedInMs += ms;
  counts[field] += ms;
}

/** The instants placing a segment's figures: presented by when it was offered, handled by when handling ended. */
export const segmentOfferedAt = (segment: AgentSegment): number => segment.offeredAt;
export function segmentHandledAt(segment: AgentSegment): number | null {
  if (segment.answeredAt === null) return null;
  if (segment.outcome === 'transferred' || segment.outcome === 'requeued') return segment.talkEndedAt;
  return segment.wrapUpEndedAt;
}

/** Counts a segment's offer (presented, RONA, rejected; answered) into the interval it was offered in. */
export function countOffer(counts: AgentCounts, segment: AgentSegment): void {
  counts.presented++;
  if (segment.answeredAt !== null) counts.answered++;
  else if (segment.outcome === 'no_answer') counts.noAnswers++;
  else if (segment.outcome === 'rejected' || segment.outcome === 'declined') counts.rejected++;
}

/** Counts a segment's handling into the interval its handling ended in. */
export function countSegmentHandling(counts: AgentCounts, segment: AgentSegment): void {
  if (segment.answeredAt === null || segmentHandledAt(segment) === null) return;
  const talkEnded = segment.talkEndedAt ?? segment.answeredAt;
  counts.handled++;
  counts.talkMs += talkEnded - segment.answeredAt - segment.holdMs;
  counts.holdMs += segment.holdMs;
  if (segment.wrapUpEndedAt !== null) counts.wrapMs += segment.wrapUpEndedAt - talkEnded;
  if (segment.outcome === 'transferred') counts.transfersOut++;
}

export interface AgentMetrics {
  /** (Active + Work) ÷ (logged in − Not Ready), wall-clock. */
  occupancy: number | null;
  /** (Talk + hold + wrap-up) ÷ handled, seconds. */
  ahtSeconds: number | null;
}

export function agentMetrics(counts: AgentCounts): AgentMetrics {
  const available = counts.loggedInMs - counts.notReadyMs;
  return {
    occupancy: available > 0 ? (counts.activeMs + counts.workMs) / available : null,
    ahtSeconds:
      counts.handled > 0 ? (counts.talkMs + counts.holdMs + counts.wrapMs) / 1000 / counts.handled : null,
  };
}
