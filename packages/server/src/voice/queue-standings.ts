import { type AcdEvent, expectedWaitMs, noteAnswer } from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Standing } from './flow-call.ts';

/**
 * Where waiting callers stand, for the place in line and expected wait their flow tells them: the router's queue
 * for the place, and each tenant's recent answers per CSQ (fed from the router's committed events) for the wait.
 */
export class QueueStandings {
  readonly #acd: AcdRuntime;
  readonly #now: () => number;
  readonly #answers = new Map<string, Map<string, number[]>>();

  constructor(acd: AcdRuntime, now: () => number) {
    this.#acd = acd;
    this.#now = now;
  }

  /** Takes in one of the tenant's committed router events. */
  note(tenantId: string, event: AcdEvent): void {
    if (event.type !== 'contact.accepted') return;
    const answers = this.#answers.get(tenantId) ?? new Map<string, number[]>();
    noteAnswer(answers, event.csqId, event.at);
    this.#answers.set(tenantId, answers);
  }

  /** The contact's standing now; null once it no longer waits (answered, or gone). */
  async of(tenantId: string, contactId: string): Promise<Standing | null> {
    const engine = (await this.#acd.router(tenantId)).engine;
    const contact = engine.contact(contactId);
    if (!contact || (contact.status !== 'queued' && contact.status !== 'offered')) return null;
    const position = contact.status === 'offered' ? 1 : engine.queuePosition(contactId);
    if (position === null) return null;
    const answers = this.#answers.get(tenantId)?.get(contact.csqId) ?? [];
    const estimate = expectedWaitMs(position, answers, this.#now());
    return { position, expectedWaitSeconds: estimate === null ? null : Math.ceil(estimate / 1000) };
  }
}
