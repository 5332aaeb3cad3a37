import type { AcdEvent } from '@switchboard/core';

export type Listener = (events: AcdEvent[]) => void;

/** In-process fan-out of committed router events to WebSocket sessions, per tenant. */
export class EventBus {
  readonly #listeners = new Map<string, Set<Listener>>();

  subscribe(tenantId: string, listener: Listener): () => void {
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

  publish(tenantId: string, events: AcdEvent[]): void {
    if (events.length === 0) return;
    for (const listener of this.#listeners.get(tenantId) ?? []) listener(events);
  }
}
