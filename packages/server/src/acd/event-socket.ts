import type { WebSocket } from '@fastify/websocket';
import { isAllowed } from '@switchboard/core';
import type { Grant } from '../auth/grant.ts';
import type { Principal } from '../auth/principal.ts';
import { decodeCursor, encodeCursor } from '../events/cursor.ts';
import { logBounds } from '../events/event-log.ts';
import { HEARTBEAT_MS, LogPump } from '../events/log-pump.ts';
import { wireOf } from '../events/readable.ts';
import type { AppContext } from '../http/app-types.ts';
import { toSwitchboardError } from '../http/errors.ts';

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
  context: AppContext,
  socket: WebSocket,
  caller: { principal: Principal; grant: Grant },
  options: StreamOptions,
): void {
  const { db, acd, repeat, assist } = context;
  const { grant, principal } = caller;
  const { tenantId } = grant;

  const pump = new LogPump(context, caller, {
    send: (entry) => socket.send(wireOf(tenantId, entry)),
    accessEnded: () => {
      socket.send(JSON.stringify(ENDED));
      socket.close(4401, 'unauthenticated');
      stop();
    },
    // The log could not be read: the client reconnects and resumes from the last cursor it received.
    failed: () => socket.close(1011, 'event log unavailable'),
  });
  // A supervisor with a desktop connected is one a request for help can reach (assist).
  const offline = assist.online.connect(tenantId, grant.userId);

  async function begin(): Promise<void> {
    await pump.feed.ready;
    const bounds = await logBounds(db, tenantId);
    const latest = Math.max(bounds.latest, pump.feed.head);
    let start = latest;
    let resync = true;
    if (options.cursor !== undefined) {
      const asked = decodeCursor(tenantId, options.cursor, latest);
      if (asked >= bounds.resumableFrom) {
        start = asked;
        resync = false;
      }
    }
    if (!pump.open) return;
    socket.send(
      JSON.stringify({
        type: 'hello',
        userId: pump.principal.userId,
        role: pump.principal.role,
        cursor: encodeCursor(tenantId, start),
        resync,
      }),
    );
    await pump.start(start);
  }

  let alive = true;
  socket.on('pong', () => {
    alive = true;
  });
  const stopHeartbeat = repeat(HEARTBEAT_MS, () => {
    if (!alive) socket.terminate();
    alive = false;
    socket.ping();
    void pump.recheck();
  });
  const present = options.desktop && isAllowed(principal, 'contact.handle');
  if (present) acd.desktops.opened(tenantId, grant.userId);
  let open = true;
  function stop() {
    if (!open) return;
    open = false;
    stopHeartbeat();
    pump.stop();
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
