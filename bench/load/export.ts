import { sql } from 'kysely';
import { type Database, ensureFirstTenant } from '../../packages/server/src/index.ts';
import { seedChatRecords } from '../../packages/server/src/testing/seed-chat-records.ts';
import { ADMIN_PASSWORD } from './server.ts';

/** Chat records seeded before the export run, and exported while the load runs. */
export const EXPORT_CHATS = 100_000;

export interface ChatRange {
  from: string;
  to: string;
}

/**
 * Gives the first tenant (`demo`, the one the load signs in to) EXPORT_CHATS ended chats, one a second, and
 * returns their range. Runs before the server starts, on the database it will open.
 */
export async function seedExportChats(database: Database): Promise<ChatRange> {
  await ensureFirstTenant(database.db, ADMIN_PASSWORD);
  const tenant = await database.db
    .selectFrom('tenants')
    .select('id')
    .where('name', '=', 'demo')
    .executeTakeFirstOrThrow();
  const admin = await database.db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenant.id)
    .where(sql`lower(username)`, '=', 'admin')
    .executeTakeFirstOrThrow();
  const from = new Date(Date.now() - 2 * EXPORT_CHATS * 1000);
  await seedChatRecords(database.db, {
    tenantId: tenant.id,
    csqId: crypto.randomUUID(),
    agentId: admin.id,
    count: EXPORT_CHATS,
    from,
  });
  return { from: from.toISOString(), to: new Date(from.getTime() + EXPORT_CHATS * 1000).toISOString() };
}

/** Streams `GET /chat-records/export` and counts its rows; throws unless every seeded chat came. */
export async function exportOverHttp(url: string, token: string, range: ChatRange): Promise<number> {
  const query = new URLSearchParams({ from: range.from, to: range.to });
  const response = await fetch(`${url}/api/v1/chat-records/export?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok || !response.body) throw new Error(`export: ${response.status} ${await response.text()}`);
  let lines = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    for (const byte of chunk) if (byte === 10) lines++;
  }
  const rows = lines - 1;
  if (rows !== EXPORT_CHATS) throw new Error(`export: ${rows} rows, expected ${EXPORT_CHATS}`);
  return rows;
}
