import type { Clock } from '../clock.ts';
import { SwitchboardError } from '../errors.ts';
import type { AgentRuntime } from './agent-runtime.ts';
import type { ContactRuntime, TimerKind } from './contact-runtime.ts';
import type { CsqRuntime } from './csq-runtime.ts';
import type { AcdEvent, Cause } from './events.ts';
import { Heap } from './heap.ts';
import { type ChannelParams, DOMAINS, type Domain, domainOf } from './model.ts';

export interface Timer {
  at: number;
  kind: TimerKind;
  contactId: string;
  token: number;
}

/** Everything the router knows. Commands mutate it and append to `events`; nothing here does I/O. */
export interface AcdState {
  clock: Clock;
  params: ChannelParams;
  agents: Map<string, AgentRuntime>;
  csqs: Map<string, CsqRuntime>;
  /** Contacts not yet ended. */
  contacts: Map<string, ContactRuntime>;
  timers: Heap<Timer>;
  events: AcdEvent[];
  nextSeq: number;
}

export function createState(clock: Clock, params: ChannelParams): AcdState {
  return {
    clock,
    params,
    agents: new Map(),
    csqs: new Map(),
    contacts: new Map(),
    timers: new Heap<Timer>((a, b) => a.at < b.at),
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

export function schedule(state: AcdState, contact: ContactRuntime, kind: TimerKind, at: number): void {
  contact.timers[kind]++;
  state.timers.push({ at, kind, contactId: contact.id, token: contact.timers[kind] });
}

export function cancelTimer(contact: ContactRuntime, kind: TimerKind): void {
  contact.timers[kind]++;
}

/**
 * Re-derives the agent's visible state on each domain, records any change in the state trace, and marks the
 * agent's queue entries stale so that queues see the agent's new eligibility and keys.
 */
export function refreshAgent(state: AcdState, agent: AgentRuntime, cause: Cause | null): void {
  const at = now(state);
  for (const domain of DOMAINS) recordState(state, agent, domain, cause, at);
  agent.version++;
  const takes = { voice: agent.canTake('voice'), chat: agent.canTake('chat'), email: agent.canTake('email') };
  if (!takes.voice && !takes.chat && !takes.email) return;
  for (const csqId of agent.csqs) {
    const csq = state.csqs.get(csqId);
    const channel = csq?.config.channel;
    if (csq && channel && takes[channel]) csq.offerAgent(agent, agent.changedAt[domainOf(channel)]);
  }
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
