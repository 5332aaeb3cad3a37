import type { AgentState, Domain } from '@switchboard/core';

/**
 * What an agent is doing, wall-clock, from the states the engine shows on their two domains:
 * - busy: a contact in hand on either domain (Active: talk, chat, email; Work: wrap-up);
 * - available: otherwise, Ready or Reserved (ringing) on some domain;
 * - not ready: otherwise, logged in on some domain and Not Ready on every domain they are logged in on;
 * - logged out on both domains.
 */
export type AgentCondition = 'logged_out' | 'not_ready' | 'available' | 'busy';

export function conditionOf(voice: AgentState, digital: AgentState): AgentCondition {
  if (voice === 'active' || voice === 'work' || digital === 'active' || digital === 'work') return 'busy';
  if (voice === 'ready' || voice === 'reserved' || digital === 'ready' || digital === 'reserved')
    return 'available';
  return voice === 'logged_out' && digital === 'logged_out' ? 'logged_out' : 'not_ready';
}

/** Seconds of logged-in time by condition. */
export interface AgentSeconds {
  busy: number;
  available: number;
  notReady: number;
}

const zero = (): AgentSeconds => ({ busy: 0, available: 0, notReady: 0 });

/** Accumulates every agent's time by condition, per interval and per agent, from the engine's state trace. */
export class AgentTimeLedger {
  readonly #intervalMs: number;
  readonly #voice: AgentState[];
  readonly #digital: AgentState[];
  readonly #condition: AgentCondition[];
  readonly #since: number[];
  readonly #perAgent: AgentSeconds[];
  readonly #perInterval: AgentSeconds[] = [];

  constructor(agentCount: number, intervalMs: number) {
    this.#intervalMs = intervalMs;
    this.#voice = new Array<AgentState>(agentCount).fill('logged_out');
    this.#digital = new Array<AgentState>(agentCount).fill('logged_out');
    this.#condition = new Array<AgentCondition>(agentCount).fill('logged_out');
    this.#since = new Array<number>(agentCount).fill(0);
    this.#perAgent = Array.from({ length: agentCount }, zero);
  }

  shown(agent: number, domain: Domain): AgentState {
    return (domain === 'voice' ? this.#voice[agent] : this.#digital[agent]) ?? 'logged_out';
  }

  /** Records the state the engine now shows the agent in on one domain. */
  changed(agent: number, domain: Domain, state: AgentState, at: number): void {
    if (domain === 'voice') this.#voice[agent] = state;
    else this.#digital[agent] = state;
    const next = conditionOf(this.shown(agent, 'voice'), this.shown(agent, 'digital'));
    if (next === this.#condition[agent]) return;
    this.#accrue(agent, at);
    this.#condition[agent] = next;
  }

  /** Books every agent's time up to `at`; call once, when the simulation ends. */
  finish(at: number): void {
    for (let agent = 0; agent < this.#condition.length; agent++) this.#accrue(agent, at);
  }

  perAgent(agent: number): AgentSeconds {
    return this.#perAgent[agent] ?? zero();
  }

  perInterval(interval: number): AgentSeconds {
    return this.#perInterval[interval] ?? zero();
  }

  get intervalCount(): number {
    return this.#perInterval.length;
  }

  /** Adds the time since the agent's last change of condition, split at interval boundaries. */
  #accrue(agent: number, to: number): void {
    const condition = this.#condition[agent] as AgentCondition;
    let from = this.#since[agent] as number;
    this.#since[agent] = to;
    if (condition === 'logged_out' || to <= from) return;
    const key = condition === 'not_ready' ? 'notReady' : condition;
    (this.#perAgent[agent] as AgentSeconds)[key] += (to - from) / 1000;
    while (from < to) {
      const interval = Math.floor(from / this.#intervalMs);
      const end = Math.min(to, (interval + 1) * this.#intervalMs);
      while (this.#perInterval.length <= interval) this.#perInterval.push(zero());
      (this.#perInterval[interval] as AgentSeconds)[key] += (end - from) / 1000;
      from = end;
    }
  }
}
