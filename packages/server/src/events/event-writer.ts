import { type AccessChange, Fanout, type Notice } from '../acd/fanout.ts';
import type { Db } from '../db/database.ts';
import type { EventBus } from './event-bus.ts';
import { appendEvents, type NewLogEntry } from './event-log.ts';

/** What services publish notices through (team messages, chat messages to agents, assist, monitoring). */
export interface NoticePublisher {
  publish(tenantId: string, notices: Notice[]): Promise<void> | void;
}

/** Appends to a tenant's event log, then announces the new position on the bus. */
export class EventWriter {
  readonly #db: Db;
  readonly #bus: EventBus;

  constructor(db: Db, bus: EventBus) {
    this.#db = db;
    this.#bus = bus;
  }

  async append(tenantId: string, entries: NewLogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    this.#bus.announce(tenantId, await appendEvents(this.#db, tenantId, entries));
  }
}

/** Notices go to the log, each for the people it names; a stream sends one to them in its place in the log. */
export class NoticeLog implements NoticePublisher {
  readonly #writer: EventWriter;

  constructor(writer: EventWriter) {
    this.#writer = writer;
  }

  publish(tenantId: string, notices: Notice[]): Promise<void> {
    return this.#writer.append(
      tenantId,
      notices
        .filter((notice) => notice.userIds.size > 0)
        .map(({ userIds, message: { type, at, ...payload } }) => ({
          kind: 'notice',
          type,
          at: new Date(at),
          userIds: [...userIds],
          payload,
        })),
    );
  }
}

/**
 * Changes of who may see what: logged, so that every stream of the tenant (on any node) re-checks its caller
 * at that point of the log, and told to this process's own listeners (live monitors' scope cache).
 */
export class AccessLog {
  readonly #writer: EventWriter;
  readonly #local = new Fanout<AccessChange>();
  readonly #now: () => number;

  constructor(writer: EventWriter, now: () => number) {
    this.#writer = writer;
    this.#now = now;
  }

  async publish(tenantId: string, changes: AccessChange[]): Promise<void> {
    const at = new Date(this.#now());
    await this.#writer.append(
      tenantId,
      changes.map(({ userId }) => ({
        kind: 'access',
        type: 'access.changed',
        at,
        userIds: null,
        payload: { userId },
      })),
    );
    this.#local.publish(tenantId, changes);
  }

  subscribe(tenantId: string, listener: (changes: AccessChange[]) => void): () => void {
    return this.#local.subscribe(tenantId, listener);
  }
}
