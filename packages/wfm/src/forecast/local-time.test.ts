import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  DAY_MS,
  dateOfDay,
  dayOfDate,
  existingSlots,
  localClock,
  wallSlotOccurrences,
  weekdayOf,
} from './local-time.ts';

test('weekdays count from Monday', () => {
  assert.equal(weekdayOf(dayOfDate('2003-03-03')), 0);
  assert.equal(weekdayOf(dayOfDate('1970-01-01')), 3);
  assert.equal(weekdayOf(dayOfDate('1969-12-28')), 6);
});

test('property: dates and day numbers convert both ways', () => {
  fc.assert(
    fc.property(fc.integer({ min: -20_000, max: 40_000 }), (day) => {
      assert.equal(dayOfDate(dateOfDay(day)), day);
    }),
  );
});

test('a malformed date or an unknown zone is a validation error', () => {
  for (const date of ['2003-02-30', '2003-2-3', 'yesterday']) {
    assert.throws(() => dayOfDate(date), { code: 'validation_failed' });
  }
  assert.throws(() => localClock('Mars/Olympus'), { code: 'validation_failed' });
});

test('09:00 in New York is the same wall slot before and after clocks change', () => {
  const clock = localClock('America/New_York');
  // 2026-03-08: clocks spring forward; 09:00 is 14:00 UTC before, 13:00 UTC after.
  assert.deepEqual(clock.toLocal(Date.UTC(2026, 2, 6, 14)), {
    day: dayOfDate('2026-03-06'),
    minuteOfDay: 540,
  });
  assert.deepEqual(clock.toLocal(Date.UTC(2026, 2, 9, 13)), {
    day: dayOfDate('2026-03-09'),
    minuteOfDay: 540,
  });
});

test('the spring-forward day lacks an hour; the fall-back day repeats one', () => {
  const clock = localClock('America/New_York');
  const spring = existingSlots(clock, dayOfDate('2026-03-08'), 15);
  assert.equal(
    spring.reduce((sum, x) => sum + x, 0),
    92,
  );
  assert.equal(spring[2 * 4], 0); // 02:00 never happens
  assert.equal(
    existingSlots(clock, dayOfDate('2026-03-09'), 15).reduce((sum, x) => sum + x, 0),
    96,
  );
  // 2026-11-01: 01:30 EDT (05:30 UTC) and 01:30 EST (06:30 UTC) share a slot; 03:00 EST does not.
  assert.equal(wallSlotOccurrences(clock, Date.UTC(2026, 10, 1, 5, 30), 15), 2);
  assert.equal(wallSlotOccurrences(clock, Date.UTC(2026, 10, 1, 6, 30), 15), 2);
  assert.equal(wallSlotOccurrences(clock, Date.UTC(2026, 10, 1, 8), 15), 1);
  assert.equal(wallSlotOccurrences(localClock('UTC'), 5 * DAY_MS, 5), 1);
});
