import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ChatRecordExportsTable, ExportStatus } from '../db/schema.ts';

export type ChatRecordExportRow = Selectable<ChatRecordExportsTable>;

/** Statuses of an export whose job has yet to finish: they count against the tenant's cap. */
export const PENDING: ExportStatus[] = ['queued', 'running'];

/** Every query of chat record exports and their parts, each for one tenant. */
export const exportsRepository = {
  find(db: Db, tenantId: string, id: string): Promise<ChatRecordExportRow | undefined> {
    return db
      .selectFrom('chat_record_exports')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  recent(db: Db, tenantId: string, limit: number): Promise<ChatRecordExportRow[]> {
    return db
      .selectFrom('chat_record_exports')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  pending(db: Db, tenantId: string): Promise<ChatRecordExportRow[]> {
    return db
      .selectFrom('chat_record_exports')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('status', 'in', PENDING)
      .execute();
  },

  async countPending(db: Db, tenantId: string): Promise<number> {
    const { count } = await db
      .selectFrom('chat_record_exports')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('tenant_id', '=', tenantId)
      .where('status', 'in', PENDING)
      .executeTakeFirstOrThrow();
    return Number(count);
  },

  async insert(
    db: Db,
    row: Pick<ChatRecordExportRow, 'tenant_id' | 'id' | 'requested_by' | 'from_at' | 'to_at' | 'csq_id'> & {
      created_at: Date;
    },
  ): Promise<void> {
    await db.insertInto('chat_record_exports').values(row).execute();
  },

  async setJob(db: Db, tenantId: string, id: string, jobId: string): Promise<void> {
    await db
      .updateTable('chat_record_exports')
      .set({ job_id: jobId })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
  },

  async start(db: Db, tenantId: string, id: string): Promise<void> {
    await db
      .updateTable('chat_record_exports')
      .set({ status: 'running', rows: 0, error: null, finished_at: null })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
  },

  async complete(db: Db, tenantId: string, id: string, rows: number, at: Date): Promise<void> {
    await db
      .updateTable('chat_record_exports')
      .set({ status: 'completed', rows, error: null, finished_at: at })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
  },

  /** Marks it failed; `onlyPending` leaves one that finished meanwhile as it is. */
  async fail(db: Db, tenantId: string, id: string, error: string, at: Date, onlyPending = false) {
    let update = db
      .updateTable('chat_record_exports')
      .set({ status: 'failed', error, finished_at: at })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id);
    if (onlyPending) update = update.where('status', 'in', PENDING);
    await update.execute();
  },

  async deleteParts(db: Db, tenantId: string, id: string): Promise<void> {
    await db
      .deleteFrom('chat_record_export_parts')
      .where('tenant_id', '=', tenantId)
      .where('export_id', '=', id)
      .execute();
  },

  async insertPart(db: Db, tenantId: string, id: string, seq: number, body: string): Promise<void> {
    await db
      .insertInto('chat_record_export_parts')
      .values({ tenant_id: tenantId, export_id: id, seq, body })
      .execute();
  },

  /** The parts in order, one query each, so a large file never sits in memory or holds the database. */
  async *parts(db: Db, tenantId: string, id: string): AsyncGenerator<string> {
    for (let seq = 0; ; seq++) {
      const part = await db
        .selectFrom('chat_record_export_parts')
        .select('body')
        .where('tenant_id', '=', tenantId)
        .where('export_id', '=', id)
        .where('seq', '=', seq)
        .executeTakeFirst();
      if (!part) return;
      yield part.body;
    }
  },

  /** Deletes one export finished before `before` (its parts go with it); false when none is left. */
  async purgeOneFinishedBefore(db: Db, before: Date): Promise<boolean> {
    const old = await db
      .selectFrom('chat_record_exports')
      .select(['tenant_id', 'id'])
      .where('finished_at', '<', before)
      .limit(1)
      .executeTakeFirst();
    if (!old) return false;
    await db
      .deleteFrom('chat_record_exports')
      .where('tenant_id', '=', old.tenant_id)
      .where('id', '=', old.id)
      .execute();
    return true;
  },
};
