import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { localDay, ZONES } from '../calendar/testing/arbitraries.ts';
import { type LocalDate, localDateAt } from '../calendar/zoned-time.ts';
import {
  dayBounds,
  INTERVAL_MINUTES,
  intervalAt,
  intervalsBetween,
  intervalsOfDay,
  localIso,
} from './intervals.ts';

const date = (text: string): LocalDate => {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};
const HOUR = 3_600_000;

describe('the intervals of a local day', () => {
  test('Europe/Berlin, spring forward on 2026-03-29: 92 quarter-hours, 02:00–02:45 never happen', () => {
    const day = intervalsOfDay('Europe/Berlin', date('2026-03-29'), 15);
    assert.equal(day.length, 92);
    const times = day.map((interval) => interval.localTime);
    assert.deepEqual(times.slice(6, 10), ['01:30', '01:45', '03:00', '03:15']);
    assert.ok(!times.some((time) => time.startsWith('02:')));
    // 01:45 CET (+01:00) is 00:45 UTC; the next quarter-hour, 03:00 CEST (+02:00), is 01:00 UTC
    assert.equal(localIso('Europe/Berlin', day[7]?.start as number), '2026-03-29T01:45:00+01:00');
    assert.equal(localIso('Europe/Berlin', day[8]?.start as number), '2026-03-29T03:00:00+02:00');
    assert.equal(day[8]?.start, Date.UTC(2026, 2, 29, 1, 0));
    assert.equal(intervalsOfDay('Europe/Berlin', date('2026-03-29'), 60).length, 23);
  });

  test('Europe/Berlin, fall back on 2026-10-25: 100 quarter-hours, 02:00–02:45 twice, told apart by offset', () => {
    const day = intervalsOfDay('Europe/Berlin', date('2026-10-25'), 15);
    assert.equal(day.length, 100);
    const twice = day.filter((interval) => interval.localTime === '02:15');
    assert.deepEqual(
      twice.map((interval) => [interval.offsetMinutes, new Date(interval.start).toISOString()]),
      [
        [120, '2026-10-25T00:15:00.000Z'],
        [60, '2026-10-25T01:15:00.000Z'],
      ],
    );
    assert.deepEqual(
      twice.map((interval) => localIso('Europe/Berlin', interval.start)),
      ['2026-10-25T02:15:00+02:00', '2026-10-25T02:15:00+01:00'],
    );
    assert.equal(intervalsOfDay('Europe/Berlin', date('2026-10-25'), 30).length, 50);
  });

  test('America/New_York: 92 quarter-hours on 2026-03-08, 100 on 2026-11-01', () => {
    assert.equal(intervalsOfDay('America/New_York', date('2026-03-08'), 15).length, 92);
    assert.equal(intervalsOfDay('America/New_York', date('2026-11-01'), 15).length, 100);
    assert.equal(intervalsOfDay('America/New_York', date('2026-11-02'), 15).length, 96);
  });

  test('intervalAt on a fall-back day finds the right one of the twin hours', () => {
    const first = intervalAt('Europe/Berlin', 15, Date.UTC(2026, 9, 25, 0, 20));
    const second = intervalAt('Europe/Berlin', 15, Date.UTC(2026, 9, 25, 1, 20));
    assert.deepEqual([first.localTime, first.offsetMinutes], ['02:15', 120]);
    assert.deepEqual([second.localTime, second.offsetMinutes], ['02:15', 60]);
  });

  test('intervalsBetween spans midnight into the next local day', () => {
    const from = Date.UTC(2026, 2, 2, 22, 30); // 23:30 in Berlin
    const intervals = intervalsBetween('Europe/Berlin', 15, from, from + HOUR);
    assert.deepEqual(
      intervals.map((interval) => `${interval.date.day} ${interval.localTime}`),
      ['2 23:30', '2 23:45', '3 00:00', '3 00:15'],
    );
  });
});

describe('the intervals of a local day, properties', () => {
  const day = fc.record({
    zone: fc.constantFrom(...ZONES, 'Asia/Kathmandu', 'Pacific/Chatham'),
    date: localDay.map(date),
    minutes: fc.constantFrom(...INTERVAL_MINUTES),
  });

  test('they cover the day exactly, with no gap or overlap, each beginning on its grid', () => {
    fc.assert(
      fc.property(day, ({ zone, date: local, minutes }) => {
        const intervals = intervalsOfDay(zone, local, minutes);
        const bounds = dayBounds(zone, local);
        assert.equal(intervals[0]?.start, bounds.start);
        assert.equal(intervals.at(-1)?.end, bounds.end);
        for (const [i, interval] of intervals.entries()) {
          assert.ok(interval.end > interval.start);
          if (i > 0) assert.equal(interval.start, intervals[i - 1]?.end);
          assert.deepEqual(localDateAt(zone, interval.start), local);
          const [hours, mins] = interval.localTime.split(':').map(Number) as [number, number];
          if (i > 0) assert.equal((hours * 60 + mins) % minutes, 0, interval.localTime);
        }
        // A day without a change has exactly 24 h of intervals.
        if (bounds.end - bounds.start === 24 * HOUR) assert.equal(intervals.length, (24 * 60) / minutes);
      }),
    );
  });

  test('intervalAt gives the interval of the day that holds the instant', () => {
    fc.assert(
      fc.property(day, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (d, share) => {
        const bounds = dayBounds(d.zone, d.date);
        const instant = bounds.start + Math.floor(share * (bounds.end - bounds.start));
        const found = intervalAt(d.zone, d.minutes, instant);
        const holding = intervalsOfDay(d.zone, d.date, d.minutes).find(
          (interval) => interval.start <= instant && instant < interval.end,
        );
        assert.deepEqual(found, holding);
      }),
    );
  });
});
