import type { Clock } from '../clock.ts';
import { SwitchboardError } from '../errors.ts';
import type { AgentRuntime } from './agent-runtime.ts';
import { type ContactRuntime, TIMER_KINDS, type Timer, type TimerKind } from './contact-runtime.ts';
import type { CsqRuntime } from './csq-runtime.ts';
import type { AcdEvent, Cause } from './events.ts';
import { type ChannelParams, DOMAINS, type Domain } from './model.ts';
import { TimerQueue } from './timer-queue.ts';

/** Everything the router knows. Commands mutate it and append to `events`; nothing here does I/O. */
export interface AcdState {
  clock: Clock;
  params: ChannelParams;
  agents: Map<string, AgentRuntime>;
  csqs: Map<string, CsqRuntime>;
  /** Contacts not yet ended. */
  contacts: Map<string, ContactRuntime>;
  timers: TimerQueue<Timer>;
  events: AcdEvent[];
  nextSeq: number;
  /** How the best agent or contact is found: the CSQ indexes, or the reference scan (see scan-selection.ts). */
  selection: Selection;
}

export type Selection = 'indexed' | 'scan';

export function createState(clock: Clock, params: ChannelParams, selection: Selection): AcdState {
  return {
    clock,
    params,
    agents: new Map(),
    csqs: new Map(),
    contacts: new Map(),
    timers: new TimerQueue<Timer>(),
    events: [],
    nextSeq: 1,
    selection,
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
  let timer = contact.timers[kind];
  if (timer === null) {
    timer = { heapIndex: -1, at, order: 0, due: at, dueOrder: 0, kind, contact };
    contact.timers[kind] = timer;
  }
  state.timers.schedule(timer, at);
}

export function cancelTimer(state: AcdState, contact: ContactRuntime, kind: TimerKind): void {
  const timer = contact.timers[kind];
  if (timer !== null) state.timers.cancel(timer);
}

/** Cancels the contact's deadlines for good (the contact has ended). */
export function dropTimers(state: AcdState, contact: ContactRuntime): void {
  for (const kind of TIMER_KINDS) {
    const timer = contact.timers[kind];
    if (timer === null) continue;
    state.timers.drop(timer);
    timer.contact = null;
  }
}

/**
 * Re-derives the agent's visible state on each domain, records any change in the state trace, and re-files the
 * agent among the available agents of every CSQ they serve under their new eligibility and keys.
 */
export function refreshAgent(state: AcdState, agent: AgentRuntime, cause: Cause | null): void {
  const at = now(state);
  for (const domain of DOMAINS) recordState(state, agent, domain, cause, at);
  if (state.selection === 'indexed')
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
  const previous = agent.shown(domain);
  const reasonCode = next === 'not_ready' || next === 'logged_out' ? agent.reasonCode(domain) : null;
  if (next === previous && reasonCode === agent.shownReason(domain)) return;
  agent.show(domain, next, reasonCode, at);
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
