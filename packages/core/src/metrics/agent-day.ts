import type { AgentState } from '../acd/model.ts';

/** Every state an agent's domain can be in, in the order the team view lists them. */
export const AGENT_STATES_IN_ORDER = [
  'ready',
  'not_ready',
  'reserved',
  'active',
  'work',
  'logged_out',
] as const satisfies readonly AgentState[];

export type StateTimes = Record<AgentState, number>;

export const noStateTime = (): StateTimes => ({
  ready: 0,
  not_ready: 0,
  reserved: 0,
  active: 0,
  work: 0,
  logged_out: 0,
});

/**
 * Milliseconds one agent's domain spent in each state from `from` to `now` (METRICS.md agent metrics), from the
 * state it was in at `from` and its state trace since then, in time order. A state entered before `from`
 * counts from `from`; the state open at `now` counts up to `now`.
 */
export function stateTimes(
  initial: AgentState,
  changes: Iterable<{ at: number; state: AgentState }>,
  from: number,
  now: number,
): StateTimes {
  const times = noStateTime();
  let state = initial;
  let since = from;
  for (const change of changes) {
    const at = Math.min(Math.max(change.at, from), now);
    times[state] += at - since;
    state = change.state;
    since = at;
  }
  times[state] += Math.max(0, now - since);
  return times;
}

/** The contact events that decide an agent's handled count and handle time. */
export type HandleEvent =
  | { type: 'contact.accepted'; contactId: string; agentId: string; at: number }
  | { type: 'contact.wrap_up_ended'; contactId: string; agentId: string; at: number };

export interface AgentHandling {
  /** Contacts whose wrap-up the agent finished in the period. */
  handled: number;
  /** Talk, hold and wrap-up of those contacts, from acceptance to the end of wrap-up, in ms. */
  handleMs: number;
  /** handleMs ÷ handled, in ms; null when nothing was handled. */
  averageHandleMs: number | null;
}

/**
 * Per agent: contacts handled in [from, now] and their average handle time, per METRICS.md: AHT is talk + hold +
 * wrap-up, reported in the period where wrap-up completes (so a contact accepted before `from` counts whole).
 * Events in the order they happened; an agent's acceptance must come before their wrap-up's end to be timed.
 */
export function handlingByAgent(
  events: Iterable<HandleEvent>,
  from: number,
  now: number,
): Map<string, AgentHandling> {
  const acceptedAt = new Map<string, number>();
  const result = new Map<string, AgentHandling>();
  for (const event of events) {
    const key = `${event.agentId} ${event.contactId}`;
    if (event.type === 'contact.accepted') {
      acceptedAt.set(key, event.at);
      continue;
    }
    const started = acceptedAt.get(key);
    acceptedAt.delete(key);
    if (event.at < from || event.at > now || started === undefined) continue;
    const figures = result.get(event.agentId) ?? { handled: 0, handleMs: 0, averageHandleMs: null };
    figures.handled++;
    figures.handleMs += event.at - started;
    figures.averageHandleMs = figures.handleMs / figures.handled;
    result.set(event.agentId, figures);
  }
  return result;
}
