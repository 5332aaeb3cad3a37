import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { type Database, migrate, openDatabase } from '../db/database.ts';
import { openMigratedDatabase } from '../testing/migrated-database.ts';
import { freshPostgresDatabase, postgresForTests } from '../testing/postgres.ts';
import { appendEvents, logBounds, type NewLogEntry, purgeEvents, readEvents } from './event-log.ts';

async function tenant(database: Database, name: string): Promise<string> {
  const row = await database.db
    .insertInto('tenants')
    .values({ id: randomUUID(), name, display_name: name, settings: JSON.stringify({}) } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const entry = (n: number, at = new Date()): NewLogEntry => ({
  kind: 'notice',
  type: 'test.entry',
  at,
  userIds: [],
  payload: { n },
});

function suite(name: string, open: () => Promise<Database & { drop?: () => Promise<void> }>) {
  describe(`the event log on ${name}`, () => {
    let database: Database & { drop?: () => Promise<void> };
    after(async () => {
      await database?.close();
      await database?.drop?.();
    });

    test('appends made at the same time get positions 1…N without a gap, each batch its own run, per tenant', async () => {
      database = await open();
      const tenants = [await tenant(database, 'north'), await tenant(database, 'south')];
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({ tenant: fc.integer({ min: 0, max: 1 }), size: fc.integer({ min: 1, max: 40 }) }),
            {
              minLength: 1,
              maxLength: 12,
            },
          ),
          async (batches) => {
            const before = await Promise.all(
              tenants.map(async (t) => (await logBounds(database.db, t)).latest),
            );
            let n = 0;
            const lasts = await Promise.all(
              batches.map((b) =>
                appendEvents(
                  database.db,
                  tenants[b.tenant] as string,
                  Array.from({ length: b.size }, () => entry(n++)),
                ),
              ),
            );
            for (const [index, id] of tenants.entries()) {
              const start = before[index] as number;
              const mine = batches.flatMap((b, i) =>
                b.tenant === index ? [{ ...b, last: lasts[i] as number }] : [],
              );
              const rows = await readEvents(database.db, id, start, 10_000);
              const total = mine.reduce((sum, b) => sum + b.size, 0);
              assert.deepEqual(
                rows.map((r) => r.position),
                Array.from({ length: total }, (_, i) => start + i + 1),
              );
              // Each append's entries sit together, in the order given, ending at the position it returned.
              for (const b of mine) {
                const run = rows.filter((r) => r.position > b.last - b.size && r.position <= b.last);
                const ns = run.map((r) => r.payload.n as number);
                assert.deepEqual(
                  ns,
                  [...ns].sort((x, y) => x - y),
                );
                assert.equal(run.length, b.size);
              }
              assert.equal((await logBounds(database.db, id)).latest, start + total);
            }
          },
        ),
        { numRuns: 15 },
      );
    });

    test('retention deletes the oldest entries as a prefix, and resuming is possible only after it', async () => {
      const id = await tenant(database, 'east');
      const old = new Date('2026-01-01T00:00:00Z');
      await appendEvents(database.db, id, [entry(1, old), entry(2, old), entry(3, old)]);
      await appendEvents(database.db, id, [entry(4), entry(5)]);
      assert.deepEqual(await logBounds(database.db, id), { latest: 5, resumableFrom: 0 });
      assert.equal(await purgeEvents(database.db, id, new Date('2026-02-01T00:00:00Z'), 2), 2);
      assert.deepEqual(await logBounds(database.db, id), { latest: 5, resumableFrom: 2 });
      assert.equal(await purgeEvents(database.db, id, new Date('2026-02-01T00:00:00Z'), 100), 1);
      assert.deepEqual(await logBounds(database.db, id), { latest: 5, resumableFrom: 3 });
      assert.deepEqual(
        (await readEvents(database.db, id, 3, 10)).map((r) => r.payload.n),
        [4, 5],
      );
    });
  });
}

suite('PGlite', openMigratedDatabase);
const postgres = postgresForTests();
if (postgres.available)
  suite('PostgreSQL', async () => {
    const fresh = await freshPostgresDatabase(postgres.url);
    const database = await openDatabase({ databaseUrl: fresh.url });
    await migrate(database.db);
    return { ...database, drop: fresh.drop };
  });
else test('the event log on PostgreSQL', { skip: postgres.reason }, () => {});
