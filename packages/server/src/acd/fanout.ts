import type { AcdEvent } from '@switchboard/core';

export type Listener<E = AcdEvent> = (events: E[]) => void;

/**
 * Something for some people of a tenant that is not the router's, such as a team message published or
 * deleted: `message` goes as is to the event streams of `userIds`.
 */
export interface Notice {
  userIds: ReadonlySet<string>;
  message: { type: string; at: string } & Record<string, unknown>;
}

/**
 * Who may see what changed for a user (signed out, deactivated, new role or team, new password), or for the
 * whole tenant when `userId` is null: open connections re-check their caller at once.
 */
export interface AccessChange {
  userId: string | null;
}

/**
 * In-process fan-out per tenant. The router's committed events reach the services of the process that runs
 * the router through one (the customers' chat hub, live monitors, assist); the event streams of desktops and
 * integrators read the event log instead (`events/`).
 */
export class Fanout<E = AcdEvent> {
  readonly #listeners = new Map<string, Set<Listener<E>>>();

  subscribe(tenantId: string, listener: Listener<E>): () => void {
    let set = this.#listeners.get(tenantId);
    if (!set) {
      set = new Set();
      this.#listeners.set(tenantId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(tenantId);
    };
  }

  publish(tenantId: string, events: E[]): void {
    if (events.length === 0) return;
    for (const listener of this.#listeners.get(tenantId) ?? []) listener(events);
  }
}
