import type { Clock } from '../clock.ts';
import { SwitchboardError } from '../errors.ts';
import type { AgentRuntime } from './agent-runtime.ts';
import type { ContactRuntime, Timer, TimerKind } from './contact-runtime.ts';
import type { CsqRuntime } from './csq-runtime.ts';
import type { AcdEvent, Cause } from './events.ts';
import { IndexedHeap } from './heap.ts';
import { type ChannelParams, DOMAINS, type Domain } from './model.ts';

/** Everything the router knows. Commands mutate it and append to `events`; nothing here does I/O. */
export interface AcdState {
  clock: Clock;
  params: ChannelParams;
  agents: Map<string, AgentRuntime>;
  csqs: Map<string, CsqRuntime>;
  /** Contacts not yet ended. */
  contacts: Map<string, ContactRuntime>;
  /** Every deadline that is set, soonest first. */
  timers: IndexedHeap<Timer>;
  timersSet: number;
  events: AcdEvent[];
  nextSeq: number;
}

const dueBefore = (a: Timer, b: Timer): boolean => (a.at !== b.at ? a.at < b.at : a.order < b.order);

export function createState(clock: Clock, params: ChannelParams): AcdState {
  return {
    clock,
    params,
    agents: new Map(),
    csqs: new Map(),
    contacts: new Map(),
    timers: new IndexedHeap<Timer>(dueBefore),
    timersSet: 0,
    events: [],
    nextSeq: 1,
  };
}

export const now = (state: AcdState): number => state.clock.now();

export function mustGet<T>(map: Map<string, T>, id: string, what: string): T {
  const value = map.get(id);
  if (value === undefined) throw new SwitchboardError('not_found', `${what} ${id} was not found.`);
  return value;
}

export const refuse = (message: string): SwitchboardError => new SwitchboardError('conflict', message);

/** Sets (or moves) one of the contact's deadlines. */
export function schedule(state: AcdState, contact: ContactRuntime, kind: TimerKind, at: number): void {
  const order = state.timersSet++;
  const timer = contact.timers[kind];
  if (timer === null) {
    const created: Timer = { heapIndex: -1, at, order, kind, contact };
    contact.timers[kind] = created;
    state.timers.push(created);
  } else {
    timer.at = at;
    timer.order = order;
    if (timer.heapIndex >= 0) state.timers.update(timer);
    else state.timers.push(timer);
  }
}

export function cancelTimer(state: AcdState, contact: ContactRuntime, kind: TimerKind): void {
  const timer = contact.timers[kind];
  if (timer !== null && timer.heapIndex >= 0) state.timers.remove(timer);
}

/**
 * Re-derives the agent's visible state on each domain, records any change in the state trace, and re-files the
 * agent among the available agents of every CSQ they serve under their new eligibility and keys.
 */
export function refreshAgent(state: AcdState, agent: AgentRuntime, cause: Cause | null): void {
  const at = now(state);
  for (const domain of DOMAINS) recordState(state, agent, domain, cause, at);
  for (const membership of agent.memberships) membership.csq.sync(membership);
}

function recordState(
  state: AcdState,
  agent: AgentRuntime,
  domain: Domain,
  cause: Cause | null,
  at: number,
): void {
  const next = agent.derivedState(domain);
  const previous = agent.shown[domain];
  const reasonCode = next === 'not_ready' || next === 'logged_out' ? agent.reasonCode[domain] : null;
  if (next === previous && reasonCode === agent.shownReason[domain]) return;
  agent.shown[domain] = next;
  agent.shownReason[domain] = reasonCode;
  agent.changedAt[domain] = at;
  state.events.push({
    type: 'agent.state_changed',
    at,
    agentId: agent.id,
    domain,
    state: next,
    previous,
    reasonCode,
    cause,
  });
}
