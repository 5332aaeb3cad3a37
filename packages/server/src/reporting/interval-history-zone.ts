import { canonicalTimeZone } from '@switchboard/core';
import type { Db } from '../db/database.ts';

/**
 * The zone a tenant's interval history is read and written in: `settings.reporting.timeZone`, or UTC while
 * the tenant has none (or one the runtime does not know). The one place interval history asks for it.
 */
export async function tenantTimeZoneOf(db: Db, tenantId: string): Promise<string> {
  const tenant = await db
    .selectFrom('tenants')
    .select('settings')
    .where('id', '=', tenantId)
    .executeTakeFirst();
  const settings = tenant?.settings as { reporting?: { timeZone?: unknown } } | undefined;
  const zone = settings?.reporting?.timeZone;
  return (typeof zone === 'string' && canonicalTimeZone(zone)) || 'UTC';
}
