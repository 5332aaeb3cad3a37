import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * Who may read an entry: `router` events by the reader's role (the event stream's filter), a `notice` only
 * the people it names, `config` changes administrators, and `access` changes nobody (open streams re-check
 * their caller when they pass one).
 */
export type LogKind = 'router' | 'notice' | 'config' | 'access';

export interface NewLogEntry {
  kind: LogKind;
  type: string;
  /** When it happened; null: the database's time of the transaction (as the audit log keeps it). */
  at: Date | null;
  userIds: readonly string[] | null;
  payload: Record<string, unknown>;
}

export interface LogEntry extends NewLogEntry {
  position: number;
  at: Date;
}

const COLUMNS_PER_ENTRY = 6;
/** Bind parameters of one append of `count` entries. */
export const appendParameters = (count: number) => count * COLUMNS_PER_ENTRY + 2;

/**
 * The two common table expressions that append `entries` to the tenant's log in one statement: `<name>_cursor`
 * takes the next positions (and holds the tenant's counter row until commit, which orders writers), `<name>`
 * inserts the entries at them. One statement may hold only one such pair.
 */
export function appendCtes(
  tenantId: string,
  entries: readonly NewLogEntry[],
  name: string,
): [string, RawBuilder<unknown>][] {
  const count = entries.length;
  const cursor = `${name}_cursor`;
  const values = sql.join(
    entries.map(
      (e, i) =>
        sql`(${i + 1}::int, ${e.at}::timestamptz, ${e.kind}::text, ${e.type}::text, ${e.userIds ? [...e.userIds] : null}::uuid[], ${JSON.stringify(e.payload)}::jsonb)`,
    ),
  );
  return [
    [
      cursor,
      sql`insert into event_cursors (tenant_id, last) values (${tenantId}, ${count})
          on conflict (tenant_id) do update set last = event_cursors.last + excluded.last
          returning last`,
    ],
    [
      name,
      sql`insert into event_log (tenant_id, cursor, at, kind, type, user_ids, payload)
          select ${tenantId}::uuid, c.last - ${count} + v.i, coalesce(v.at, now()), v.kind, v.type, v.user_ids, v.payload
          from ${sql.table(cursor)} c, (values ${values}) as v (i, at, kind, type, user_ids, payload)`,
    ],
  ];
}

/** Appends entries to the tenant's log; returns the position of the last one (in the caller's transaction). */
export async function appendEvents(
  db: Db,
  tenantId: string,
  entries: readonly NewLogEntry[],
): Promise<number> {
  if (entries.length === 0) throw new Error('nothing to append');
  const [[cursorName, allocate], [logName, insert]] = appendCtes(tenantId, entries, 'appended') as [
    [string, RawBuilder<unknown>],
    [string, RawBuilder<unknown>],
  ];
  const { rows } = await sql<{ last: string }>`
    with ${sql.ref(cursorName)} as (${allocate}), ${sql.ref(logName)} as (${insert})
    select last from ${sql.table(cursorName)}`.execute(db);
  return Number(rows[0]?.last);
}

/** The entries after `position`, oldest first, at most `limit`. */
export async function readEvents(
  db: Db,
  tenantId: string,
  position: number,
  limit: number,
): Promise<LogEntry[]> {
  const rows = await db
    .selectFrom('event_log')
    .select(['cursor', 'at', 'kind', 'type', 'user_ids', 'payload'])
    .where('tenant_id', '=', tenantId)
    .where('cursor', '>', String(position))
    .orderBy('cursor')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    position: Number(row.cursor),
    at: row.at,
    kind: row.kind as LogKind,
    type: row.type,
    userIds: row.user_ids,
    payload: row.payload,
  }));
}

/** The tenant's last committed position (0 before its first event). */
export async function latestPosition(db: Db, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('event_cursors')
    .select('last')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row ? Number(row.last) : 0;
}

/**
 * The log's bounds for a reader: its last position, and the earliest position a reader may resume after
 * (anything earlier was purged by retention).
 */
export async function logBounds(
  db: Db,
  tenantId: string,
): Promise<{ latest: number; resumableFrom: number }> {
  const latest = await latestPosition(db, tenantId);
  const oldest = await db
    .selectFrom('event_log')
    .select((eb) => eb.fn.min('cursor').as('first'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  const first = oldest?.first == null ? latest + 1 : Number(oldest.first);
  return { latest, resumableFrom: first - 1 };
}

/**
 * Deletes up to `batch` of the tenant's oldest entries written before `before`, always a prefix of its log (so
 * a reader's resume point stays well defined); returns how many went.
 */
export async function purgeEvents(db: Db, tenantId: string, before: Date, batch: number): Promise<number> {
  const bounds = await db
    .selectFrom('event_log')
    .select((eb) => [eb.fn.min('cursor').as('first'), eb.fn.max('cursor').as('last')])
    .where('tenant_id', '=', tenantId)
    .where('at', '<', before)
    .executeTakeFirst();
  if (bounds?.first == null || bounds.last == null) return 0;
  const upTo = Math.min(Number(bounds.last), Number(bounds.first) + batch - 1);
  const result = await db
    .deleteFrom('event_log')
    .where('tenant_id', '=', tenantId)
    .where('cursor', '<=', String(upTo))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
