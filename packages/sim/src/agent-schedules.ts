import { type AcdEngine, type AcdEvent, type AgentState, DOMAINS } from '@switchboard/core';
import type { AgentTimeLedger } from './agent-time.ts';
import type { EventQueue, SimEventKind } from './event-queue.ts';
import type { SimulatedAgent } from './input.ts';

export const minutesToMs = (minutes: number): number => Math.round(minutes * 60_000);

/**
 * The virtual agents' side of the schedule: they log in Ready at the start of a shift, go Not Ready with the
 * break's reason code and come back Ready, and at the end of the shift log out of each domain as soon as they
 * hold nothing there (Not Ready until then, so that nothing new is offered).
 */
export class AgentSchedules {
  readonly #engine: AcdEngine;
  readonly #agents: readonly SimulatedAgent[];
  readonly #ledger: AgentTimeLedger;
  /** Agents past the end of their shift who log out once their contacts are done. */
  readonly #leaving: boolean[];

  constructor(engine: AcdEngine, agents: readonly SimulatedAgent[], ledger: AgentTimeLedger) {
    this.#engine = engine;
    this.#agents = agents;
    this.#ledger = ledger;
    this.#leaving = agents.map(() => false);
  }

  /** Puts every agent's schedule changes on the queue. */
  scheduleAll(queue: EventQueue): void {
    for (const [index, agent] of this.#agents.entries())
      for (const change of scheduleChanges(agent))
        queue.schedule(change.at, change.kind, null, index, change.reasonCode);
  }

  /** Applies one schedule change on both domains and returns the router's events. */
  apply(kind: SimEventKind, agent: number, reasonCode: number | null): AcdEvent[] {
    const agentId = (this.#agents[agent] as SimulatedAgent).id;
    const engine = this.#engine;
    const events: AcdEvent[] = [];
    for (const domain of DOMAINS) {
      if (kind === 'shift_start' || kind === 'break_end') {
        this.#leaving[agent] = false;
        const state = reasonCode === null ? 'ready' : 'not_ready';
        events.push(...engine.setAgentState(agentId, domain, state, reasonCode));
      } else if (kind === 'break_start') {
        events.push(...engine.setAgentState(agentId, domain, 'not_ready', reasonCode));
      } else if (kind === 'shift_end') {
        this.#leaving[agent] = true;
        const shown = this.#ledger.shown(agent, domain);
        if (shown === 'ready' || shown === 'not_ready')
          events.push(...engine.setAgentState(agentId, domain, 'logged_out'));
        else if (shown !== 'logged_out') events.push(...engine.setAgentState(agentId, domain, 'not_ready'));
      }
    }
    return events;
  }

  /** Whether the agent, now shown in `state` on some domain, finished their last contact after their shift. */
  readyToLeave(agent: number, state: AgentState): boolean {
    return state === 'not_ready' && this.#leaving[agent] === true;
  }
}

export interface ScheduleChange {
  at: number;
  kind: 'shift_start' | 'break_start' | 'break_end' | 'shift_end';
  /** Not Ready's reason code; on `shift_start`, the agent logs in Not Ready (a break starts with the shift). */
  reasonCode: number | null;
}

/**
 * An agent's schedule as state changes in time order. Of changes due in the same millisecond only the last one
 * is made, so that an agent is never Ready for an instant in between (and offered a contact): a break that
 * starts with the shift logs the agent in Not Ready, back-to-back breaks go from one reason code to the next,
 * and a break that ends with the shift ends in logging out.
 */
export function scheduleChanges(agent: SimulatedAgent): ScheduleChange[] {
  const changes: ScheduleChange[] = [];
  for (const shift of agent.shifts) {
    changes.push({ at: minutesToMs(shift.startMinute), kind: 'shift_start', reasonCode: null });
    for (const pause of shift.breaks ?? []) {
      changes.push({ at: minutesToMs(pause.startMinute), kind: 'break_start', reasonCode: pause.reasonCode });
      changes.push({ at: minutesToMs(pause.endMinute), kind: 'break_end', reasonCode: null });
    }
    changes.push({ at: minutesToMs(shift.endMinute), kind: 'shift_end', reasonCode: null });
  }
  const merged: ScheduleChange[] = [];
  for (const change of changes) {
    const previous = merged[merged.length - 1];
    if (previous === undefined || previous.at !== change.at) merged.push(change);
    else if (previous.kind === 'shift_start' && change.kind === 'break_start')
      previous.reasonCode = change.reasonCode;
    else merged[merged.length - 1] = change;
  }
  return merged;
}
