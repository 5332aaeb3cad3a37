import { CARRIED_CALL_PREFIX } from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Db } from '../db/database.ts';

/**
 * Ends the tenant's calls of this controller that are open in storage but have no legs here (`carried` says
 * which it has), left open by a process that stopped: their callers are gone with it. Voice contacts that channel
 * adapters report through the contacts API have other external ids, and are left alone. Run it once the
 * tenant's router has loaded (it takes commands only then).
 */
export async function endOrphanCalls(
  deps: { db: Db; acd: AcdRuntime },
  tenantId: string,
  carried: (contactId: string) => boolean,
): Promise<void> {
  const open = await deps.db
    .selectFrom('contacts')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('channel', '=', 'voice')
    .where('status', '<>', 'ended')
    .where('external_id', 'like', `${CARRIED_CALL_PREFIX}%`)
    .execute();
  const orphans = open.map((row) => row.id).filter((id) => !carried(id));
  if (orphans.length === 0) return;
  await deps.acd.run(tenantId, (engine) => ({
    events: orphans.flatMap((id) => (engine.contact(id) ? engine.customerLeft(id) : [])),
    result: undefined,
  }));
}
