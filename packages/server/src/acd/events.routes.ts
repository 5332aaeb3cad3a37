import { type AcdEvent, isAllowed, SwitchboardError } from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import type { App, AppContext } from '../http/app-types.ts';
import { sendError, toSwitchboardError } from '../http/errors.ts';

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

/**
 * The desktop event stream: committed router events as JSON messages, and notices (team messages) for
 * the people they name. Browsers cannot set headers on a
 * WebSocket, so the access token (or API key) may come as `?token=`.
 */
export function eventRoutes(app: App, { auth, acd, notices }: AppContext): void {
  app.route({
    method: 'GET',
    url: '/events',
    config: { public: true },
    schema: { hide: true },
    // A plain HTTP request here gets told how to connect.
    handler: (request, reply) =>
      sendError(
        request,
        reply,
        new SwitchboardError(
          'upgrade_required',
          'This is a WebSocket endpoint: connect with an Upgrade request.',
        ),
      ),
    wsHandler: async (socket, request) => {
      const query = request.query as { token?: string };
      let principal: Principal;
      try {
        principal = await auth.authenticate(
          request.headers.authorization ?? (query.token ? `Bearer ${query.token}` : undefined),
        );
      } catch (error) {
        const typed = toSwitchboardError(error);
        socket.send(JSON.stringify({ type: 'error', error: { code: typed.code, message: typed.message } }));
        socket.close(4401, typed.code);
        return;
      }
      const visible = visibleTo(principal);
      const unsubscribe = acd.bus.subscribe(principal.tenantId, (events) => {
        for (const event of events) if (visible(event)) socket.send(wire(event));
      });
      const unsubscribeNotices = notices.subscribe(principal.tenantId, (batch) => {
        for (const notice of batch) {
          if (notice.userIds.has(principal.userId)) socket.send(JSON.stringify(notice.message));
        }
      });
      let alive = true;
      socket.on('pong', () => {
        alive = true;
      });
      const heartbeat = setInterval(() => {
        if (!alive) socket.terminate();
        alive = false;
        socket.ping();
      }, 30_000);
      heartbeat.unref();
      socket.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        unsubscribeNotices();
      });
      socket.send(JSON.stringify({ type: 'hello', userId: principal.userId, role: principal.role }));
    },
  });
}
