import { Type } from 'typebox';
import { grantOf } from '../auth/grant.ts';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { defineRoute } from '../http/define-route.ts';
import { type OpenStreams, serveSse } from './sse-stream.ts';

const TYPE_PREFIXES = 20;

const SseQuery = Type.Object(
  {
    after: Type.Optional(
      Type.String({
        maxLength: 40,
        description:
          'Resume after this cursor (an event’s `id`). A `Last-Event-ID` header, which EventSource sends when it reconnects, wins over it.',
      }),
    ),
    types: Type.Optional(
      Type.String({
        maxLength: 500,
        pattern: `^[A-Za-z0-9_.]+(,[A-Za-z0-9_.]+){0,${TYPE_PREFIXES - 1}}$`,
        description: `Only events whose type starts with one of these comma-separated prefixes (at most ${TYPE_PREFIXES}), e.g. \`agent.state_changed,contact.\`.`,
      }),
    ),
  },
  { additionalProperties: false },
);

const SseHeaders = Type.Object({
  'last-event-id': Type.Optional(
    Type.String({
      maxLength: 40,
      description: 'The last `id` received: resume after it (EventSource sends it when it reconnects).',
    }),
  ),
});

const EXAMPLE = [
  'id: 3f2a9c1e.1041',
  '',
  'id: 3f2a9c1e.1042',
  'event: agent.state_changed',
  'data: {"type":"agent.state_changed","agentId":"0b6f…","domain":"voice","state":"ready","previous":"not_ready","reasonCode":null,"cause":null,"externalState":"READY","at":"2025-03-04T09:15:02.120Z","cursor":"3f2a9c1e.1042"}',
  '',
  ': keep-alive',
  '',
  '',
].join('\n');

const SseStream = Type.Unsafe<string>({
  description:
    'The stream: an id-only block with the cursor it starts after, then each event as `id:`/`event:`/`data:`, and `: keep-alive` comments.',
  content: { 'text/event-stream': { schema: { type: 'string' }, example: EXAMPLE } },
});

/** Server-Sent Events on the tenant's event log: what the WebSocket sends, for clients that speak plain HTTP. */
export function sseRoutes(app: App, context: AppContext): void {
  const streams: OpenStreams = new Set();
  // Open streams would hold the server's close: end them first (their clients reconnect elsewhere).
  app.addHook('preClose', async () => {
    for (const end of streams) end();
  });
  defineRoute(app, {
    method: 'GET',
    url: '/events/sse',
    permission: 'signedIn',
    tags: ['events'],
    summary: "The tenant's event log as Server-Sent Events (text/event-stream), as the caller may read it",
    description: [
      'The same events, JSON and cursors as `GET /events/feed` and the WebSocket, pushed as they are committed: each as `id: <cursor>`, `event: <type>`, `data: <JSON>`.',
      'Without a cursor the stream begins at the end of the log (read the current state first); it opens with an id-only block naming that position.',
      'Reconnect with `Last-Event-ID: <last id>` (EventSource does it for you) or `?after=<cursor>` to get exactly what was missed.',
      'A cursor that is malformed, another tenant’s, ahead of the log (400/409) or older than the log keeps (410 `cursor_expired`) is refused as JSON before the stream begins.',
      'A `: keep-alive` comment comes every 30 s; when the caller’s access ends (key revoked, signed out) a `stream.ended` event closes the stream.',
    ].join(' '),
    query: SseQuery,
    headers: SseHeaders,
    response: { 200: SseStream },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const header = request.headers['last-event-id'];
      const lastEventId = typeof header === 'string' ? header : undefined;
      const { after, types } = request.query;
      await serveSse(
        context,
        reply,
        { principal, grant: grantOf(principal, request.headers.authorization) },
        { cursor: lastEventId || after, types: types ? types.split(',') : [] },
        streams,
      );
    },
  });
}
