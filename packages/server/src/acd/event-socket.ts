import type { WebSocket } from '@fastify/websocket';
import { isAllowed } from '@switchboard/core';
import { type Grant, livePrincipal } from '../auth/grant.ts';
import type { Principal } from '../auth/principal.ts';
import { decodeCursor, encodeCursor } from '../events/cursor.ts';
import { PAGE } from '../events/event-feeds.ts';
import { logBounds } from '../events/event-log.ts';
import { readableBy, wireOf } from '../events/readable.ts';
import type { AppContext } from '../http/app-types.ts';
import { toSwitchboardError } from '../http/errors.ts';

/** Pings, and asks the database again who the caller is, this often: changes made on other nodes count too. */
export const HEARTBEAT_MS = 30_000;

const ENDED = {
  type: 'error',
  error: {
    code: 'unauthenticated',
    message: 'Your access has ended (signed out, deactivated or the key revoked): sign in again.',
  },
};

export interface StreamOptions {
  /** The agent's desktop (not an API client): while none of an agent's desktops is open they are not there. */
  desktop: boolean;
  /** The last cursor the client has: it receives exactly the events after it (or a resync if they are gone). */
  cursor: string | undefined;
}

/**
 * One open event stream: the tenant's event log from a position on, filtered by the caller's rights. It
 * begins with `hello` (the cursor it starts after, and `resync: true` when the client must reload what it
 * shows because the events it missed cannot be replayed), then sends every readable entry in log order, each
 * with its cursor. Where the log records an access change for the caller (and at every heartbeat) the caller
 * is read again before anything further is sent: closed with 4401 if their session, account or key has ended.
 */
export function serveEventSocket(
  { db, clock, acd, feeds, repeat, assist }: AppContext,
  socket: WebSocket,
  caller: { principal: Principal; grant: Grant },
  options: StreamOptions,
): void {
  const { grant } = caller;
  const { tenantId } = grant;
  let principal = caller.principal;
  let readable = readableBy(principal);
  let position: number | null = null;
  let checking: Promise<void> | null = null;
  let pumping = false;
  let pumpAgain = false;
  let open = true;

  const followed = feeds.follow(tenantId, () => void pump());
  // A supervisor with a desktop connected is one a request for help can reach (assist).
  const offline = assist.online.connect(tenantId, grant.userId);

  function recheck(): Promise<void> {
    checking ??= (async () => {
      try {
        const now = await livePrincipal(db, grant, new Date(clock.now()));
        if (!now) {
          socket.send(JSON.stringify(ENDED));
          socket.close(4401, 'unauthenticated');
          stop();
          return;
        }
        principal = now;
        readable = readableBy(now);
      } catch {
        // The database did not answer: the caller stays as last checked until the next heartbeat asks again.
      } finally {
        checking = null;
      }
    })();
    return checking;
  }

  /** Sends what the log holds past `position`, in order; one pass at a time. */
  async function pump(): Promise<void> {
    if (position === null) return;
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        for (;;) {
          const entries = await followed.feed.after(position, PAGE);
          if (entries.length === 0 || !open) break;
          for (const entry of entries) {
            while (checking) await checking;
            if (!open) return;
            if (entry.kind === 'access') {
              const { userId } = entry.payload;
              if (userId === null || userId === grant.userId) await recheck();
              if (!open) return;
            } else if (readable(entry)) socket.send(wireOf(tenantId, entry));
            position = entry.position;
          }
        }
      } while (pumpAgain && open);
    } catch {
      // The log could not be read: the client reconnects and resumes from the last cursor it received.
      socket.close(1011, 'event log unavailable');
    } finally {
      pumping = false;
    }
  }

  async function begin(): Promise<void> {
    await followed.feed.ready;
    const bounds = await logBounds(db, tenantId);
    const latest = Math.max(bounds.latest, followed.feed.head);
    let start = latest;
    let resync = true;
    if (options.cursor !== undefined) {
      const asked = decodeCursor(tenantId, options.cursor, latest);
      if (asked >= bounds.resumableFrom) {
        start = asked;
        resync = false;
      }
    }
    if (!open) return;
    position = start;
    socket.send(
      JSON.stringify({
        type: 'hello',
        userId: principal.userId,
        role: principal.role,
        cursor: encodeCursor(tenantId, start),
        resync,
      }),
    );
    await pump();
  }

  let alive = true;
  socket.on('pong', () => {
    alive = true;
  });
  const stopHeartbeat = repeat(HEARTBEAT_MS, () => {
    if (!alive) socket.terminate();
    alive = false;
    socket.ping();
    void recheck();
  });
  const present = options.desktop && isAllowed(principal, 'contact.handle');
  if (present) acd.desktops.opened(tenantId, grant.userId);
  function stop() {
    if (!open) return;
    open = false;
    stopHeartbeat();
    followed.stop();
    offline();
    if (present) acd.desktops.closed(tenantId, grant.userId);
  }
  socket.on('close', stop);
  begin().catch((error) => {
    const typed = toSwitchboardError(error);
    socket.send(JSON.stringify({ type: 'error', error: { code: typed.code, message: typed.message } }));
    socket.close(typed.code === 'internal' ? 1011 : 4400, typed.code);
    stop();
  });
}
