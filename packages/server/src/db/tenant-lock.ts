import type { Db } from './database.ts';

/**
 * Holds the tenant's row until the transaction ends, so that concurrent changes to capped lists of the tenant
 * are counted one after another and cannot together pass a cap. (NO KEY UPDATE, unlike FOR UPDATE, does not
 * block the foreign-key checks of other inserts that reference the tenant.)
 */
export async function lockTenant(db: Db, tenantId: string): Promise<void> {
  await db.selectFrom('tenants').select('id').where('id', '=', tenantId).forNoKeyUpdate().execute();
}

/** The tenant lists that have a cap counted this way. */
type CappedList = 'calendars' | 'call_flows' | 'chat_widgets' | 'desk_phones' | 'phone_numbers';

/**
 * How many rows the tenant has in `list`, for checking its cap before a create. Call it in the create's
 * transaction: it locks the tenant (see `lockTenant`), so concurrent creates cannot both squeeze under the cap.
 */
export async function countForCreate(db: Db, list: CappedList, tenantId: string): Promise<number> {
  await lockTenant(db, tenantId);
  const row = await db
    .selectFrom(list)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
