import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_RETENTION, type RetentionSettings } from '@switchboard/core';
import { sql } from 'kysely';
import { type Database, migrate } from '../db/database.ts';
import { seedContactAt, seedIntervalAt, seedRetentionTenant } from '../testing/seed-retention.ts';
import { INTERVAL_TABLES } from './interval-tables.repository.ts';
import { purgeChunk, purgeRetained, RETAINED_TABLES } from './retention.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T12:00:00Z');
/** Each tenant has a contact and an interval of each of these ages in days (and one half a day younger). */
const AGES = [3, 20, 45, 75, 120];
/** The age of each tenant's one open contact: older than any retention below. */
const OPEN_AGE = 121;
const SHORT: RetentionSettings = {
  contactEventsDays: 30,
  detailRecordsDays: 60,
  intervalDays: 100,
  transcriptsDays: 10,
};

/** The retention purge, run on PGlite and PostgreSQL: what goes per kind, open contacts, chunks, tenants apart. */
export function retentionSuite(backend: string, open: () => Promise<Database>): void {
  describe(`retention purge on ${backend}`, () => {
    let database: Database;
    let short: Awaited<ReturnType<typeof seedRetentionTenant>>;
    let other: Awaited<ReturnType<typeof seedRetentionTenant>>;
    const tables = Object.values(RETAINED_TABLES).flat();

    /** The ages in days of the tenant's rows in each table (an interval has a hash per table), youngest first. */
    const ages = async (tenantId: string) => {
      const found: Record<string, number[]> = {};
      for (const { table, at } of tables) {
        const { rows } = await sql<{ age: number }>`
          select distinct round(extract(epoch from (${new Date(NOW)}::timestamptz - ${sql.ref(at)})) / 86400)::int as age
          from ${sql.table(table)} where tenant_id = ${tenantId} order by 1`.execute(database.db);
        found[table] = rows.map((r) => Number(r.age));
      }
      return found;
    };
    const within = (days: number, open: boolean) => [
      ...AGES.filter((age) => age < days),
      ...(open ? [OPEN_AGE] : []),
    ];

    before(async () => {
      database = await open();
      await migrate(database.db);
      short = await seedRetentionTenant(database.db, 'short');
      other = await seedRetentionTenant(database.db, 'other');
      for (const seed of [short, other]) {
        for (const age of AGES) {
          await seedContactAt(database.db, seed, new Date(NOW - age * DAY));
          await seedIntervalAt(database.db, seed, new Date(NOW - age * DAY));
        }
        await seedContactAt(database.db, seed, new Date(NOW - OPEN_AGE * DAY), 'active');
      }
    });
    after(() => database.close());

    test("rows older than their kind's retention go, newer ones stay, and an open contact's stay", async () => {
      const counts = await purgeRetained(database.db, short.tenantId, SHORT, NOW, 1);
      const left = await ages(short.tenantId);
      const expected = {
        contact_events: within(SHORT.contactEventsDays, true),
        agent_state_trace: within(SHORT.contactEventsDays, false),
        contact_legs: within(SHORT.detailRecordsDays, true),
        agent_segments: within(SHORT.detailRecordsDays, true),
        chat_messages: within(SHORT.transcriptsDays, true),
        chat_whispers: within(SHORT.transcriptsDays, true),
        contact_notes: within(SHORT.transcriptsDays, true),
        ...Object.fromEntries(
          RETAINED_TABLES.intervalDays.map(({ table }) => [table, within(SHORT.intervalDays, false)]),
        ),
      };
      assert.deepEqual(left, expected);
      // A chunk of one row per statement still deletes everything due.
      assert.equal(counts.contact_events, 3);
      assert.equal(counts.chat_messages, 4);
      assert.equal(counts.csq_intervals, 1);
    });

    test("an interval's hash of a table goes only once that table has no rows left at its start", async () => {
      const old = new Date(NOW - (SHORT.intervalDays + 5) * DAY);
      // Rows written after the purge of their table, by a capture that counted an interval past the cutoff.
      await seedIntervalAt(database.db, short, old);
      const hashes = RETAINED_TABLES.intervalDays.find(({ table }) => table === 'interval_hashes');
      assert.ok(hashes);
      const cutoff = new Date(NOW - SHORT.intervalDays * DAY);
      const purgeHashes = () => purgeChunk(database.db, short.tenantId, hashes, cutoff, 100);
      assert.equal(await purgeHashes(), 0, 'every table still has rows there');
      for (const table of INTERVAL_TABLES.slice(1))
        await sql`delete from ${sql.table(table)} where tenant_id = ${short.tenantId} and interval_start = ${old}`.execute(
          database.db,
        );
      assert.equal(await purgeHashes(), INTERVAL_TABLES.length - 1, 'the hashes of the tables emptied there');
      assert.equal(await purgeHashes(), 0, 'the CSQ rows are still there');
      await purgeRetained(database.db, short.tenantId, SHORT, NOW);
      assert.deepEqual((await ages(short.tenantId)).interval_hashes, within(SHORT.intervalDays, false));
    });

    test("one tenant's retention leaves another tenant's rows alone", async () => {
      const all = AGES.concat(OPEN_AGE);
      const left = await ages(other.tenantId);
      for (const { table, ofContact } of tables) assert.deepEqual(left[table], ofContact ? all : AGES, table);
    });

    test('a second run deletes nothing, and the default retention keeps these ages', async () => {
      const again = await purgeRetained(database.db, short.tenantId, SHORT, NOW);
      assert.ok(
        Object.values(again).every((n) => n === 0),
        JSON.stringify(again),
      );
      const before = await ages(other.tenantId);
      const kept = await purgeRetained(database.db, other.tenantId, DEFAULT_RETENTION, NOW);
      assert.ok(
        Object.values(kept).every((n) => n === 0),
        JSON.stringify(kept),
      );
      assert.deepEqual(await ages(other.tenantId), before);
    });
  });
}
