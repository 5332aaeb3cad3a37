import type { Db } from '../database.ts';
import type { SkillRow } from '../schema.ts';

export const skillsRepository = {
  async insert(db: Db, tenantId: string, id: string, name: string): Promise<void> {
    await db.insertInto('skills').values({ id, tenant_id: tenantId, name }).execute();
  },

  findById(db: Db, tenantId: string, skillId: string): Promise<SkillRow | undefined> {
    return db
      .selectFrom('skills')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', skillId)
      .executeTakeFirst();
  },

  list(db: Db, tenantId: string): Promise<SkillRow[]> {
    return db.selectFrom('skills').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
  },

  async existing(db: Db, tenantId: string, skillIds: readonly string[]): Promise<Set<string>> {
    if (skillIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('skills')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', skillIds)
      .execute();
    return new Set(rows.map((r) => r.id));
  },

  async rename(db: Db, tenantId: string, skillId: string, name: string): Promise<void> {
    await db
      .updateTable('skills')
      .set({ name })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', skillId)
      .execute();
  },

  async delete(db: Db, tenantId: string, skillId: string): Promise<void> {
    await db.deleteFrom('skills').where('tenant_id', '=', tenantId).where('id', '=', skillId).execute();
  },
};
