import { type AcdEvent, ChatMonitors } from '@switchboard/core';
import type { EventBus } from '../acd/event-bus.ts';

/**
 * The supervisors monitoring and barged into chats in this process (the process that runs the tenant's
 * router), keyed by tenant and chat. A chat's watchers are forgotten as soon as it ends for the customer
 * (wrap-up starts, or it ends unanswered), so nothing is delivered to them afterwards.
 */
export class LiveMonitors {
  readonly #bus: EventBus<AcdEvent>;
  readonly #monitors = new ChatMonitors();
  readonly #tenants = new Set<string>();

  constructor(bus: EventBus<AcdEvent>) {
    this.#bus = bus;
  }

  /** The chats of one tenant, subscribing once to its router's events to forget the chats that end. */
  of(tenantId: string): TenantMonitors {
    if (!this.#tenants.has(tenantId)) {
      this.#tenants.add(tenantId);
      this.#bus.subscribe(tenantId, (events) => {
        for (const event of events) {
          if (event.type === 'contact.wrap_up_started' || event.type === 'contact.ended')
            this.#monitors.end(`${tenantId}/${event.contactId}`);
        }
      });
    }
    const key = (chatId: string) => `${tenantId}/${chatId}`;
    const monitors = this.#monitors;
    return {
      watch: (chatId, userId) => monitors.watch(key(chatId), userId),
      unwatch: (chatId, userId) => monitors.unwatch(key(chatId), userId),
      barge: (chatId, userId) => monitors.barge(key(chatId), userId),
      leave: (chatId, userId) => monitors.leave(key(chatId), userId),
      isWatching: (chatId, userId) => monitors.isWatching(key(chatId), userId),
      hasBarged: (chatId, userId) => monitors.hasBarged(key(chatId), userId),
      watchers: (chatId) => monitors.watchers(key(chatId)),
    };
  }
}

export interface TenantMonitors {
  watch(chatId: string, userId: string): boolean;
  unwatch(chatId: string, userId: string): boolean;
  barge(chatId: string, userId: string): boolean;
  leave(chatId: string, userId: string): boolean;
  isWatching(chatId: string, userId: string): boolean;
  hasBarged(chatId: string, userId: string): boolean;
  watchers(chatId: string): string[];
}
