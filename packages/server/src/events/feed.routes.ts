import { SwitchboardError } from '@switchboard/core';
import { Type } from 'typebox';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { defineRoute } from '../http/define-route.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { PAGE } from './event-feeds.ts';
import { logBounds, readEvents } from './event-log.ts';
import { presentEntry, readableBy } from './readable.ts';

/** Entries one request looks through at most, readable or not: a reader of few events still moves on. */
const SCAN = 5 * PAGE;

const Cursor = Type.String({
  maxLength: 40,
  description: 'A `cursor` exactly as an event or a page carried it.',
});

const FeedQuery = Type.Object(
  {
    after: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE, default: 100 })),
  },
  { additionalProperties: false },
);

const FeedPage = Type.Object({
  events: Type.Array(
    Type.Object(
      { type: Type.String(), at: Type.String({ format: 'date-time' }), cursor: Cursor },
      { additionalProperties: true },
    ),
  ),
  cursor: Type.String({ description: 'Pass as `after` to read on: the last entry this page looked at.' }),
  more: Type.Boolean({ description: 'The log already holds entries after `cursor`.' }),
});

/**
 * A page of the tenant's event log after `after` (from the oldest entry kept, without it), as the caller may
 * read it: the same events, fields and cursors as the event stream.
 */
export async function readFeed(db: Db, principal: Principal, query: { after?: string; limit?: number }) {
  const { tenantId } = principal;
  const bounds = await logBounds(db, tenantId);
  let position = bounds.resumableFrom;
  if (query.after !== undefined) {
    position = decodeCursor(tenantId, query.after, bounds.latest);
    if (position < bounds.resumableFrom)
      throw new SwitchboardError(
        'cursor_expired',
        'The events after this cursor are older than the log keeps: read the current state again, then follow the feed without `after`.',
      );
  }
  const limit = query.limit ?? 100;
  const readable = readableBy(principal);
  const events: ReturnType<typeof presentEntry>[] = [];
  let scanned = 0;
  while (events.length < limit && scanned < SCAN && position < bounds.latest) {
    const entries = await readEvents(db, tenantId, position, Math.min(PAGE, bounds.latest - position));
    if (entries.length === 0) break;
    for (const entry of entries) {
      if (events.length === limit) break;
      if (readable(entry)) events.push(presentEntry(tenantId, entry));
      position = entry.position;
      scanned++;
    }
  }
  return { events, cursor: encodeCursor(tenantId, position), more: position < bounds.latest };
}

export function feedRoutes(app: App, { db }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/events/feed',
    permission: 'signedIn',
    tags: ['events'],
    summary: "The tenant's event log from a cursor on, as the caller may read it (integrators' feed)",
    description:
      "Every router, chat, agent-state, notice and configuration event the caller may see, in the order they were committed, each with its cursor. Keep the page's `cursor` and pass it as `after` to resume without missing or repeating an event. A cursor older than the log keeps: 410 `cursor_expired`.",
    query: FeedQuery,
    response: { 200: FeedPage },
    handler: async (request) => readFeed(db, principalOf(request), request.query),
  });
}
