import type { ReasonCodeKind } from '@switchboard/core';
import type { Db } from '../database.ts';
import type { ReasonCodeRow } from '../schema.ts';

export interface ReasonCodeFields {
  kind: ReasonCodeKind;
  code: number;
  label: string;
}

export const reasonCodesRepository = {
  async insert(
    db: Db,
    tenantId: string,
    id: string,
    fields: ReasonCodeFields,
    system: string | null = null,
  ): Promise<void> {
    await db
      .insertInto('reason_codes')
      .values({ id, tenant_id: tenantId, ...fields, system })
      .execute();
  },

  /** The code the product gives itself for `system` (e.g. 'connection_lost'). */
  findSystem(db: Db, tenantId: string, system: string): Promise<ReasonCodeRow | undefined> {
    return db
      .selectFrom('reason_codes')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('system', '=', system)
      .executeTakeFirst();
  },

  findById(db: Db, tenantId: string, id: string): Promise<ReasonCodeRow | undefined> {
    return db
      .selectFrom('reason_codes')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  list(db: Db, tenantId: string, kind?: ReasonCodeKind): Promise<ReasonCodeRow[]> {
    let query = db.selectFrom('reason_codes').selectAll().where('tenant_id', '=', tenantId);
    if (kind) query = query.where('kind', '=', kind);
    return query.orderBy('kind').orderBy('code').execute();
  },

  async update(db: Db, tenantId: string, id: string, change: Partial<ReasonCodeFields>): Promise<void> {
    await db
      .updateTable('reason_codes')
      .set(change)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
  },

  async delete(db: Db, tenantId: string, id: string): Promise<void> {
    await db.deleteFrom('reason_codes').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  },
};
