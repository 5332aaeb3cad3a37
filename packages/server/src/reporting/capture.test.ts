import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { intervalRowsHashed } from '../db/migrations/0037-interval-rows-hashed.ts';
import { buildApiKey, buildContact, buildCsq, buildReasonCode, signInAs } from '../testing/builders.ts';
import {
  call,
  createTestTenant,
  type Session,
  signIn,
  startTestApp,
  type TestApp,
} from '../testing/test-app.ts';
import { captureTenant, recaptureDay } from './capture.ts';

const S = 1000;
const MIN = 60 * S;
const QUARTER = 15 * MIN;

describe('interval capture', () => {
  let server: TestApp;
  let admin: Session;
  let agent: { id: string; username: string; session: Session };
  let channel: Session;
  let csqId: string;
  let tenantId: string;
  let start: number;

  const act = async (contactId: string, step: 'accept' | 'complete' | 'wrap-up') => {
    const r = await call(
      server,
      agent.session,
      'POST',
      `/contacts/${contactId}/${step}`,
      step === 'wrap-up' ? { reasons: [] } : undefined,
    );
    assert.equal(r.status, 200, JSON.stringify(r.body));
  };
  const at = (ms: number) => server.clock.advance(start + ms - server.clock.now());
  const rows = (table: 'csq_intervals' | 'agent_intervals') =>
    server.database.db
      .selectFrom(table)
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .orderBy('interval_start')
      .execute();

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'acme'));
    tenantId = (await call(server, admin, 'GET', '/tenant')).body.id;
    const patched = await call(server, admin, 'PATCH', '/tenant/settings', {
      reporting: { timeZone: 'Europe/Berlin', captureDelayMinutes: 2 },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    csqId = (await buildCsq(server, admin, { serviceLevelSeconds: 20 })).id;
    const { user, session } = await signInAs(server, admin, 'agent', {});
    agent = { id: user.id, username: user.username, session };
    channel = (await buildApiKey(server, admin, 'write')).session;
    start = Math.ceil(server.clock.now() / QUARTER) * QUARTER + QUARTER;
  });
  after(() => server.close());

  test('a closed interval is counted once its delay has passed, and counting again changes nothing', async () => {
    at(0);
    const state = await call(server, agent.session, 'PUT', `/agents/${agent.id}/state`, {
      domain: 'digital',
      state: 'ready',
    });
    assert.equal(state.status, 200, JSON.stringify(state.body));
    at(1 * MIN);
    const answered = (await buildContact(server, channel, csqId)).id;
    at(1 * MIN + 10 * S);
    await act(answered, 'accept');
    at(6 * MIN);
    await act(answered, 'complete');
    at(7 * MIN);
    await act(answered, 'wrap-up');
    const abandoned = (await buildContact(server, channel, csqId)).id;
    at(7 * MIN + 20 * S);
    // the agent is Ready: the contact is offered; the customer leaves while it rings
    assert.equal((await call(server, channel, 'POST', `/contacts/${abandoned}/end`)).status, 200);

    at(QUARTER + 1 * MIN);
    // The first capture covers the day so far, up to the last interval past its delay: not this one yet.
    const early = await captureTenant(server.database.db, tenantId, server.clock.now());
    assert.equal(early.capturedUntil.getTime(), start);
    assert.deepEqual(await rows('csq_intervals'), []);
    at(QUARTER + 2 * MIN);
    const first = await captureTenant(server.database.db, tenantId, server.clock.now());
    assert.equal(first.intervals, 1);
    assert.equal(first.capturedUntil.getTime(), start + QUARTER);
    const [row] = (await rows('csq_intervals')).filter((r) => r.interval_start.getTime() === start);
    assert.ok(row, 'a row for the interval');
    assert.equal(row.offered, 2);
    assert.equal(row.answered, 1);
    assert.equal(row.handled, 1);
    assert.equal(row.abandoned, 1);
    assert.equal(row.abandoned_while_offered, 1);
    assert.equal(row.answered_within_threshold, 1);
    assert.equal(row.abandoned_within_threshold, 1);
    assert.equal(Number(row.longest_wait_ms), 20 * S);
    assert.equal(Number(row.answer_wait_ms), 10 * S);
    assert.equal(row.handle_count, 1);
    assert.equal(Number(row.talk_ms) + Number(row.hold_ms) + Number(row.wrap_ms), 6 * MIN - 10 * S);
    const agentRow = (await rows('agent_intervals')).find((r) => r.interval_start.getTime() === start);
    assert.ok(agentRow);
    assert.equal(Number(agentRow.logged_in_ms), QUARTER);
    assert.equal(agentRow.presented, 2);
    assert.equal(agentRow.handled, 1);

    // Asked for now: the interval in progress is counted too, and counted again once it closes.
    const late = (await buildContact(server, channel, csqId)).id;
    const now = await captureTenant(server.database.db, tenantId, server.clock.now(), { throughNow: true });
    assert.equal(now.capturedUntil.getTime(), start + QUARTER, 'the position stays at the horizon');
    const open = (await rows('csq_intervals')).find((r) => r.interval_start.getTime() === start + QUARTER);
    assert.equal(open?.offered, 1);
    assert.equal((await call(server, channel, 'POST', `/contacts/${late}/end`)).status, 200);
    at(2 * QUARTER + 2 * MIN);
    await captureTenant(server.database.db, tenantId, server.clock.now());
    const closed = (await rows('csq_intervals')).find((r) => r.interval_start.getTime() === start + QUARTER);
    assert.equal(closed?.abandoned, 1);

    const before = JSON.stringify(await rows('csq_intervals'));
    assert.equal((await captureTenant(server.database.db, tenantId, server.clock.now())).intervals, 0);
    const date = { year: 0, month: 0, day: 0 };
    const local = new Date(start + 3600_000).toISOString().slice(0, 10).split('-').map(Number);
    [date.year, date.month, date.day] = local as [number, number, number];
    await recaptureDay(server.database.db, tenantId, date, server.clock.now());
    assert.equal(JSON.stringify(await rows('csq_intervals')), before, 'a recapture gives the same rows');
  });

  test('contacts are folded every minute; a close counts the interval that closed, and what its own fold changes earlier lands a minute later', async () => {
    const offset = 4 * QUARTER;
    const base = start + offset;
    at(offset);
    // An hour of clock has passed: the sessions' tokens have expired.
    admin = await signIn(server, admin.tenant, 'admin');
    agent.session = await signIn(server, admin.tenant, agent.username);
    const reason = await buildReasonCode(server, admin, {});
    const away = await call(server, agent.session, 'PUT', `/agents/${agent.id}/state`, {
      domain: 'digital',
      state: 'not_ready',
      reasonCode: reason.code,
    });
    assert.equal(away.status, 200, JSON.stringify(away.body));
    const capture = () => captureTenant(server.database.db, tenantId, server.clock.now());
    at(offset + 2 * MIN);
    await capture();
    at(offset + 10 * MIN);
    const waiting = (await buildContact(server, channel, csqId)).id;
    at(offset + 12 * MIN);
    await capture();
    const folded = await server.database.db
      .selectFrom('contact_legs')
      .select(['entered_at', 'ended_at'])
      .where('tenant_id', '=', tenantId)
      .where('contact_id', '=', waiting)
      .executeTakeFirst();
    assert.equal(folded?.entered_at.getTime(), base + 10 * MIN, 'folded before its interval closed');
    assert.equal(folded?.ended_at, null);

    at(offset + QUARTER + 2 * MIN);
    assert.equal((await capture()).intervals, 1);
    const rowOf = async (intervalStart: number) =>
      (await rows('csq_intervals')).find((r) => r.interval_start.getTime() === intervalStart);
    assert.equal((await rowOf(base))?.offered, 1);
    assert.equal((await rowOf(base))?.abandoned, 0);

    // The customer leaves in the next interval; the contact entered in the first, where it counts as abandoned.
    at(offset + QUARTER + 5 * MIN);
    assert.equal((await call(server, channel, 'POST', `/contacts/${waiting}/end`)).status, 200);
    // No run in between: the close folds the contact itself, and counts only the interval that closed.
    at(offset + 2 * QUARTER + 2 * MIN);
    const close = await capture();
    assert.equal(close.intervals, 1);
    assert.equal(close.capturedUntil.getTime(), base + 2 * QUARTER);
    assert.equal((await rowOf(base))?.abandoned, 0, 'the earlier interval waits for the next run');
    at(offset + 2 * QUARTER + 3 * MIN);
    assert.equal((await capture()).intervals, 1);
    assert.equal((await rowOf(base))?.abandoned, 1);
    assert.equal((await capture()).intervals, 0, 'nothing left to count');

    // The closes took the records the minute runs had folded; counted again from the stored ones, nothing moves.
    const counted = async () => JSON.stringify([await rows('csq_intervals'), await rows('agent_intervals')]);
    const before = await counted();
    const berlinDate = (ms: number) => {
      const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' })
        .format(ms)
        .split('-')
        .map(Number) as [number, number, number];
      return { year, month, day };
    };
    for (const ms of new Set([base, base + 2 * QUARTER].map((at) => JSON.stringify(berlinDate(at)))))
      await recaptureDay(server.database.db, tenantId, JSON.parse(ms), server.clock.now());
    assert.equal(await counted(), before);
  });

  test('a day recaptured at a new interval size keeps no row of the old; rows stored without a hash are replaced', async () => {
    const { db } = server.database;
    const days = async () => {
      const { rows } = await sql<{
        day: string;
      }>`select distinct to_char(interval_start at time zone 'Europe/Berlin',
        'YYYY-MM-DD') as day from agent_intervals where tenant_id = ${tenantId}
        union select to_char(interval_start at time zone 'Europe/Berlin', 'YYYY-MM-DD') from csq_intervals
        where tenant_id = ${tenantId}`.execute(db);
      return rows.map((row) => {
        const [year, month, day] = row.day.split('-').map(Number) as [number, number, number];
        return { year, month, day };
      });
    };
    const recaptureAll = async () => {
      for (const day of await days()) await recaptureDay(db, tenantId, day, server.clock.now());
    };
    const totals = async () =>
      (
        await sql<{
          minutes: number;
          rows: number;
          offered: number;
          logged_in: string;
        }>`select interval_minutes
          as minutes, count(*)::int as rows, sum(offered)::int as offered, null as logged_in from csq_intervals
          where tenant_id = ${tenantId} group by 1
          union all select interval_minutes, count(*)::int, null, sum(logged_in_ms)::text from agent_intervals
          where tenant_id = ${tenantId} group by 1 order by 1, 3`.execute(db)
      ).rows;
    // Past a half-hour and its delay, all counted: the intervals of both sizes cover the same time.
    const HALF_HOUR = 2 * QUARTER;
    server.clock.advance(
      Math.ceil(server.clock.now() / HALF_HOUR) * HALF_HOUR + 3 * MIN - server.clock.now(),
    );
    await captureTenant(db, tenantId, server.clock.now());
    const at15 = await totals();
    assert.deepEqual(
      at15.map((row) => row.minutes),
      [15, 15],
    );
    admin = await signIn(server, admin.tenant, 'admin');
    const patched = await call(server, admin, 'PATCH', '/tenant/settings', {
      reporting: { intervalMinutes: 30 },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    await recaptureAll();
    const at30 = await totals();
    assert.deepEqual(
      at30.map(({ minutes, offered, logged_in }) => ({ minutes, offered, logged_in })),
      at15.map(({ offered, logged_in }) => ({ minutes: 30, offered, logged_in })),
      'the same figures, in half-hours only',
    );

    // And back: the quarter-hours' rows are all written again.
    const back = await call(server, admin, 'PATCH', '/tenant/settings', {
      reporting: { intervalMinutes: 15 },
    });
    assert.equal(back.status, 200, JSON.stringify(back.body));
    await recaptureAll();
    assert.deepEqual(await totals(), at15, 'the quarter-hours again');
    await call(server, admin, 'PATCH', '/tenant/settings', { reporting: { intervalMinutes: 30 } });
    await recaptureAll();

    // Rows as a database kept them before hashes were: the migration gives them one no rows hash to.
    await sql`delete from interval_hashes where tenant_id = ${tenantId}`.execute(db);
    await sql`update csq_intervals set offered = offered + 1 where tenant_id = ${tenantId}`.execute(db);
    await sql.raw(intervalRowsHashed).execute(db);
    await recaptureAll();
    assert.deepEqual(await totals(), at30, 'every interval written again from the records');
  });
});
