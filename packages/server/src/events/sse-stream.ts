import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { SwitchboardError } from '@switchboard/core';
import type { FastifyReply } from 'fastify';
import type { Grant } from '../auth/grant.ts';
import type { Principal } from '../auth/principal.ts';
import type { AppContext } from '../http/app-types.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { type LogEntry, logBounds } from './event-log.ts';
import { HEARTBEAT_MS, LogPump } from './log-pump.ts';
import { wireOf } from './readable.ts';

/** What the client asked for: where to resume, and which event types (prefixes) it wants. */
export interface SseOptions {
  /** `Last-Event-ID` when the client sent one (a reconnect), else `?after=`. */
  cursor: string | undefined;
  /** Type prefixes (`contact.` or `agent.state_changed`); none: every event the caller may read. */
  types: readonly string[];
}

/** The streams open in this process: each entry ends one (when the server shuts down). */
export type OpenStreams = Set<() => void>;

const ENDED = {
  type: 'stream.ended',
  error: {
    code: 'unauthenticated',
    message: 'Your access has ended (signed out, deactivated or the key revoked): sign in again.',
  },
};

/** A block that only moves the client's last event id on: EventSource dispatches nothing for it. */
const idOnly = (tenantId: string, position: number) => `id: ${encodeCursor(tenantId, position)}\n\n`;

/** Resolves when the response can take more, or has closed. */
const drained = (response: ServerResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });

/**
 * The first position the stream sends after: the cursor's, or the log's end without one. A cursor that is
 * malformed, another tenant's, ahead of the log or older than it keeps is refused here, before the stream
 * begins, as the feed refuses it.
 */
async function startingPosition(context: AppContext, pump: LogPump, tenantId: string, cursor?: string) {
  await pump.feed.ready;
  const bounds = await logBounds(context.db, tenantId);
  const latest = Math.max(bounds.latest, pump.feed.head);
  if (cursor === undefined) return latest;
  const position = decodeCursor(tenantId, cursor, latest);
  if (position < bounds.resumableFrom)
    throw new SwitchboardError(
      'cursor_expired',
      'The events after this cursor are older than the log keeps: read the current state again, then open the stream without a cursor.',
    );
  return position;
}

/**
 * Serves the tenant's event log as Server-Sent Events on the same pump as the WebSocket: each readable entry
 * as `id: <cursor>`, `event: <type>`, `data: <the feed's JSON>`; a `: keep-alive` comment at each heartbeat
 * (with an id-only block when entries the client does not read moved its position on). A client that stops
 * reading is held back (the pump waits for the socket to drain) and cut off when it has not drained by the
 * next heartbeat. Throws the cursor's refusal before anything is written.
 */
export async function serveSse(
  context: AppContext,
  reply: FastifyReply,
  caller: { principal: Principal; grant: Grant },
  options: SseOptions,
  streams: OpenStreams,
): Promise<void> {
  const { tenantId } = caller.grant;
  const response = reply.raw;
  let lastId = -1;
  const frame = (entry: LogEntry) =>
    `id: ${encodeCursor(tenantId, entry.position)}\nevent: ${entry.type}\ndata: ${wireOf(tenantId, entry)}\n\n`;
  const { types } = options;
  const wanted = (entry: LogEntry) => types.length === 0 || types.some((t) => entry.type.startsWith(t));
  const pump = new LogPump(
    context,
    caller,
    {
      send: (entry) => {
        lastId = entry.position;
        return response.write(frame(entry)) ? undefined : drained(response);
      },
      accessEnded: () => {
        response.end(`event: ${ENDED.type}\ndata: ${JSON.stringify(ENDED)}\n\n`);
      },
      // The log could not be read: the client reconnects with its last event id.
      failed: () => response.destroy(),
    },
    wanted,
  );
  let start: number;
  try {
    start = await startingPosition(context, pump, tenantId, options.cursor);
  } catch (error) {
    pump.stop();
    throw error;
  }

  reply.hijack();
  response.writeHead(200, {
    ...(reply.getHeaders() as OutgoingHttpHeaders),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    // Proxies that buffer responses (nginx) would hold the events back.
    'x-accel-buffering': 'no',
  });
  // The heartbeats keep the connection busy, and a stream may be quiet longer than the server's idle timeout.
  response.socket?.setTimeout(0);
  response.write(idOnly(tenantId, start));
  lastId = start;

  let stalled = false;
  const stopHeartbeat = context.repeat(HEARTBEAT_MS, () => {
    if (stalled && response.writableNeedDrain) {
      response.destroy();
      return;
    }
    stalled = response.writableNeedDrain;
    void pump.recheck();
    if (stalled) return;
    const position = pump.position;
    const moved = position !== null && position > lastId;
    response.write(moved ? `: keep-alive\n${idOnly(tenantId, position)}` : ': keep-alive\n\n');
    if (moved) lastId = position;
  });
  const end = () => response.end();
  streams.add(end);
  response.once('close', () => {
    streams.delete(end);
    stopHeartbeat();
    pump.stop();
  });
  // The client may have gone while the start was read: then 'close' has passed already.
  if (response.destroyed || !response.socket || response.socket.destroyed) {
    streams.delete(end);
    stopHeartbeat();
    pump.stop();
    return;
  }
  void pump.start(start);
}
