import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../db/database.ts';
import { appendEvents, readEvents } from '../events/event-log.ts';
import { openMigratedDatabase } from '../testing/migrated-database.ts';
import { ENDED_SESSION_DAYS, FINISHED_EXPORT_DAYS, purgeExpired } from './retention.job.ts';

const NOW = Date.parse('2026-06-01T03:30:00Z');
const DAY = 86_400_000;
const at = (ms: number) => new Date(NOW + ms);
let database: Database;
const tenantId = crypto.randomUUID();
const userId = crypto.randomUUID();

before(async () => {
  database = await openMigratedDatabase();
  const { db } = database;
  await db
    .insertInto('tenants')
    .values({ id: tenantId, name: 'acme', display_name: 'Acme', settings: JSON.stringify({}) })
    .execute();
  await db
    .insertInto('users')
    .values({ id: userId, tenant_id: tenantId, username: 'ann', display_name: 'Ann', role: 'agent' })
    .execute();
});
after(() => database.close());

const session = (name: string, expiresAt: Date, revokedAt: Date | null = null) => ({
  id: crypto.randomUUID(),
  tenant_id: tenantId,
  user_id: userId,
  refresh_hash: name,
  expires_at: expiresAt,
  revoked_at: revokedAt,
});
const ticket = (hash: string, expiresAt: Date) => ({
  ticket_hash: hash,
  tenant_id: tenantId,
  kind: 'chat' as const,
  chat_id: crypto.randomUUID(),
  expires_at: expiresAt,
});
const throttle = (key: string, lastAttemptAt: Date) => ({
  key,
  failures: 3,
  last_attempt_at: lastAttemptAt,
  next_allowed_at: lastAttemptAt,
});

/** An export of `status` finished `finishedAt` (null: still going), with a part of its file. */
async function chatRecordExport(
  name: string,
  status: 'running' | 'completed' | 'failed',
  finishedAt: Date | null,
) {
  const id = crypto.randomUUID();
  const { db } = database;
  await db
    .insertInto('chat_record_exports')
    .values({
      tenant_id: tenantId,
      id,
      requested_by: userId,
      from_at: at(-40 * DAY),
      to_at: at(-30 * DAY),
      csq_id: null,
      status,
      error: name,
      created_at: at(-40 * DAY),
      finished_at: finishedAt,
    })
    .execute();
  await db
    .insertInto('chat_record_export_parts')
    .values({ tenant_id: tenantId, export_id: id, seq: 0, body: 'contactId\n' })
    .execute();
}

test('the nightly purge deletes expired tickets, forgotten throttle keys, long-ended sessions and exports, nothing else', async () => {
  const { db } = database;
  const week = FINISHED_EXPORT_DAYS * DAY;
  await chatRecordExport('still running', 'running', null);
  await chatRecordExport('completed recently', 'completed', at(-week + 60_000));
  await chatRecordExport('completed long ago', 'completed', at(-week - 60_000));
  await chatRecordExport('failed long ago', 'failed', at(-week - DAY));
  const ended = ENDED_SESSION_DAYS * DAY;
  await db
    .insertInto('sessions')
    .values([
      session('live', at(DAY)),
      session('expired-recently', at(-DAY)),
      session('revoked-recently', at(DAY), at(-DAY)),
      session('expired-long-ago', at(-ended - DAY)),
      session('revoked-long-ago', at(DAY), at(-ended - DAY)),
    ])
    .execute();
  await db
    .insertInto('stream_tickets')
    .values([ticket('valid', at(10_000)), ticket('expired', at(-1))])
    .execute();
  await db
    .insertInto('sign_in_throttle')
    .values([throttle('recent', at(-30 * 60_000)), throttle('forgotten', at(-2 * 60 * 60_000))])
    .execute();

  const entry = (days: number) => ({
    kind: 'notice' as const,
    type: 't',
    at: at(-days * DAY),
    userIds: [],
    payload: { days },
  });
  await appendEvents(db, tenantId, [entry(9), entry(8), entry(6)]);
  await appendEvents(db, tenantId, [entry(1)]);
  assert.deepEqual(await purgeExpired(db, NOW), {
    eventLog: 2,
    streamTickets: 1,
    signInThrottle: 1,
    sessions: 2,
    chatRecordExports: 2,
  });
  assert.deepEqual(
    (await readEvents(db, tenantId, 0, 10)).map((e) => e.payload.days),
    [6, 1],
  );

  const left = async (table: 'sessions' | 'stream_tickets' | 'sign_in_throttle', column: string) =>
    (
      await db
        .selectFrom(table)
        .select(column as never)
        .execute()
    )
      .map((row) => Object.values(row)[0])
      .sort();
  assert.deepEqual(await left('sessions', 'refresh_hash'), ['expired-recently', 'live', 'revoked-recently']);
  assert.deepEqual(await left('stream_tickets', 'ticket_hash'), ['valid']);
  assert.deepEqual(await left('sign_in_throttle', 'key'), ['recent']);
  assert.deepEqual(
    (await db.selectFrom('chat_record_exports').select('error').execute()).map((e) => e.error).sort(),
    ['completed recently', 'still running'],
  );
  // Their files went with them.
  assert.equal((await db.selectFrom('chat_record_export_parts').select('seq').execute()).length, 2);
  assert.deepEqual(await purgeExpired(db, NOW), {
    eventLog: 0,
    streamTickets: 0,
    signInThrottle: 0,
    sessions: 0,
    chatRecordExports: 0,
  });
});
