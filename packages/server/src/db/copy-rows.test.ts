import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { copiesRows, copyRows } from './copy-rows.ts';
import { type Database, openDatabase } from './database.ts';

let database: Database;
before(async () => {
  database = await openDatabase({});
  await sql`create table copied (n int8 not null, t text not null, at timestamptz not null)`.execute(
    database.db,
  );
});
after(() => database.close());

test('the embedded database copies rows, in a transaction too; any text comes back as written', async () => {
  const { db } = database;
  assert.equal(copiesRows(db), true);
  await db.transaction().execute(async (trx) => assert.equal(copiesRows(trx), true));
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.tuple(
          fc.maxSafeInteger(),
          fc.string({ unit: 'binary' }).filter((t) => !t.includes('\0')),
        ),
        {
          minLength: 1,
          maxLength: 20,
        },
      ),
      fc.boolean(),
      async (values, committed) => {
        await sql`delete from copied`.execute(db);
        const at = new Date(Date.UTC(2026, 2, 29, 1, 15));
        const rows = values.map(([n, t]) => [n, t, at]);
        await db
          .transaction()
          .execute(async (trx) => {
            await copyRows(trx, 'copied', ['n', 't', 'at'], rows);
            if (!committed) throw new Error('rolled back');
          })
          .catch((error: Error) => assert.equal(error.message, 'rolled back'));
        const { rows: read } = await sql<{
          n: string;
          t: string;
          at: Date;
        }>`select n, t, at from copied`.execute(db);
        assert.deepEqual(
          read.map((row) => [Number(row.n), row.t, row.at.getTime()]),
          committed ? values.map(([n, t]) => [n, t, at.getTime()]) : [],
        );
      },
    ),
    { numRuns: 50 },
  );
});

test('PostgreSQL is not taken for the embedded database', async (t) => {
  const url = process.env.SWITCHBOARD_TEST_DATABASE_URL;
  if (!url) return t.skip('SWITCHBOARD_TEST_DATABASE_URL is not set');
  const postgres = await openDatabase({ databaseUrl: url });
  try {
    assert.equal(copiesRows(postgres.db), false);
  } finally {
    await postgres.close();
  }
});
