import type { Repeat } from '../acd/repeat.ts';
import type { Db } from '../db/database.ts';
import type { EventBus } from './event-bus.ts';
import { type LogEntry, latestPosition, readEvents } from './event-log.ts';

/** Entries read per query, from the cache's refresh and from readers catching up. */
export const PAGE = 1000;
/** The newest entries of each tenant kept in memory, so that streams resuming shortly after a drop read no database. */
const CACHE = 5000;
/** How often a followed tenant's log is looked at even without an announcement (a dropped one costs at most this). */
export const POLL_MS = 1000;

/**
 * One tenant's log as this process follows it: the newest entries read once for every stream of the tenant,
 * refreshed when the bus announces new positions (or the poll finds them).
 */
class TenantFeed {
  readonly #db: Db;
  readonly #tenantId: string;
  readonly #listeners = new Set<() => void>();
  readonly #cache: LogEntry[] = [];
  readonly ready: Promise<void>;
  #head = 0;
  #refreshing: Promise<void> | null = null;
  #again = false;
  onError: (error: unknown) => void = () => {};

  constructor(db: Db, tenantId: string) {
    this.#db = db;
    this.#tenantId = tenantId;
    this.ready = latestPosition(db, tenantId).then((head) => {
      this.#head = Math.max(this.#head, head);
    });
  }

  /** The last position this process has read. */
  get head(): number {
    return this.#head;
  }

  get listeners(): Set<() => void> {
    return this.#listeners;
  }

  heard(position: number): void {
    if (position > this.#head) this.refresh();
  }

  /** Reads what the log holds past the head, once at a time; listeners hear of it afterwards. */
  refresh(): void {
    if (this.#refreshing) {
      this.#again = true;
      return;
    }
    this.#refreshing = (async () => {
      await this.ready;
      do {
        this.#again = false;
        for (;;) {
          const entries = await readEvents(this.#db, this.#tenantId, this.#head, PAGE);
          this.#keep(entries);
          if (entries.length < PAGE) break;
        }
        for (const listener of this.#listeners) listener();
      } while (this.#again);
    })()
      .catch((error) => this.onError(error))
      .finally(() => {
        this.#refreshing = null;
      });
  }

  /** Up to `limit` entries after `position`: from memory when it still holds them, else from the log. */
  async after(position: number, limit: number): Promise<LogEntry[]> {
    const first = this.#cache[0]?.position;
    if (first !== undefined && position >= first - 1) {
      const start = position - first + 1;
      return this.#cache.slice(start, start + limit);
    }
    if (position >= this.#head) return [];
    return readEvents(this.#db, this.#tenantId, position, Math.min(limit, this.#head - position));
  }

  #keep(entries: LogEntry[]): void {
    for (const entry of entries) {
      if (entry.position !== this.#head + 1) {
        // Not the next one (the head was set from the counter): memory starts again from here.
        this.#cache.length = 0;
      }
      this.#cache.push(entry);
      this.#head = entry.position;
    }
    if (this.#cache.length > CACHE) this.#cache.splice(0, this.#cache.length - CACHE);
  }
}

/** The tenants' logs this process follows, for as long as a stream of theirs is open. */
export class EventFeeds {
  readonly #db: Db;
  readonly #bus: EventBus;
  readonly #feeds = new Map<string, { feed: TenantFeed; stop: () => void }>();
  readonly #stopPolling: () => void;
  readonly #onError: (error: unknown) => void;

  constructor(db: Db, bus: EventBus, repeat: Repeat, onError: (error: unknown) => void = () => {}) {
    this.#db = db;
    this.#bus = bus;
    this.#onError = onError;
    this.#stopPolling = repeat(POLL_MS, () => {
      for (const [tenantId, { feed }] of this.#feeds)
        latestPosition(this.#db, tenantId).then((position) => feed.heard(position), this.#onError);
    });
  }

  /**
   * Follows the tenant's log: `listener` runs after new entries were read. Returns the feed (wait for its
   * `ready` before reading) and the function that stops following.
   */
  follow(tenantId: string, listener: () => void): { feed: TenantFeed; stop: () => void } {
    let followed = this.#feeds.get(tenantId);
    if (!followed) {
      const feed = new TenantFeed(this.#db, tenantId);
      feed.onError = this.#onError;
      const stop = this.#bus.subscribe(tenantId, (position) => feed.heard(position));
      followed = { feed, stop };
      this.#feeds.set(tenantId, followed);
    }
    const { feed } = followed;
    feed.listeners.add(listener);
    return {
      feed,
      stop: () => {
        feed.listeners.delete(listener);
        if (feed.listeners.size > 0 || this.#feeds.get(tenantId)?.feed !== feed) return;
        this.#feeds.get(tenantId)?.stop();
        this.#feeds.delete(tenantId);
      },
    };
  }

  close(): void {
    this.#stopPolling();
    for (const { stop } of this.#feeds.values()) stop();
    this.#feeds.clear();
  }
}

export type { TenantFeed };
