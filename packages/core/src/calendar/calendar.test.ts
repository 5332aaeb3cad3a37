import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { SwitchboardError } from '../errors.ts';
import { type Calendar, isOpen, openState, type TimeInterval, validateCalendar, WEEKDAYS } from './index.ts';
import { anyCalendar, DAY_MS, instant, localDay, weekHours, weeklyOf, ZONES } from './testing/arbitraries.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const interval = (start: string, end: string): TimeInterval => ({ start, end });
const hours = (start: string, end: string): TimeInterval[] => [interval(start, end)];
const officeHours = Object.fromEntries(
  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => [day, hours('09:00', '17:00')]),
);
const buildCalendar = (overrides: Record<string, unknown> = {}): Calendar =>
  validateCalendar({ timeZone: 'Europe/Berlin', mode: 'custom', weekly: officeHours, ...overrides });

/** openState with the instant shown as ISO text, so failures read like the spec. */
const stateAt = (calendar: Calendar, when: string) => {
  const state = openState(calendar, at(when));
  assert.equal(isOpen(calendar, at(when)), state.open, 'isOpen and openState agree');
  return { ...state, nextChangeMs: iso(state.nextChangeMs) };
};

describe('weekly hours', () => {
  test('Europe/Berlin office hours follow CET in winter and CEST in summer', () => {
    const calendar = buildCalendar();
    assert.deepEqual(stateAt(calendar, '2026-01-05T07:59:59.999Z'), {
      open: false,
      reason: 'closed',
      nextChangeMs: '2026-01-05T08:00:00.000Z',
    });
    assert.deepEqual(stateAt(calendar, '2026-01-05T08:00:00Z'), {
      open: true,
      reason: 'hours',
      nextChangeMs: '2026-01-05T16:00:00.000Z',
    });
    assert.equal(stateAt(calendar, '2026-01-09T16:00:00Z').nextChangeMs, '2026-01-12T08:00:00.000Z');
    assert.equal(stateAt(calendar, '2026-07-06T06:30:00Z').nextChangeMs, '2026-07-06T07:00:00.000Z');
  });

  test('America/New_York office hours', () => {
    const calendar = buildCalendar({ timeZone: 'America/New_York' });
    assert.equal(stateAt(calendar, '2026-01-05T13:59:00Z').open, false);
    assert.deepEqual(stateAt(calendar, '2026-01-05T14:00:00Z'), {
      open: true,
      reason: 'hours',
      nextChangeMs: '2026-01-05T22:00:00.000Z',
    });
    assert.equal(stateAt(calendar, '2026-07-10T21:00:00Z').nextChangeMs, '2026-07-13T13:00:00.000Z');
  });

  test("'24:00' ends the day and joins the next day's 00:00 into one open stretch", () => {
    const calendar = buildCalendar({
      timeZone: 'UTC',
      weekly: {
        friday: hours('18:00', '24:00'),
        saturday: hours('00:00', '06:00'),
        sunday: hours('20:00', '24:00'),
      },
    });
    assert.equal(stateAt(calendar, '2026-01-09T20:00:00Z').nextChangeMs, '2026-01-10T06:00:00.000Z');
    assert.equal(stateAt(calendar, '2026-01-11T23:59:59.999Z').nextChangeMs, '2026-01-12T00:00:00.000Z');
    assert.equal(isOpen(calendar, at('2026-01-12T00:00:00Z')), false);
  });

  test('a calendar with no hours is closed and never changes', () => {
    assert.deepEqual(stateAt(buildCalendar({ weekly: {} }), '2026-01-05T12:00:00Z'), {
      open: false,
      reason: 'closed',
      nextChangeMs: null,
    });
  });
});

