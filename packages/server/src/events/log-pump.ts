import { type Grant, livePrincipal } from '../auth/grant.ts';
import type { Principal } from '../auth/principal.ts';
import type { AppContext } from '../http/app-types.ts';
import { PAGE, type TenantFeed } from './event-feeds.ts';
import type { LogEntry } from './event-log.ts';
import { readableBy } from './readable.ts';

/**
 * Streams ping (or send a comment), and ask the database again who the caller is, this often: changes made on
 * other nodes count too.
 */
export const HEARTBEAT_MS = 30_000;

/** Where a pump delivers: a WebSocket, an SSE response. */
export interface PumpTarget {
  /** Sends an entry the caller may read; a promise holds the pump until the client can take more. */
  send(entry: LogEntry): void | Promise<void>;
  /** The caller's access has ended (signed out, deactivated, key revoked): say so and close. */
  accessEnded(): void;
  /** The log could not be read: close; the client resumes from the last cursor it received. */
  failed(error: unknown): void;
}

/**
 * One stream's way along its tenant's event log: it follows the log from the moment it is made (so nothing
 * committed while the stream decides where to start is missed), and once started at a position sends every
 * later entry its caller may read, in order, one pass at a time. Where the log records an access change for
 * the caller (and whenever `recheck` is called, at each heartbeat) the caller is read again from the database
 * before anything further is sent; if their session, account or key has ended the target is told and the pump
 * stops. Both the WebSocket and the SSE stream are such a pump.
 */
export class LogPump {
  readonly #db: AppContext['db'];
  readonly #clock: AppContext['clock'];
  readonly #grant: Grant;
  readonly #target: PumpTarget;
  readonly #wanted: (entry: LogEntry) => boolean;
  readonly #followed: { feed: TenantFeed; stop: () => void };
  #principal: Principal;
  #readable: (entry: LogEntry) => boolean;
  #position: number | null = null;
  #checking: Promise<void> | null = null;
  #pumping = false;
  #again = false;
  #open = true;

  constructor(
    { db, clock, feeds }: Pick<AppContext, 'db' | 'clock' | 'feeds'>,
    caller: { principal: Principal; grant: Grant },
    target: PumpTarget,
    /** Which readable entries the client asked for (all by default); the others are passed over. */
    wanted: (entry: LogEntry) => boolean = () => true,
  ) {
    this.#db = db;
    this.#clock = clock;
    this.#grant = caller.grant;
    this.#principal = caller.principal;
    this.#readable = readableBy(caller.principal);
    this.#target = target;
    this.#wanted = wanted;
    this.#followed = feeds.follow(caller.grant.tenantId, () => void this.#pump());
  }

  /** The tenant's feed: wait for its `ready`, and read its `head`, before choosing where to start. */
  get feed(): TenantFeed {
    return this.#followed.feed;
  }

  /** The caller as last read from the database. */
  get principal(): Principal {
    return this.#principal;
  }

  /** The last entry passed (sent, or not the caller's to read); null before the start. */
  get position(): number | null {
    return this.#position;
  }

  get open(): boolean {
    return this.#open;
  }

  /** Sends the entries after `position`, then every entry as it is committed. */
  start(position: number): Promise<void> {
    if (!this.#open) return Promise.resolve();
    this.#position = position;
    return this.#pump();
  }

  /** Reads the caller again: a changed role changes what they read; an ended access ends the stream. */
  recheck(): Promise<void> {
    this.#checking ??= (async () => {
      try {
        const now = await livePrincipal(this.#db, this.#grant, new Date(this.#clock.now()));
        if (!now) {
          if (!this.#open) return;
          this.stop();
          this.#target.accessEnded();
          return;
        }
        this.#principal = now;
        this.#readable = readableBy(now);
      } catch {
        // The database did not answer: the caller stays as last checked until the next heartbeat asks again.
      } finally {
        this.#checking = null;
      }
    })();
    return this.#checking;
  }

  /** Stops following the log; nothing more is sent. */
  stop(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#followed.stop();
  }

  async #pump(): Promise<void> {
    if (this.#position === null) return;
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    this.#pumping = true;
    try {
      do {
        this.#again = false;
        for (;;) {
          const entries = await this.#followed.feed.after(this.#position, PAGE);
          if (entries.length === 0 || !this.#open) break;
          for (const entry of entries) {
            while (this.#checking) await this.#checking;
            if (!this.#open) return;
            if (entry.kind === 'access') {
              const { userId } = entry.payload;
              if (userId === null || userId === this.#grant.userId) await this.recheck();
            } else if (this.#readable(entry) && this.#wanted(entry)) {
              const sending = this.#target.send(entry);
              // Most targets take an entry at once: awaiting only a promise keeps the hot path synchronous.
              if (sending) await sending;
            }
            if (!this.#open) return;
            this.#position = entry.position;
          }
        }
      } while (this.#again && this.#open);
    } catch (error) {
      if (!this.#open) return;
      this.stop();
      this.#target.failed(error);
    } finally {
      this.#pumping = false;
    }
  }
}
