import type { Db } from '../db/database.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';

/** The zone a tenant's interval history is read and written in: its reporting time zone. */
export async function tenantTimeZoneOf(db: Db, tenantId: string): Promise<string> {
  return (await tenantReportingSettings(db, tenantId)).timeZone;
}
