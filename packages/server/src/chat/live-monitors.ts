import { type AcdEvent, ChatMonitors } from '@switchboard/core';
import type { AccessChange, Fanout } from '../acd/fanout.ts';

/** Whether a watcher may still hear a chat (read again from storage and the router). */
export type ScopeCheck = (tenantId: string, chatId: string, userId: string) => Promise<boolean>;
/** A supervisor barged into a chat was taken out of it without asking: the customer and agents are told. */
export type BargedOut = (tenantId: string, chatId: string, userId: string) => void;

/** Router events after which the chat is no longer with the agent it was monitored on. */
const MOVED = new Set(['contact.transferred', 'contact.queued', 'contact.offered']);
const ENDED = new Set(['contact.wrap_up_started', 'contact.ended']);

/**
 * The supervisors monitoring and barged into chats in this process (the process that runs the tenant's
 * router), keyed by tenant and chat. Watchers are forgotten when the chat ends for the customer, and when it
 * leaves its agent (transferred, requeued), since the next agent may be outside the supervisor's teams. Each
 * watcher's scope is checked again before they hear the chat, and the verdict kept until an access change in
 * the tenant (roles, teams, accounts) or a change of the chat's owner.
 */
export class LiveMonitors {
  readonly #monitors = new ChatMonitors();
  readonly #tenants = new Set<string>();
  /** Per chat key, per watcher: whether they may still hear it. */
  readonly #verdicts = new Map<string, Map<string, boolean>>();
  /** Per tenant, bumped on every access change, so a check that ran across one is not kept. */
  readonly #generation = new Map<string, number>();
  readonly #bus: Fanout<AcdEvent>;
  readonly #access: Pick<Fanout<AccessChange>, 'subscribe'>;
  readonly #check: ScopeCheck;
  #bargedOut: BargedOut = () => {};

  constructor(bus: Fanout<AcdEvent>, access: Pick<Fanout<AccessChange>, 'subscribe'>, check: ScopeCheck) {
    this.#bus = bus;
    this.#access = access;
    this.#check = check;
  }

  /** Who tells the customer and the agents when a barged-in supervisor is taken out of a chat. */
  onBargedOut(announce: BargedOut): void {
    this.#bargedOut = announce;
  }

  /** The chats of one tenant, subscribing once to its router's events and access changes. */
  of(tenantId: string): TenantMonitors {
    if (!this.#tenants.has(tenantId)) this.#follow(tenantId);
    const key = (chatId: string) => `${tenantId}/${chatId}`;
    const monitors = this.#monitors;
    return {
      watch: (chatId, userId) => monitors.watch(key(chatId), userId),
      unwatch: (chatId, userId) => monitors.unwatch(key(chatId), userId),
      barge: (chatId, userId) => monitors.barge(key(chatId), userId),
      leave: (chatId, userId) => monitors.leave(key(chatId), userId),
      isWatching: (chatId, userId) => monitors.isWatching(key(chatId), userId),
      hasBarged: (chatId, userId) => monitors.hasBarged(key(chatId), userId),
      watchers: (chatId) => this.#inScope(tenantId, chatId, monitors.watchers(key(chatId))),
      mayWrite: async (chatId, userId) =>
        monitors.hasBarged(key(chatId), userId) &&
        (await this.#inScope(tenantId, chatId, [userId])).length === 1,
    };
  }

  /** A user's last event stream closed: they no longer watch anything, and leave the chats they barged into. */
  forgetUser(tenantId: string, userId: string): void {
    const prefix = `${tenantId}/`;
    for (const key of this.#monitors.watchedBy(userId)) {
      if (!key.startsWith(prefix)) continue;
      this.#drop(tenantId, key.slice(prefix.length), userId);
    }
  }

  #follow(tenantId: string): void {
    this.#tenants.add(tenantId);
    this.#bus.subscribe(tenantId, (events) => {
      for (const event of events) {
        if (!('contactId' in event)) continue;
        const key = `${tenantId}/${event.contactId}`;
        if (ENDED.has(event.type)) this.#end(key);
        else if (MOVED.has(event.type))
          for (const userId of this.#end(key)) this.#bargedOut(tenantId, event.contactId, userId);
        else if (event.type === 'contact.participant_left') this.#verdicts.delete(key);
      }
    });
    // Roles, teams or accounts changed: every verdict goes, and the chats watched are checked again now, so a
    // supervisor out of scope leaves a chat they barged into without waiting for its next message.
    this.#access.subscribe(tenantId, () => {
      this.#generation.set(tenantId, (this.#generation.get(tenantId) ?? 0) + 1);
      const prefix = `${tenantId}/`;
      for (const key of this.#verdicts.keys()) if (key.startsWith(prefix)) this.#verdicts.delete(key);
      for (const key of this.#monitors.chats())
        if (key.startsWith(prefix))
          void this.#inScope(tenantId, key.slice(prefix.length), this.#monitors.watchers(key));
    });
  }

  #end(key: string): string[] {
    this.#verdicts.delete(key);
    return this.#monitors.end(key);
  }

  #drop(tenantId: string, chatId: string, userId: string): void {
    const key = `${tenantId}/${chatId}`;
    this.#verdicts.get(key)?.delete(userId);
    if (this.#monitors.unwatch(key, userId)) this.#bargedOut(tenantId, chatId, userId);
  }

  /** The watchers who may still hear the chat; the others stop watching (and leave it if barged in). */
  async #inScope(tenantId: string, chatId: string, userIds: string[]): Promise<string[]> {
    const key = `${tenantId}/${chatId}`;
    const generation = this.#generation.get(tenantId) ?? 0;
    const verdicts = await Promise.all(
      userIds.map(async (userId) => {
        const known = this.#verdicts.get(key)?.get(userId);
        return known ?? (await this.#check(tenantId, chatId, userId).catch(() => false));
      }),
    );
    const allowed: string[] = [];
    for (const [i, userId] of userIds.entries()) {
      const ok = verdicts[i] ?? false;
      if (!this.#monitors.isWatching(key, userId)) continue;
      if (!ok) {
        this.#drop(tenantId, chatId, userId);
        continue;
      }
      allowed.push(userId);
      if ((this.#generation.get(tenantId) ?? 0) !== generation) continue;
      const kept = this.#verdicts.get(key) ?? new Map<string, boolean>();
      this.#verdicts.set(key, kept.set(userId, true));
    }
    return allowed;
  }
}

export interface TenantMonitors {
  watch(chatId: string, userId: string): boolean;
  unwatch(chatId: string, userId: string): boolean;
  barge(chatId: string, userId: string): boolean;
  leave(chatId: string, userId: string): boolean;
  isWatching(chatId: string, userId: string): boolean;
  hasBarged(chatId: string, userId: string): boolean;
  /** The watchers who may still hear the chat (scope checked again, cached until an access change). */
  watchers(chatId: string): Promise<string[]>;
  /** Whether a supervisor barged in and may still write in the chat. */
  mayWrite(chatId: string, userId: string): Promise<boolean>;
}
