/** Hears that a tenant's log has grown up to `position`. */
export type Announcement = (position: number) => void;

/**
 * Between the writers of the event log and its readers (the event streams): it only says "the tenant's log
 * has events up to position N". Readers read the events from the log itself, so a bus that drops or delays
 * a message loses nothing; readers also look at the log now and then by themselves. Today's bus is in the
 * process; a deployment of several nodes puts a broker behind this same interface.
 */
export interface EventBus {
  announce(tenantId: string, position: number): void;
  subscribe(tenantId: string, listener: Announcement): () => void;
}

export class InProcessEventBus implements EventBus {
  readonly #listeners = new Map<string, Set<Announcement>>();

  announce(tenantId: string, position: number): void {
    for (const listener of this.#listeners.get(tenantId) ?? []) listener(position);
  }

  subscribe(tenantId: string, listener: Announcement): () => void {
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
}
