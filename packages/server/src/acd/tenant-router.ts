import type { AcdEngine, AcdEvent } from '@switchboard/core';
import type { Db } from '../db/database.ts';
import { emptyBatch, type RouterBatch, writeBatch } from './acd-store.ts';

/** Tells of a batch committed: its events, and the event log's position after them. */
export type Publish = (tenantId: string, events: AcdEvent[], position: number) => void;

/**
 * One tenant's router: the pure engine plus durability. Commands run one at a time against the engine;
 * their effects are collected and written with group commit (every command in flight shares one
 * transaction), and a command is acknowledged, and its events published, only once that transaction commits.
 */
export class TenantRouter {
  readonly tenantId: string;
  readonly engine: AcdEngine;
  readonly #db: Db;
  readonly #publish: Publish;
  readonly #onBroken: (error: unknown) => void;
  #batch: RouterBatch = emptyBatch();
  #committed: Promise<void> | null = null;
  #writing: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | null = null;
  #now: () => number;
  broken = false;

  constructor(options: {
    tenantId: string;
    engine: AcdEngine;
    db: Db;
    now: () => number;
    publish: Publish;
    onBroken: (error: unknown) => void;
  }) {
    this.tenantId = options.tenantId;
    this.engine = options.engine;
    this.#db = options.db;
    this.#now = options.now;
    this.#publish = options.publish;
    this.#onBroken = options.onBroken;
  }

  /**
   * Runs one engine command and resolves once its effects are stored. `extras` lets the caller attach what
   * storage keeps beyond the router's view (a new contact's attributes, wrap-up reasons).
   */
  async run<T>(
    command: (engine: AcdEngine) => { events: AcdEvent[]; result: T },
    extras?: (batch: RouterBatch, result: T) => void,
  ): Promise<{ events: AcdEvent[]; result: T }> {
    if (this.broken) throw new Error('router is reloading');
    const { events, result } = command(this.engine);
    extras?.(this.#batch, result);
    this.#collect(events);
    this.#scheduleTimer();
    await this.#commit();
    return { events, result };
  }

  /** Records events that happened outside a request (recovery, timers). */
  async record(events: AcdEvent[]): Promise<void> {
    this.#collect(events);
    this.#scheduleTimer();
    await this.#commit();
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Waits until everything collected so far is stored. */
  flushed(): Promise<void> {
    return this.#committed ?? this.#writing;
  }

  #collect(events: AcdEvent[]): void {
    const batch = this.#batch;
    batch.events.push(...events);
    const agents = new Set<string>();
    for (const event of events) {
      if (event.type !== 'agent.state_changed') {
        const contact = this.engine.contact(event.contactId);
        if (contact) batch.contacts.set(contact.id, contact);
      }
      if ('agentId' in event && event.agentId) agents.add(event.agentId);
    }
    for (const agentId of agents) {
      const agent = this.engine.agent(agentId);
      if (agent) batch.presence.set(agentId, { ...agent.chosen, reasons: agent.reasonCode });
    }
  }

  /** Group commit: all commands that arrive while a write is in progress share the next transaction. */
  #commit(): Promise<void> {
    if (this.#committed) return this.#committed;
    const committed = this.#writing.then(async () => {
      this.#committed = null;
      const batch = this.#batch;
      this.#batch = emptyBatch();
      if (batch.events.length === 0 && batch.contacts.size === 0) return;
      let position: number | null;
      try {
        // Atomic on its own: one statement, or a transaction when the batch needs several.
        position = await writeBatch(this.#db, this.tenantId, batch);
      } catch (error) {
        // The engine is now ahead of storage: stop using it so the next request rebuilds it from storage.
        this.broken = true;
        this.stop();
        this.#onBroken(error);
        throw error;
      }
      if (position !== null) this.#publish(this.tenantId, batch.events, position);
    });
    this.#committed = committed;
    this.#writing = committed.catch(() => {});
    return committed;
  }

  #scheduleTimer(): void {
    const deadline = this.engine.nextDeadline();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (deadline === null) return;
    const delay = Math.max(0, Math.min(deadline - this.#now(), 2 ** 31 - 1));
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.broken) return;
      this.record(this.engine.tick()).catch(() => {});
    }, delay);
    this.#timer.unref();
  }
}