describe('holidays and custom days', () => {
  const christmas = { date: '2026-12-25', name: 'Christmas Day' };

  test('a holiday closes the day and names itself', () => {
    const calendar = buildCalendar({ holidays: [christmas, '2026-12-28'] });
    assert.deepEqual(stateAt(calendar, '2026-12-25T10:00:00Z'), {
      open: false,
      reason: 'holiday',
      holidayName: 'Christmas Day',
      nextChangeMs: '2026-12-29T08:00:00.000Z',
    });
    assert.deepEqual(stateAt(calendar, '2026-12-28T10:00:00Z'), {
      open: false,
      reason: 'holiday',
      nextChangeMs: '2026-12-29T08:00:00.000Z',
    });
  });

  test('a custom business day opens a Saturday', () => {
    const calendar = buildCalendar({
      customDays: [{ date: '2026-01-10', intervals: hours('10:00', '14:00') }],
    });
    assert.equal(stateAt(calendar, '2026-01-09T17:00:00Z').nextChangeMs, '2026-01-10T09:00:00.000Z');
    assert.deepEqual(stateAt(calendar, '2026-01-10T09:30:00Z'), {
      open: true,
      reason: 'hours',
      nextChangeMs: '2026-01-10T13:00:00.000Z',
    });
    assert.equal(stateAt(calendar, '2026-01-10T13:00:00Z').nextChangeMs, '2026-01-12T08:00:00.000Z');
  });

  test('a custom day wins over a holiday on the same date; one without intervals closes the day', () => {
    const calendar = buildCalendar({
      holidays: [{ date: '2026-12-24', name: 'Christmas Eve' }],
      customDays: [
        { date: '2026-12-24', intervals: hours('09:00', '12:00') },
        { date: '2026-12-23', intervals: [] },
      ],
    });
    assert.equal(stateAt(calendar, '2026-12-23T10:00:00Z').reason, 'closed');
    assert.deepEqual(stateAt(calendar, '2026-12-24T10:00:00Z'), {
      open: true,
      reason: 'hours',
      nextChangeMs: '2026-12-24T11:00:00.000Z',
    });
    assert.equal(stateAt(calendar, '2026-12-24T12:00:00Z').reason, 'closed');
  });
});

describe('daylight saving time', () => {
  const sundays = (timeZone: string, sunday: TimeInterval[]) =>
    buildCalendar({ timeZone, weekly: { sunday } });

  test('Europe/Berlin 2026-03-29: 23-hour day, a boundary in the gap moves to 03:00 CEST', () => {
    const wholeDay = sundays('Europe/Berlin', hours('00:00', '24:00'));
    assert.equal(stateAt(wholeDay, '2026-03-28T12:00:00Z').nextChangeMs, '2026-03-28T23:00:00.000Z');
    assert.equal(stateAt(wholeDay, '2026-03-28T23:00:00Z').nextChangeMs, '2026-03-29T22:00:00.000Z');
    const inGap = sundays('Europe/Berlin', [
      { start: '01:00', end: '02:15' },
      { start: '02:45', end: '04:00' },
    ]);
    assert.equal(stateAt(inGap, '2026-03-29T00:00:00Z').nextChangeMs, '2026-03-29T02:00:00.000Z');
    const opensInGap = sundays('Europe/Berlin', hours('02:30', '08:00'));
    assert.equal(stateAt(opensInGap, '2026-03-28T12:00:00Z').nextChangeMs, '2026-03-29T01:00:00.000Z');
    assert.equal(stateAt(opensInGap, '2026-03-29T01:00:00Z').nextChangeMs, '2026-03-29T06:00:00.000Z');
    assert.equal(
      stateAt(sundays('Europe/Berlin', hours('02:10', '02:50')), '2026-03-28T12:00:00Z').nextChangeMs,
      '2026-04-05T00:10:00.000Z',
      'an interval wholly inside the gap is never open that day',
    );
  });

  test('Europe/Berlin 2026-10-25: 25-hour day, a repeated time means its first occurrence', () => {
    const wholeDay = sundays('Europe/Berlin', hours('00:00', '24:00'));
    assert.equal(stateAt(wholeDay, '2026-10-24T22:00:00Z').nextChangeMs, '2026-10-25T23:00:00.000Z');
    const repeated = sundays('Europe/Berlin', hours('02:30', '04:00'));
    assert.equal(stateAt(repeated, '2026-10-24T12:00:00Z').nextChangeMs, '2026-10-25T00:30:00.000Z');
    assert.equal(stateAt(repeated, '2026-10-25T00:30:00Z').nextChangeMs, '2026-10-25T03:00:00.000Z');
  });

  test('America/New_York 2026-03-08: 02:00–03:00 does not exist', () => {
    const calendar = sundays('America/New_York', hours('01:00', '03:30'));
    assert.equal(stateAt(calendar, '2026-03-07T12:00:00Z').nextChangeMs, '2026-03-08T06:00:00.000Z');
    assert.equal(stateAt(calendar, '2026-03-08T06:00:00Z').nextChangeMs, '2026-03-08T07:30:00.000Z');
    const closesInGap = sundays('America/New_York', hours('00:30', '02:30'));
    assert.equal(stateAt(closesInGap, '2026-03-08T06:00:00Z').nextChangeMs, '2026-03-08T07:00:00.000Z');
  });

  test('America/New_York 2026-11-01: 01:00–02:00 happens twice', () => {
    const opens = sundays('America/New_York', hours('01:30', '09:00'));
    assert.equal(stateAt(opens, '2026-10-31T12:00:00Z').nextChangeMs, '2026-11-01T05:30:00.000Z');
    assert.equal(stateAt(opens, '2026-11-01T05:30:00Z').nextChangeMs, '2026-11-01T14:00:00.000Z');
    const closes = sundays('America/New_York', hours('00:00', '01:30'));
    assert.equal(stateAt(closes, '2026-11-01T04:00:00Z').nextChangeMs, '2026-11-01T05:30:00.000Z');
    assert.equal(
      isOpen(closes, at('2026-11-01T06:15:00Z')),
      false,
      'the second 01:15 (EST) is after the close',
    );
  });
});

