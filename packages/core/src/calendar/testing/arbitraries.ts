import fc from 'fast-check';
import { type Calendar, type TimeInterval, WEEKDAYS } from '../calendar.ts';
import { validateCalendar } from '../validate.ts';

/** fast-check arbitraries for calendars, for property tests of anything that reads a calendar. */

export const DAY_MS = 86_400_000;

/** A day's hours as [from, to) minute pairs: sorted, disjoint, sometimes touching, '24:00' possible. */
export type DayHours = [number, number][];

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const dayHours: fc.Arbitrary<DayHours> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 8 }),
    fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  )
  .map(([points, touch]) => {
    const sorted = [...points].sort((a, b) => a - b);
    const ranges: DayHours = [];
    // Stepping by one reuses an end as the next start, which makes touching intervals.
    for (let i = 0; i + 1 < sorted.length; i += touch[i] ? 1 : 2) ranges.push([sorted[i]!, sorted[i + 1]!]);
    return ranges;
  });

export const weekHours: fc.Arbitrary<DayHours[]> = fc.array(dayHours, { minLength: 7, maxLength: 7 });

export const asIntervals = (ranges: DayHours): TimeInterval[] =>
  ranges.map(([from, to]) => ({ start: clock(from), end: clock(to) }));

export const weeklyOf = (week: DayHours[]): Record<string, TimeInterval[]> =>
  Object.fromEntries(WEEKDAYS.map((day, i) => [day, asIntervals(week[i] ?? [])]));

/** DST days of 2026 in ZONES (Berlin, New York, Lord Howe, Santiago). */
export const DST_DAYS = [
  '2026-03-08',
  '2026-03-29',
  '2026-04-05',
  '2026-09-06',
  '2026-10-04',
  '2026-10-25',
  '2026-11-01',
];

/** Zones with whole-hour, half-hour (Lord Howe) and midnight (Santiago) DST shifts, and none. */
export const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'UTC',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Asia/Kolkata',
];

export const localDay: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...DST_DAYS),
  fc
    .integer({ min: 0, max: 400 })
    .map((offset) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10)),
);

/** An instant in 2026, half of the time within a day or two of a DST change. */
export const instant: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 1, 1) }),
  fc
    .tuple(fc.constantFrom(...DST_DAYS), fc.integer({ min: -DAY_MS, max: 2 * DAY_MS }))
    .map(([day, ms]) => Date.parse(day) + ms),
);

/** A valid custom calendar in one of ZONES with random weekly hours, holidays and custom days. */
export const anyCalendar: fc.Arbitrary<Calendar> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    week: weekHours,
    holidays: fc.uniqueArray(localDay, { maxLength: 6 }),
    custom: fc.uniqueArray(fc.tuple(localDay, dayHours), { maxLength: 6, selector: ([day]) => day }),
  })
  .map(({ timeZone, week, holidays, custom }) =>
    validateCalendar({
      timeZone,
      mode: 'custom',
      weekly: weeklyOf(week),
      holidays,
      customDays: custom.map(([date, ranges]) => ({ date, intervals: asIntervals(ranges) })),
    }),
  );
