import { SwitchboardError } from '@switchboard/core';
import type { FastifyRequest } from 'fastify';
import { type Grant, grantOf, livePrincipal } from '../auth/grant.ts';
import type { Principal } from '../auth/principal.ts';
import { issueTicket, redeemEventTicket, StreamTicket, tokenInUrl } from '../auth/stream-tickets.ts';
import { type App, type AppContext, principalOf } from '../http/app-types.ts';

import { defineRoute } from '../http/define-route.ts';
import { sendError, toSwitchboardError } from '../http/errors.ts';
import { serveEventSocket } from './event-socket.ts';

const TICKETS = '/api/v1/events/tickets';

/** Who opens an event socket: an Authorization header (clients that can set one), or a ticket. */
async function socketCaller(
  context: AppContext,
  request: FastifyRequest,
): Promise<{ principal: Principal; grant: Grant }> {
  const query = request.query as { token?: string; ticket?: string };
  if (query.token !== undefined) throw tokenInUrl(TICKETS);
  const header = request.headers.authorization;
  if (header) {
    const principal = await context.auth.authenticate(header);
    return { principal, grant: grantOf(principal, header) };
  }
  if (!query.ticket)
    throw new SwitchboardError(
      'unauthenticated',
      `Connect with ?ticket= from POST ${TICKETS}, or send Authorization: Bearer <token>.`,
    );
  const grant = await redeemEventTicket(context.db, context.clock, query.ticket);
  const principal = await livePrincipal(context.db, grant, new Date(context.clock.now()));
  if (!principal) throw new SwitchboardError('unauthenticated', 'The session has ended: sign in again.');
  return { principal, grant };
}

/**
 * The desktop event stream: committed router events as JSON messages, and notices (team messages) for the
 * people they name. Browsers cannot set headers on a WebSocket, so they first trade their token for a
 * one-use ticket (`POST /events/tickets`) and connect with `?ticket=`. The agent desktop adds `&client=desktop`:
 * an agent all of whose desktop streams have closed is put Not Ready after the tenant's grace period.
 */
export function eventRoutes(app: App, context: AppContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/events/tickets',
    permission: 'signedIn',
    tags: ['events'],
    summary: 'A one-use ticket to open the event stream (WebSocket /api/v1/events?ticket=…) within 30 s',
    response: { 201: StreamTicket },
    handler: async (request, reply) => {
      const grant = grantOf(principalOf(request), request.headers.authorization);
      return reply.status(201).send(await issueTicket(context.db, context.clock, grant));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/events',
    // The socket checks its caller itself: a one-use ticket, or the Authorization header.
    permission: 'public',
    summary: 'The event stream (WebSocket)',
    hide: true,
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
      let caller: { principal: Principal; grant: Grant };
      try {
        caller = await socketCaller(context, request);
      } catch (error) {
        const typed = toSwitchboardError(error);
        socket.send(JSON.stringify({ type: 'error', error: { code: typed.code, message: typed.message } }));
        socket.close(4401, typed.code);
        return;
      }
      const { client, cursor } = request.query as { client?: string; cursor?: string };
      serveEventSocket(context, socket, caller, { desktop: client === 'desktop', cursor });
    },
  });
}
