import { type RetentionKind, type RetentionSettings, retentionCutoffs } from '@switchboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import {
  DAY_BLOCK_MS,
  INTERVAL_TABLES,
  lockCapture,
  raiseGenerationsBetween,
} from './interval-tables.repository.ts';

/** A table a kind of retention purges: the column its rows' age is read from, and whether rows belong to a contact. */
interface PurgedTable {
  table: string;
  at: string;
  /** Rows of a contact still open are kept whatever their age. */
  ofContact: boolean;
}

/** What each retention setting deletes (docs/reporting.md, "Retention"). Every table has an index on (tenant_id, at). */
export const RETAINED_TABLES: Record<RetentionKind, readonly PurgedTable[]> = {
  contactEventsDays: [
    { table: 'contact_events', at: 'at', ofContact: true },
    { table: 'agent_state_trace', at: 'at', ofContact: false },
  ],
  detailRecordsDays: [
    { table: 'contact_legs', at: 'entered_at', ofContact: true },
    { table: 'agent_segments', at: 'offered_at', ofContact: true },
  ],
  intervalDays: [
    ...[
      'csq_intervals',
      'call_type_intervals',
      'agent_intervals',
      'agent_csq_intervals',
      'agent_reason_intervals',
      'interval_history',
      'interval_hashes',
    ].map((table) => ({ table, at: 'interval_start', ofContact: false })),
  ],
  transcriptsDays: [
    { table: 'chat_messages', at: 'at', ofContact: true },
    { table: 'chat_whispers', at: 'at', ofContact: true },
    { table: 'contact_notes', at: 'created_at', ofContact: true },
  ],
};

/** Rows deleted per statement: each is a short transaction, so the routers' writes never wait long behind one. */
export const RETENTION_CHUNK = 5000;

/**
 * Deletes at most `limit` of the tenant's rows of `target` older than `before` (none of an open contact), and
 * says how many went. Rows are picked by their physical address, so the delete is one index range read and one
 * fetch per row on both backends, whatever the table's key.
 */
export async function purgeChunk(
  db: Db,
  tenantId: string,
  target: PurgedTable,
  before: Date,
  limit: number,
): Promise<number> {
  const table = sql.table(target.table);
  const openContact = target.ofContact
    ? sql`and not exists (select 1 from contacts c where c.tenant_id = r.tenant_id and c.id = r.contact_id and c.status <> 'ended')`
    : sql``;
  const statement = (keep = sql``) => sql`
    delete from ${table} where ctid = any(array(
      select r.ctid from ${table} r
      where r.tenant_id = ${tenantId} and r.${sql.ref(target.at)} < ${before} ${openContact} ${keep}
      limit ${limit}))`;
  if (target.table !== 'interval_hashes') return Number((await statement().execute(db)).numAffectedRows ?? 0);
  // A capture writes an interval's rows and hash together, and deletes nothing of a table without a hash in its
  // span: a hash goes only once its rows have, and never while a capture is writing (its lock).
  const rowsLeft = INTERVAL_TABLES.map(
    (name) => sql`(r.table_name = ${name} and exists (select 1 from ${sql.table(name)} i
      where i.tenant_id = r.tenant_id and i.interval_start = r.interval_start))`,
  );
  const stillCounted = sql`and not (${sql.join(rowsLeft, sql` or `)})`;
  return db.transaction().execute(async (trx) => {
    await lockCapture(trx, tenantId);
    return Number((await statement(stillCounted).execute(trx)).numAffectedRows ?? 0);
  });
}

async function oldestRow(db: Db, tenantId: string, target: PurgedTable): Promise<Date | null> {
  const { rows } = await sql<{ at: Date | null }>`select min(${sql.ref(target.at)}) as at
    from ${sql.table(target.table)} where tenant_id = ${tenantId}`.execute(db);
  return rows[0]?.at ?? null;
}

export type PurgeCounts = Record<string, number>;

/**
 * Deletes every row of the tenant older than its retention for that kind of data, a chunk per statement, and
 * returns how many rows went per table. Idempotent: a second run at the same moment deletes nothing.
 */
export async function purgeRetained(
  db: Db,
  tenantId: string,
  retention: RetentionSettings,
  nowMs: number,
  chunk = RETENTION_CHUNK,
): Promise<PurgeCounts> {
  const cutoffs = retentionCutoffs(retention, nowMs);
  const counts: PurgeCounts = {};
  for (const [kind, targets] of Object.entries(RETAINED_TABLES) as [RetentionKind, PurgedTable[]][])
    for (const target of targets) {
      const oldest = kind === 'intervalDays' ? await oldestRow(db, tenantId, target) : null;
      let total = 0;
      for (let deleted = chunk; deleted === chunk; total += deleted)
        deleted = await purgeChunk(db, tenantId, target, cutoffs[kind], chunk);
      counts[target.table] = total;
      // Readers that kept the purged days' interval rows read them again.
      if (oldest !== null && total > 0)
        await raiseGenerationsBetween(
          db,
          tenantId,
          target.table,
          Math.floor(oldest.getTime() / DAY_BLOCK_MS),
          Math.floor(cutoffs[kind].getTime() / DAY_BLOCK_MS),
        );
    }
  return counts;
}
