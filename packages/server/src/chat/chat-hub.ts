import { type AcdEvent, type ContactEvent, type CustomerFrame, noteAnswer } from '@switchboard/core';
import type { Fanout } from '../acd/fanout.ts';
import type { Db } from '../db/database.ts';

/** What a chat's customer connection hears: the router's events for the chat, or a frame sent to it directly. */
export type ChatItem =
  | { kind: 'event'; event: AcdEvent }
  | { kind: 'frame'; frame: CustomerFrame }
  /** Something moved in the tenant's queues: a waiting customer's place may have changed. */
  | { kind: 'line' };
type Listener = (item: ChatItem) => void;

interface TenantChats {
  unsubscribe: () => void;
  chats: Map<string, Set<Listener>>;
  /** Keeps the tenant's events in order while aliases load. */
  chain: Promise<void>;
  /** When each CSQ's recent chats were answered, newest last (for the customers' expected wait). */
  answers: Map<string, number[]>;
}

const ALIAS_TTL_MS = 60_000;

/**
 * Fans committed router events and chat frames out to the customers' connections, per chat: one router
 * subscription per tenant with chats open here, however many chats there are. Agents' aliases are looked
 * up before an event is handed on, so listeners can name the agent synchronously (`alias`).
 */
export class ChatHub {
  readonly #bus: Fanout<AcdEvent>;
  readonly #db: Db;
  readonly #tenants = new Map<string, TenantChats>();
  readonly #aliases = new Map<string, { alias: string; at: number }>();

  constructor(bus: Fanout<AcdEvent>, db: Db) {
    this.#bus = bus;
    this.#db = db;
  }

  subscribe(tenantId: string, contactId: string, listener: Listener): () => void {
    let tenant = this.#tenants.get(tenantId);
    if (!tenant) {
      const created: TenantChats = {
        unsubscribe: () => {},
        chats: new Map(),
        chain: Promise.resolve(),
        answers: new Map(),
      };
      created.unsubscribe = this.#bus.subscribe(tenantId, (events) => this.#route(tenantId, created, events));
      this.#tenants.set(tenantId, created);
      tenant = created;
    }
    const listeners = tenant.chats.get(contactId) ?? new Set<Listener>();
    listeners.add(listener);
    tenant.chats.set(contactId, listeners);
    const owner = tenant;
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) owner.chats.delete(contactId);
      if (owner.chats.size === 0 && this.#tenants.get(tenantId) === owner) {
        owner.unsubscribe();
        this.#tenants.delete(tenantId);
      }
    };
  }

  /** Sends a frame (a message, typing) to every connection of one chat's customer in this process. */
  send(tenantId: string, contactId: string, frame: CustomerFrame): void {
    for (const listener of this.#tenants.get(tenantId)?.chats.get(contactId) ?? []) {
      listener({ kind: 'frame', frame });
    }
  }

  /** The name the customer sees for an agent: their alias, else their display name. */
  alias(tenantId: string, agentId: string): string {
    return this.#aliases.get(`${tenantId}/${agentId}`)?.alias ?? 'Agent';
  }

  async loadAlias(tenantId: string, agentId: string): Promise<string> {
    const key = `${tenantId}/${agentId}`;
    const cached = this.#aliases.get(key);
    if (cached && Date.now() - cached.at < ALIAS_TTL_MS) return cached.alias;
    const user = await this.#db
      .selectFrom('users')
      .select(['alias', 'display_name'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', agentId)
      .executeTakeFirst();
    const alias = user?.alias || user?.display_name || 'Agent';
    this.#aliases.set(key, { alias, at: Date.now() });
    return alias;
  }

  /** When the CSQ's recent contacts were answered, as far as this process heard while it had chats open. */
  answeredAt(tenantId: string, csqId: string): readonly number[] {
    return this.#tenants.get(tenantId)?.answers.get(csqId) ?? [];
  }

  #route(tenantId: string, tenant: TenantChats, events: AcdEvent[]): void {
    let moved = false;
    for (const event of events) {
      if (event.type === 'agent.state_changed') continue;
      moved = true;
      if (event.type === 'contact.accepted') noteAnswer(tenant.answers, event.csqId, event.at);
    }
    const mine = events.filter(
      (e): e is ContactEvent => e.type !== 'agent.state_changed' && tenant.chats.has(e.contactId),
    );
    if (mine.length > 0) this.#deliver(tenantId, tenant, mine);
    // After the chats' own events, so each connection already knows whether its customer still waits.
    if (moved)
      tenant.chain = tenant.chain.then(() => {
        for (const listeners of tenant.chats.values())
          for (const listener of listeners) listener({ kind: 'line' });
      });
  }

  #deliver(tenantId: string, tenant: TenantChats, mine: ContactEvent[]): void {
    tenant.chain = tenant.chain.then(async () => {
      for (const event of mine) {
        const agentId =
          event.type === 'contact.transferred'
            ? event.fromAgentId
            : 'agentId' in event
              ? event.agentId
              : null;
        if (agentId) await this.loadAlias(tenantId, agentId).catch(() => 'Agent');
        for (const listener of tenant.chats.get(event.contactId) ?? []) listener({ kind: 'event', event });
      }
    });
  }
}
