import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LIMITS, WEEKDAYS } from '@switchboard/core';
import { buildCalendar, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';

const hours = (start: string, end: string) => [{ start, end }];
const OFFICE = hours('09:00', '17:00');
const officeWeek = { monday: OFFICE, tuesday: OFFICE, wednesday: OFFICE, thursday: OFFICE, friday: OFFICE };
const closedWeek = Object.fromEntries(WEEKDAYS.map((day) => [day, []]));
const calendarBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Berlin office',
  timeZone: 'Europe/Berlin',
  mode: 'custom',
  weekly: officeWeek,
  ...overrides,
});

/** Friday 2026-03-27, 16:59 in Berlin (CET); clocks go forward on Sunday 2026-03-29. */
const START = Date.parse('2026-03-27T15:59:00Z');

describe('calendars API', () => {
  let server: TestApp;
  let admin: Session;
  const show = (res: { status: number; body: unknown }) => `→ ${res.status} ${JSON.stringify(res.body)}`;

  before(async () => {
    server = await startTestApp();
    // Signed in after the clock is set, so tokens are valid at the app's time.
    server.clock.advance(START - server.clock.now());
    ({ admin } = await createTestTenant(server, 'acme'));
  });
  after(() => server.close());

  test('create, list, get, replace and delete; each change is in the audit log with before and after', async () => {
    const created = await call(
      server,
      admin,
      'POST',
      '/calendars',
      calendarBody({
        weekly: { friday: hours('13:00', '17:00').concat(hours('08:00', '12:00')) },
        holidays: [{ date: '2026-12-26' }, { date: '2026-12-25', name: ' Christmas Day ' }],
        customDays: [{ date: '2026-12-24', intervals: hours('09:00', '12:00') }],
      }),
    );
    assert.equal(created.status, 201, show(created));
    const { id, createdAt, updatedAt, ...calendar } = created.body;
    assert.deepEqual(calendar, {
      name: 'Berlin office',
      timeZone: 'Europe/Berlin',
      mode: 'custom',
      // Normalized: every weekday, intervals and dates in order, names trimmed.
      weekly: { ...closedWeek, friday: [...hours('08:00', '12:00'), ...hours('13:00', '17:00')] },
      holidays: [{ date: '2026-12-25', name: 'Christmas Day' }, { date: '2026-12-26' }],
      customDays: [{ date: '2026-12-24', intervals: hours('09:00', '12:00') }],
    });
    assert.equal(createdAt, updatedAt);

    assert.deepEqual((await call(server, admin, 'GET', `/calendars/${id}`)).body, created.body);
    const listed = await call(server, admin, 'GET', '/calendars');
    assert.deepEqual(
      listed.body.find((c: { id: string }) => c.id === id),
      created.body,
    );

    const replaced = await call(
      server,
      admin,
      'PUT',
      `/calendars/${id}`,
      calendarBody({ name: 'Tokyo', timeZone: 'asia/tokyo', mode: '24x7', weekly: undefined }),
    );
    assert.equal(replaced.status, 200, show(replaced));
    assert.equal(replaced.body.name, 'Tokyo');
    assert.equal(replaced.body.timeZone, 'Asia/Tokyo', 'the zone name is made canonical');
    assert.deepEqual(replaced.body.holidays, [], 'a replace drops what the body leaves out');
    assert.deepEqual(replaced.body.weekly.friday, []);
    assert.equal(replaced.body.createdAt, createdAt);

    const deleted = await call(server, admin, 'DELETE', `/calendars/${id}`);
    assert.equal(deleted.status, 204, show(deleted));
    assert.equal((await call(server, admin, 'GET', `/calendars/${id}`)).status, 404);
    assert.equal((await call(server, admin, 'DELETE', `/calendars/${id}`)).status, 404);
    assert.equal((await call(server, admin, 'PUT', `/calendars/${id}`, calendarBody())).status, 404);

    const audit = await call(server, admin, 'GET', '/audit-log?entityType=calendar');
    const entries = audit.body.filter((entry: { entityId: string }) => entry.entityId === id);
    assert.deepEqual(
      entries.map((entry: { action: string }) => entry.action),
      ['delete', 'update', 'create'],
    );
    const [removal, update, creation] = entries;
    assert.deepEqual(creation.before, null);
    assert.deepEqual(creation.after, created.body);
    assert.deepEqual(update.before, created.body);
    assert.deepEqual(update.after, replaced.body);
    assert.deepEqual(removal.before, replaced.body);
    assert.deepEqual(removal.after, null);
  });

  test('refusals are 400 validation_failed naming the field, and store nothing', async () => {
    const { id } = await buildCalendar(server, admin);
    const before = (await call(server, admin, 'GET', '/calendars')).body;
    const monday = (intervals: unknown) => ({ weekly: { monday: intervals } });
    const cases: [string, Record<string, unknown>, RegExp][] = [
      [
        'unknown time zone',
        { timeZone: 'Mars/Olympus_Mons' },
        /^Time zone Mars\/Olympus_Mons is not a known IANA time zone/,
      ],
      [
        'overlapping intervals',
        monday([...hours('09:00', '12:00'), ...hours('11:30', '14:00')]),
        /^Monday: the hours 09:00–12:00 and 11:30–14:00 overlap\./,
      ],
      [
        'interval ends before it starts',
        monday(hours('17:00', '09:00')),
        /^Monday: the end 09:00 is before the start 17:00\./,
      ],
      ['time out of range', monday(hours('09:00', '24:30')), /^Monday: the end 24:30 must be a time/],
      ['unreal holiday', { holidays: [{ date: '2026-02-30' }] }, /^Holiday 1: 2026-02-30 is not a real date/],
      [
        'unreal custom day',
        { customDays: [{ date: '2026-13-01', intervals: [] }] },
        /^Custom day 1: 2026-13-01 is not a real date/,
      ],
      [
        'a date listed twice',
        { holidays: [{ date: '2026-05-01' }, { date: '2026-05-01', name: 'May Day' }] },
        /^Holidays: 2026-05-01 is listed more than once/,
      ],
      ['custom hours without weekly hours', { weekly: undefined }, /^Weekly hours must be an object/],
      [
        'too many intervals in a day',
        monday(Array.from({ length: 11 }, (_, i) => ({ start: `${10 + i}:00`, end: `${10 + i}:30` }))),
        /^Monday \(weekly\) may have at most 10 entries\./,
      ],
      [
        'time not HH:MM',
        monday(hours('9:00', '17:00')),
        /^Start \(weekly monday 1\) must be written as: Local wall time 'HH:MM'/,
      ],
      ['unknown weekday', { weekly: { munday: OFFICE } }, /^“munday” is not a known field; remove it\./],
      ['unknown mode', { mode: 'sometimes' }, /^Mode must be one of: 24x7, custom\./],
      [
        'name too long',
        { name: 'x'.repeat(LIMITS.calendarName.max + 1) },
        /^Name must be at most 100 characters\./,
      ],
      ['blank name', { name: ' ' }, /^Name must not be blank/],
    ];
    for (const [why, overrides, message] of cases) {
      for (const [method, url] of [
        ['POST', '/calendars'],
        ['PUT', `/calendars/${id}`],
      ] as const) {
        const res = await call(server, admin, method, url, calendarBody({ name: 'Refused', ...overrides }));
        assert.equal(res.status, 400, `${why}: ${method} ${show(res)}`);
        assert.equal(res.body.error.code, 'validation_failed', why);
        assert.match(res.body.error.message, message, why);
      }
    }
    assert.deepEqual((await call(server, admin, 'GET', '/calendars')).body, before);
  });

  test('names are unique per tenant: a taken one is 409 conflict on create and on rename', async () => {
    const taken = await buildCalendar(server, admin, { name: 'Support hours' });
    const other = await buildCalendar(server, admin);
    for (const [method, url] of [
      ['POST', '/calendars'],
      ['PUT', `/calendars/${other.id}`],
    ] as const) {
      const res = await call(server, admin, method, url, calendarBody({ name: taken.name }));
      assert.equal(res.status, 409, show(res));
      assert.equal(res.body.error.code, 'conflict');
      assert.match(res.body.error.message, /^Another calendar already has this name/);
    }
    const kept = await call(
      server,
      admin,
      'PUT',
      `/calendars/${taken.id}`,
      calendarBody({ name: taken.name }),
    );
    assert.equal(kept.status, 200, `keeping its own name is no conflict ${show(kept)}`);
    const { admin: elsewhere } = await createTestTenant(server, 'globex');
    await buildCalendar(server, elsewhere, { name: taken.name });
  });

  test(`a tenant holds at most ${LIMITS.calendarsPerTenant.max} calendars`, async () => {
    const { admin: busy } = await createTestTenant(server, 'initech');
    const ids = [];
    for (let i = 0; i < LIMITS.calendarsPerTenant.max; i++) ids.push((await buildCalendar(server, busy)).id);
    const refused = await call(server, busy, 'POST', '/calendars', calendarBody({ name: 'One too many' }));
    assert.equal(refused.status, 409, show(refused));
    assert.equal(refused.body.error.code, 'conflict');
    assert.match(refused.body.error.message, /at most 100 calendars/);
    assert.equal((await call(server, busy, 'DELETE', `/calendars/${ids[0]}`)).status, 204);
    await buildCalendar(server, busy, { name: 'One too many' });
  });

  describe('state', () => {
    let office: string;
    const stateAt = async (id: string, at?: string) => {
      const res = await call(server, admin, 'GET', `/calendars/${id}/state${at ? `?at=${at}` : ''}`);
      assert.equal(res.status, 200, show(res));
      return res.body;
    };

    before(async () => {
      office = (
        await buildCalendar(server, admin, {
          name: 'Berlin office with Christmas',
          holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
          customDays: [{ date: '2026-12-24', intervals: hours('09:00', '12:00') }],
        })
      ).id;
    });

    test('weekday hours in Europe/Berlin move with the clocks: 17:00 CET closes, 09:00 CEST opens', async () => {
      assert.deepEqual(await stateAt(office, '2026-03-27T08:00:00Z'), {
        open: true,
        reason: 'hours',
        nextChange: '2026-03-27T16:00:00.000Z',
      });
      assert.deepEqual(await stateAt(office, '2026-03-27T16:00:00Z'), {
        open: false,
        reason: 'closed',
        nextChange: '2026-03-30T07:00:00.000Z',
      });
      assert.deepEqual(await stateAt(office, '2026-03-30T07:00:00Z'), {
        open: true,
        reason: 'hours',
        nextChange: '2026-03-30T15:00:00.000Z',
      });
      // …and back in October: Friday closes at 15:00 UTC, Monday opens at 08:00 UTC.
      assert.equal((await stateAt(office, '2026-10-23T14:59:59Z')).nextChange, '2026-10-23T15:00:00.000Z');
      assert.equal((await stateAt(office, '2026-10-23T15:00:00Z')).nextChange, '2026-10-26T08:00:00.000Z');
      assert.deepEqual(
        await stateAt(office, '2026-03-27T17:30:00%2B01:00'),
        await stateAt(office, '2026-03-27T16:30:00Z'),
        'an instant may carry any offset',
      );
    });

    test('a holiday closes the day and is named; a custom day replaces the weekly hours', async () => {
      assert.deepEqual(await stateAt(office, '2026-12-24T10:30:00Z'), {
        open: true,
        reason: 'hours',
        nextChange: '2026-12-24T11:00:00.000Z',
      });
      assert.deepEqual(await stateAt(office, '2026-12-24T11:00:00Z'), {
        open: false,
        reason: 'closed',
        nextChange: '2026-12-28T08:00:00.000Z',
      });
      assert.deepEqual(await stateAt(office, '2026-12-25T10:00:00Z'), {
        open: false,
        reason: 'holiday',
        holidayName: 'Christmas Day',
        nextChange: '2026-12-28T08:00:00.000Z',
      });
    });

    test('without `at` the answer is for now on the app clock', async () => {
      assert.deepEqual(await stateAt(office), {
        open: true,
        reason: 'hours',
        nextChange: '2026-03-27T16:00:00.000Z',
      });
      server.clock.advance(60_000);
      assert.deepEqual(await stateAt(office), {
        open: false,
        reason: 'closed',
        nextChange: '2026-03-30T07:00:00.000Z',
      });
    });

    test('a 24x7 calendar is open and stays open, holidays or not', async () => {
      const always = await buildCalendar(server, admin, {
        mode: '24x7',
        holidays: [{ date: '2026-12-25' }],
      });
      assert.deepEqual(await stateAt(always.id, '2026-12-25T10:00:00Z'), {
        open: true,
        reason: '24x7',
        nextChange: null,
      });
    });

    test('every signed-in role may ask; a bad instant is 400 and an unknown calendar 404', async () => {
      const { session: agent } = await signInAs(server, admin, 'agent');
      assert.equal((await call(server, agent, 'GET', `/calendars/${office}/state`)).status, 200);
      assert.equal((await call(server, agent, 'GET', `/calendars/${office}`)).status, 200);
      const refused = await call(server, agent, 'PUT', `/calendars/${office}`, calendarBody());
      assert.equal(refused.status, 403, show(refused));
      const bad = ['yesterday', '2026-03-29T12:00:00', '2026-12-31T23:59:60Z', '1899-12-31T23:59:59Z'];
      for (const at of bad) {
        const res = await call(server, admin, 'GET', `/calendars/${office}/state?at=${at}`);
        assert.equal(res.status, 400, `${at} ${show(res)}`);
        assert.match(res.body.error.message, /\bat\b/i, at);
      }
      assert.deepEqual(
        await stateAt(office, '9999-12-31T20:00:00Z'),
        { open: false, reason: 'closed', nextChange: null },
        'Friday night in 9999: the Monday after has no RFC 3339 form',
      );
      const missing = await call(server, admin, 'GET', `/calendars/${crypto.randomUUID()}/state`);
      assert.equal(missing.status, 404, show(missing));
      assert.equal(missing.body.error.message, 'Calendar was not found.');
    });
  });
});
