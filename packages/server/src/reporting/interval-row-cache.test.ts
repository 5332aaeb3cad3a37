import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_RETENTION, noContactCounts } from '@switchboard/core';
import { sql } from 'kysely';
import { buildCsq } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { contactCountsBetween, IntervalRowCache, intervalRowCache, StoredDay } from './interval-row-cache.ts';
import { intervalTablesRepository } from './interval-tables.repository.ts';
import { purgeRetained } from './retention.ts';

const DAY = 86_400_000;
const QUARTER = 15 * 60_000;

describe('the cache of interval rows by day', () => {
  let server: TestApp;
  let admin: Session;
  let tenantId: string;
  let csqId: string;
  /** A UTC midnight a few days back, inside the report range limits. */
  let day: number;

  /** Writes one CSQ row of `offered` contacts at `day` + `quarter` quarter-hours, as a capture does. */
  const capture = async (quarter: number, offered: number) => {
    const start = day + quarter * QUARTER;
    await server.database.db.transaction().execute((trx) =>
      intervalTablesRepository.replace(trx, tenantId, new Date(start), new Date(start + QUARTER), 15, [
        {
          start: new Date(start),
          rows: {
            csq: [{ csqId, counts: { ...noContactCounts(), offered } }],
            callType: [],
            agent: [],
            agentCsq: [],
            reasons: [],
          },
        },
      ]),
    );
  };
  const offered = async () =>
    (await contactCountsBetween(server.database.db, tenantId, 'csq_intervals', day, day + DAY))
      .rows()
      .map((row) => row.counts.offered);
  const reportOffered = async () => {
    const date = new Date(day).toISOString().slice(0, 10);
    const r = await call(
      server,
      admin,
      'GET',
      `/reports/csq-activity?from=${date}&to=${date}&summarize=true`,
    );
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.rows.map((row: { offered: number }) => row.offered);
  };

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'acme'));
    tenantId = (await call(server, admin, 'GET', '/tenant')).body.id;
    csqId = (await buildCsq(server, admin, {})).id;
    day = Math.floor(server.clock.now() / DAY) * DAY - 3 * DAY;
  });
  after(() => server.close());

  test('a day is read once, and again as soon as a capture changes its rows', async () => {
    await capture(40, 3);
    assert.deepEqual(await offered(), [3]);
    assert.deepEqual(await reportOffered(), [3]);
    // A write that bypasses the generations is not seen: the rows come from the cache.
    await sql`update csq_intervals set offered = 99 where tenant_id = ${tenantId}`.execute(
      server.database.db,
    );
    assert.deepEqual(await offered(), [3]);
    await capture(41, 2);
    assert.deepEqual((await offered()).sort(), [2, 99], 'the changed day is read again');
    await capture(41, 4);
    assert.deepEqual(await reportOffered(), [103]);
    await capture(41, 4);
    assert.deepEqual(await reportOffered(), [103], 'an unchanged capture writes nothing and keeps the cache');
  });

  test('days the retention purge emptied are read again, also days written before generations were kept', async () => {
    await capture(10, 1);
    await sql`delete from interval_blocks where tenant_id = ${tenantId}`.execute(server.database.db);
    assert.ok((await offered()).length > 0);
    const counts = await purgeRetained(
      server.database.db,
      tenantId,
      { ...DEFAULT_RETENTION, intervalDays: 1 },
      server.clock.now(),
    );
    assert.ok((counts.csq_intervals ?? 0) > 0);
    assert.deepEqual(await offered(), []);
    assert.ok(intervalRowCache(server.database.db).size.days > 0);
  });

  test('the least recently read days go first once the rows kept pass the limit', () => {
    const cache = new IntervalRowCache(3);
    const rows = (n: number) =>
      new StoredDay(Array.from({ length: n }, (_, i) => ({ at: i, key: 'q', counts: noContactCounts() })));
    cache.set('a', '1', rows(2));
    cache.set('b', '1', rows(1));
    assert.ok(cache.get('a', '1'), 'a read keeps a day');
    cache.set('c', '1', rows(1));
    assert.equal(cache.get('b', '1'), undefined, 'the least recently read went');
    assert.ok(cache.get('a', '1'));
    assert.equal(cache.get('a', '2'), undefined, 'another generation is not the kept one');
    assert.deepEqual(cache.size, { days: 2, rows: 3 });
  });
});