describe('validateCalendar', () => {
  const refusal = (input: Record<string, unknown>, field: string) => {
    assert.throws(
      () => buildCalendar(input),
      (error) =>
        error instanceof SwitchboardError &&
        error.code === 'validation_failed' &&
        (error.details as { field: string }).field === field &&
        (error.details as { path: string }).path === `body/${field}` &&
        /^[A-Z0-9].*\.$/.test(error.message),
    );
  };
  const day = (intervals: unknown) => ({ weekly: { monday: intervals } });
  const dates = (count: number) =>
    Array.from({ length: count }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));

  test('normalizes: canonical zone, seven sorted weekdays, sorted dates, trimmed names', () => {
    const calendar = validateCalendar({
      timeZone: 'utc',
      mode: 'custom',
      weekly: { monday: [interval('13:00', '17:00'), interval('08:00', '12:00')] },
      holidays: ['2026-12-26', { date: '2026-12-25', name: ' Christmas ' }],
    });
    assert.equal(calendar.timeZone, 'UTC');
    assert.deepEqual(Object.keys(calendar.weekly), [...WEEKDAYS]);
    assert.deepEqual(
      calendar.weekly.monday.map((i) => i.start),
      ['08:00', '13:00'],
    );
    assert.deepEqual(calendar.holidays, [{ date: '2026-12-25', name: 'Christmas' }, { date: '2026-12-26' }]);
    assert.deepEqual(validateCalendar({ timeZone: 'Asia/Tokyo', mode: '24x7' }).customDays, []);
  });

  test('refuses bad input, naming the field', () => {
    refusal({ timeZone: 'Mars/Olympus_Mons' }, 'timeZone');
    refusal({ timeZone: '' }, 'timeZone');
    refusal({ mode: 'sometimes' }, 'mode');
    refusal({ weekly: undefined }, 'weekly');
    refusal({ weekly: { munday: [] } }, 'weekly/munday');
    refusal(day([{ start: '9:00', end: '17:00' }]), 'weekly/monday/0/start');
    refusal(day([{ start: '24:00', end: '24:00' }]), 'weekly/monday/0/start');
    refusal(day([{ start: '09:00', end: '24:01' }]), 'weekly/monday/0/end');
    refusal(day([{ start: '09:00', end: '09:60' }]), 'weekly/monday/0/end');
    refusal(day([{ start: '17:00', end: '09:00' }]), 'weekly/monday/0');
    refusal(day([interval('09:00', '12:00'), interval('11:59', '13:00')]), 'weekly/monday');
    refusal(
      day(Array.from({ length: 11 }, (_, i) => interval(`0${i % 10}:00`, `0${i % 10}:30`))),
      'weekly/monday',
    );
    refusal({ holidays: ['2026-02-30'] }, 'holidays/0');
    refusal({ holidays: [{ date: '2026-1-5' }] }, 'holidays/0/date');
    refusal({ holidays: ['2026-05-01', { date: '2026-05-01' }] }, 'holidays');
    refusal({ holidays: dates(367) }, 'holidays');
    refusal(
      {
        customDays: [
          { date: '2026-05-01', intervals: [] },
          { date: '2026-05-01', intervals: [] },
        ],
      },
      'customDays',
    );
    refusal({ customDays: dates(367).map((date) => ({ date, intervals: [] })) }, 'customDays');
    refusal(
      { customDays: [{ date: '2026-05-02', intervals: [{ start: '10:00' }] }] },
      'customDays/0/intervals/0/end',
    );
    assert.equal(buildCalendar({ holidays: dates(366) }).holidays.length, 366);
  });

  test('a refusal names the day or date at fault in plain words', () => {
    const message = (input: Record<string, unknown>) => {
      try {
        buildCalendar(input);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    assert.equal(
      message({ weekly: { tuesday: [interval('09:00', '08:00')] } }),
      'Tuesday: the end 08:00 is before the start 09:00.',
    );
    assert.equal(
      message(day([interval('09:00', '12:00'), interval('11:30', '14:00')])),
      'Monday: the hours 09:00–12:00 and 11:30–14:00 overlap.',
    );
    assert.equal(
      message({ weekly: { friday: [interval('9:00', '17:00')] } }),
      'Friday: the start 9:00 must be a time from 00:00 to 23:59.',
    );
    assert.equal(
      message({ holidays: ['2026-12-25', '2026-02-30'] }),
      'Holiday 2: 2026-02-30 is not a real date written YYYY-MM-DD.',
    );
    assert.equal(
      message({ customDays: [{ date: '2026-12-24', intervals: [interval('13:00', '13:00')] }] }),
      'Custom day 2026-12-24: the end 13:00 is the same as the start 13:00.',
    );
    assert.equal(
      message({ holidays: ['2026-05-01', '2026-05-01'] }),
      'Holidays: 2026-05-01 is listed more than once.',
    );
  });

  test('refuses an instant that is not a finite number', () => {
    assert.throws(() => isOpen(buildCalendar(), Number.NaN), SwitchboardError);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties

describe('properties', () => {
  test('the state holds on [t, nextChangeMs) and flips at nextChangeMs', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        instant,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        (calendar, t, samples) => {
          const state = openState(calendar, t);
          assert.equal(isOpen(calendar, t), state.open);
          const until = state.nextChangeMs ?? t + 365 * DAY_MS;
          assert.ok(until > t);
          for (const fraction of samples) {
            assert.equal(isOpen(calendar, t + Math.floor(fraction * (until - t - 1))), state.open);
          }
          if (state.nextChangeMs !== null) {
            assert.equal(isOpen(calendar, state.nextChangeMs - 1), state.open);
            assert.equal(isOpen(calendar, state.nextChangeMs), !state.open);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  test('a 24x7 calendar is always open and never changes, holidays or not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.uniqueArray(localDay, { maxLength: 5 }),
        instant,
        (timeZone, holidays, t) => {
          const calendar = validateCalendar({ timeZone, mode: '24x7', holidays });
          assert.equal(isOpen(calendar, t), true);
          assert.deepEqual(openState(calendar, t), { open: true, reason: '24x7', nextChangeMs: null });
        },
      ),
    );
  });

  test('in UTC, isOpen matches the weekday and minute of the instant', () => {
    fc.assert(
      fc.property(weekHours, instant, (week, t) => {
        const calendar = validateCalendar({ timeZone: 'UTC', mode: 'custom', weekly: weeklyOf(week) });
        const date = new Date(t);
        const minute = date.getUTCHours() * 60 + date.getUTCMinutes();
        const today = week[(date.getUTCDay() + 6) % 7]!;
        assert.equal(
          isOpen(calendar, t),
          today.some(([from, to]) => from <= minute && minute < to),
        );
      }),
      { numRuns: 300 },
    );
  });
});
