import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { arrayLiteral } from './array-literal.ts';
import { type Database, openDatabase } from './database.ts';

let database: Database;
before(async () => {
  database = await openDatabase({});
});
after(() => database.close());

test('any texts pass through an array literal unchanged, commas, quotes, braces and NULL included', async () => {
  const texts = fc.array(
    fc.oneof(fc.string(), fc.constantFrom('NULL', 'null', '', ' ', '{a,b}', '"', '\\', 'a,"b"\\c')),
    { minLength: 1, maxLength: 20 },
  );
  await fc.assert(
    fc.asyncProperty(texts, async (values) => {
      const clean = values.map((value) => value.replaceAll('\0', ''));
      const { rows } = await sql<{ v: string[] }>`select ${arrayLiteral(clean, 'text')}::text[] as v`.execute(
        database.db,
      );
      assert.deepEqual(rows[0]?.v, clean);
    }),
    { numRuns: 200 },
  );
});

test('whole numbers as large as a duration in milliseconds and ids keep their values', async () => {
  const numbers = [0, 1, -7, 2 ** 53 - 1];
  const ids = ['00000000-0000-4000-8000-000000000001', 'ffffffff-ffff-4fff-bfff-ffffffffffff'];
  const { rows } = await sql<{
    n: string[];
    u: string[];
  }>`select ${arrayLiteral(numbers, 'int8')}::int8[]::text[] as n,
    ${arrayLiteral(ids, 'uuid')}::uuid[]::text[] as u`.execute(database.db);
  assert.deepEqual(rows[0]?.n, numbers.map(String));
  assert.deepEqual(rows[0]?.u, ids);
});
