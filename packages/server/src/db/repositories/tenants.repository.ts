import type { Db } from '../database.ts';
import type { TenantRow, TenantSettings } from '../schema.ts';

export const tenantsRepository = {
  async insert(db: Db, tenant: { id: string; name: string; displayName: string; settings: TenantSettings }) {
    await db
      .insertInto('tenants')
      .values({
        id: tenant.id,
        name: tenant.name,
        display_name: tenant.displayName,
        settings: JSON.stringify(tenant.settings),
      })
      .execute();
  },

  findByName(db: Db, name: string): Promise<TenantRow | undefined> {
    return db.selectFrom('tenants').selectAll().where('name', '=', name).executeTakeFirst();
  },

  findById(db: Db, tenantId: string): Promise<TenantRow | undefined> {
    return db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst();
  },

  async count(db: Db): Promise<number> {
    const row = await db
      .selectFrom('tenants')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  async updateSettings(db: Db, tenantId: string, settings: TenantSettings): Promise<void> {
    await db
      .updateTable('tenants')
      .set({ settings: JSON.stringify(settings) })
      .where('id', '=', tenantId)
      .execute();
  },
};
