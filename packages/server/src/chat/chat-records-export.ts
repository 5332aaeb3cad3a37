import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import { authorize } from '@switchboard/core';
import { sql } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { toCsv } from '../http/csv.ts';
import {
  CHAT_RECORD_COLUMNS,
  type ChatRecord,
  type ChatRecordRange,
  chatRecordRows,
  presentChatRecord,
} from './chat-records.ts';

/**
 * Rows per page of an export. Each page is one short query, and the database's connection is free between
 * pages, so a router batch waits for at most one page (docs/operations.md, "Long work and routing").
 */
export const EXPORT_PAGE_ROWS = 100;

export interface ExportOptions {
  /** Stops the export between pages. */
  signal?: AbortSignal | undefined;
  /** Called after each page is handed on, with the rows so far. */
  onProgress?: ((progress: { rows: number }) => void) | undefined;
  pageRows?: number | undefined;
}

/**
 * The tenant's chats created in the range, oldest first, in pages of `pageRows`: each page is its own
 * query, continuing after the last row of the one before by (created_at, id) — keyset pagination, so a
 * page costs the same at the end of a long range as at its start, and rows written meanwhile neither
 * shift nor repeat the pages.
 */
export async function* chatRecordPages(
  db: Db,
  tenantId: string,
  range: ChatRecordRange,
  pageRows = EXPORT_PAGE_ROWS,
): AsyncGenerator<ChatRecord[]> {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    let select = chatRecordRows(db, tenantId, range);
    if (after) {
      select = select.where(
        sql<boolean>`(c.created_at, c.id) > (${after.at}::timestamptz, ${after.id}::uuid)`,
      );
    }
    const rows = await select.orderBy('c.created_at').orderBy('c.id').limit(pageRows).execute();
    if (rows.length > 0) yield rows.map(presentChatRecord);
    // The embedded database answers without waiting on I/O, so pages chained by promises alone would
    // keep requests that arrived meanwhile from ever being read: let them queue for the connection first.
    await nextTurnOfEventLoop();
    const last = rows.at(-1);
    if (!last || rows.length < pageRows) return;
    // The exact stored time (microseconds): a JavaScript Date would round it and skip or repeat rows.
    after = { at: last.created_at_exact, id: last.id };
  }
}

/**
 * The export as CSV text: the header, then one chunk per page, read only as fast as the consumer takes
 * them, so memory holds one page whatever the range. Checks the caller's permission at once.
 */
export function chatRecordsCsvChunks(
  db: Db,
  principal: Principal,
  range: ChatRecordRange,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  authorize(principal, 'contact.read');
  return csvChunks(db, principal.tenantId, range, options);
}

async function* csvChunks(
  db: Db,
  tenantId: string,
  range: ChatRecordRange,
  { signal, onProgress, pageRows }: ExportOptions,
): AsyncGenerator<string> {
  yield toCsv([], CHAT_RECORD_COLUMNS);
  let rows = 0;
  for await (const page of chatRecordPages(db, tenantId, range, pageRows)) {
    signal?.throwIfAborted();
    yield toCsv(page, CHAT_RECORD_COLUMNS, { header: false });
    rows += page.length;
    onProgress?.({ rows });
  }
}

/**
 * Writes the chats created in the range as CSV to `sink` (a file, a response, an archive entry), page by
 * page with the sink's backpressure, and ends it. Resolves with the number of rows once the sink has
 * taken everything; rejects (and destroys the sink) when `signal` aborts.
 */
export async function exportChatRecords(
  db: Db,
  principal: Principal,
  range: ChatRecordRange,
  sink: Writable,
  options: ExportOptions = {},
): Promise<{ rows: number }> {
  let rows = 0;
  const chunks = chatRecordsCsvChunks(db, principal, range, {
    ...options,
    onProgress: (progress) => {
      rows = progress.rows;
      options.onProgress?.(progress);
    },
  });
  await pipeline(Readable.from(chunks), sink, options.signal ? { signal: options.signal } : {});
  return { rows };
}
