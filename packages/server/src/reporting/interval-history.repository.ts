import type { IntervalMinutes, IntervalRow } from '@switchboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** Rows per insert statement: 13 parameters each stays far below PostgreSQL's 65,535. */
const BATCH = 1000;

export interface IntervalImportRecord {
  id: string;
  userId: string | null;
  fileName: string;
  minutes: IntervalMinutes;
  rows: number;
  inserted: number;
  replaced: number;
  createdAt: Date;
}

export interface StoredIntervalRow extends IntervalRow {
  minutes: IntervalMinutes;
}

export interface IntervalHistoryQuery {
  from: Date;
  to: Date;
  queue?: string | undefined;
  limit: number;
}

/** Every query of interval history and its imports, each for one tenant. */
export const intervalHistoryRepository = {
  /**
   * Writes the rows of one import (call inside a transaction): a row whose (queue, start, size) is stored
   * already replaces it. Returns how many were new.
   */
  async upsert(
    db: Db,
    tenantId: string,
    importId: string,
    minutes: IntervalMinutes,
    rows: readonly IntervalRow[],
    now: Date,
    progress?: (done: number, total: number) => void,
  ): Promise<{ inserted: number; replaced: number }> {
    let inserted = 0;
    for (let at = 0; at < rows.length; at += BATCH) {
      const written = await db
        .insertInto('interval_history')
        .values(
          rows.slice(at, at + BATCH).map((row) => ({
            tenant_id: tenantId,
            queue: row.queue,
            interval_start: new Date(row.intervalStart),
            interval_minutes: minutes,
            offered: row.offered,
            answered: row.answered,
            abandoned: row.abandoned,
            handle_seconds_avg: row.ahtSeconds,
            asa_seconds: row.asaSeconds,
            service_level: row.serviceLevel,
            import_id: importId,
            imported_at: now,
          })),
        )
        .onConflict((conflict) =>
          conflict
            .columns(['tenant_id', 'queue', 'interval_start', 'interval_minutes'])
            .doUpdateSet((eb) => ({
              offered: eb.ref('excluded.offered'),
              answered: eb.ref('excluded.answered'),
              abandoned: eb.ref('excluded.abandoned'),
              handle_seconds_avg: eb.ref('excluded.handle_seconds_avg'),
              asa_seconds: eb.ref('excluded.asa_seconds'),
              service_level: eb.ref('excluded.service_level'),
              import_id: eb.ref('excluded.import_id'),
              imported_at: eb.ref('excluded.imported_at'),
            })),
        )
        // A row a statement inserts has no deleting transaction (xmax 0); one it updates has ours.
        .returning(sql<boolean>`xmax = 0`.as('inserted'))
        .execute();
      inserted += written.filter((row) => row.inserted).length;
      progress?.(Math.min(at + BATCH, rows.length), rows.length);
    }
    return { inserted, replaced: rows.length - inserted };
  },

  async insertImport(db: Db, tenantId: string, record: IntervalImportRecord): Promise<void> {
    await db
      .insertInto('interval_imports')
      .values({
        tenant_id: tenantId,
        id: record.id,
        user_id: record.userId,
        file_name: record.fileName,
        interval_minutes: record.minutes,
        rows: record.rows,
        inserted: record.inserted,
        replaced: record.replaced,
        created_at: record.createdAt,
      })
      .execute();
  },

  async setImportCounts(
    db: Db,
    tenantId: string,
    id: string,
    counts: { inserted: number; replaced: number },
  ) {
    await db
      .updateTable('interval_imports')
      .set(counts)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
  },

  async recentImports(db: Db, tenantId: string, limit: number): Promise<IntervalImportRecord[]> {
    const rows = await db
      .selectFrom('interval_imports')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      fileName: row.file_name,
      minutes: row.interval_minutes as IntervalMinutes,
      rows: row.rows,
      inserted: row.inserted,
      replaced: row.replaced,
      createdAt: row.created_at,
    }));
  },

  /** Rows starting in [from, to), by start then queue; at most `limit`. */
  async history(db: Db, tenantId: string, query: IntervalHistoryQuery): Promise<StoredIntervalRow[]> {
    let select = db
      .selectFrom('interval_history')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('interval_start', '>=', query.from)
      .where('interval_start', '<', query.to);
    if (query.queue !== undefined) select = select.where('queue', '=', query.queue);
    const rows = await select
      .orderBy('interval_start')
      .orderBy('queue')
      .orderBy('interval_minutes')
      .limit(query.limit)
      .execute();
    return rows.map((row) => ({
      queue: row.queue,
      intervalStart: new Date(row.interval_start).getTime(),
      minutes: row.interval_minutes as IntervalMinutes,
      offered: row.offered,
      answered: row.answered,
      abandoned: row.abandoned,
      ahtSeconds: row.handle_seconds_avg ?? 0,
      asaSeconds: row.asa_seconds,
      serviceLevel: row.service_level,
    }));
  },
};
