import type { WebSocket } from '@fastify/websocket';
import { type AcdEvent, isAllowed } from '@switchboard/core';
import { type Grant, livePrincipal } from '../auth/grant.ts';
import type { Principal } from '../auth/principal.ts';
import type { AppContext } from '../http/app-types.ts';

/** Pings, and asks the database again who the caller is, this often: changes made on other nodes count too. */
export const HEARTBEAT_MS = 30_000;

/**
 * Supervisors and readers see every event of the tenant; an agent sees what concerns them: their own, and in
 * a group chat what happens to the invitation they sent or to the chat they own.
 */
function visibleTo(principal: Principal): (event: AcdEvent) => boolean {
  if (isAllowed(principal, 'contact.read') || isAllowed(principal, 'agentState.read')) return () => true;
  const me = principal.userId;
  return (event) =>
    ('agentId' in event && event.agentId === me) ||
    ('inviterId' in event && event.inviterId === me) ||
    ('ownerId' in event && event.ownerId === me);
}

const wire = (event: AcdEvent) => JSON.stringify({ ...event, at: new Date(event.at).toISOString() });

const ENDED = {
  type: 'error',
  error: {
    code: 'unauthenticated',
    message: 'Your access has ended (signed out, deactivated or the key revoked): sign in again.',
  },
};

/**
 * One open event stream. What it sends is decided by the caller's current role: on an access change for
 * them (and at every heartbeat) it reads the caller again, closes with 4401 if their session, account or key
 * has ended, and otherwise filters by their role now. Events that arrive while that check runs wait for its
 * outcome, so nothing published after a change is sent under the old rights.
 */
export function serveEventSocket(
  { db, clock, acd, notices, access, repeat, assist }: AppContext,
  socket: WebSocket,
  caller: { principal: Principal; grant: Grant },
  desktop = false,
): void {
  const { grant } = caller;
  let principal = caller.principal;
  let visible = visibleTo(principal);
  let held: (() => void)[] | null = null;
  let checkAgain = false;
  let open = true;

  const deliver = (send: () => void) => (held ? held.push(send) : send());
  const unsubscribe = [
    acd.bus.subscribe(grant.tenantId, (events) =>
      deliver(() => {
        for (const event of events) if (visible(event)) socket.send(wire(event));
      }),
    ),
    notices.subscribe(grant.tenantId, (batch) =>
      deliver(() => {
        for (const notice of batch)
          if (notice.userIds.has(principal.userId)) socket.send(JSON.stringify(notice.message));
      }),
    ),
    access.subscribe(grant.tenantId, (changes) => {
      if (changes.some((change) => change.userId === null || change.userId === grant.userId)) void recheck();
    }),
    // A supervisor with a desktop connected is one a request for help can reach (assist).
    assist.online.connect(grant.tenantId, grant.userId),
  ];

  async function recheck(): Promise<void> {
    if (held) {
      checkAgain = true;
      return;
    }
    held = [];
    try {
      do {
        checkAgain = false;
        const now = await livePrincipal(db, grant, new Date(clock.now()));
        if (!now) {
          socket.send(JSON.stringify(ENDED));
          socket.close(4401, 'unauthenticated');
          stop();
          return;
        }
        principal = now;
        visible = visibleTo(now);
      } while (checkAgain && open);
    } catch {
      // The database did not answer: the caller stays as last checked until the next heartbeat asks again.
    } finally {
      const waiting = held ?? [];
      held = null;
      if (open) for (const send of waiting) send();
    }
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
  // The agent's desktop (not an API client): while none of their desktops is open they are not really there.
  const present = desktop && isAllowed(principal, 'contact.handle');
  if (present) acd.desktops.opened(grant.tenantId, grant.userId);
  function stop() {
    if (!open) return;
    open = false;
    stopHeartbeat();
    for (const off of unsubscribe) off();
    if (present) acd.desktops.closed(grant.tenantId, grant.userId);
  }
  socket.on('close', stop);
  socket.send(JSON.stringify({ type: 'hello', userId: principal.userId, role: principal.role }));
}
