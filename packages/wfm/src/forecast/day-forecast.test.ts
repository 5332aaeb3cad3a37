import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSeries, type WallSlot } from '../testing/forecast-series.ts';
import { forecastDay } from './day-forecast.ts';
import { buildForecastHistory } from './history.ts';
import { dayOfDate } from './local-time.ts';
import { seasonalNaive, standardMethods, weekdayMean } from './methods.ts';
import type { SpecialDay, WeeklyHours } from './types.ts';

const FIRST_MONDAY = '2026-01-05';
const TARGET_MONDAY = dayOfDate(FIRST_MONDAY) + 35;
const history = (
  volume: (at: WallSlot) => number | null,
  options: { specialDays?: SpecialDay[]; ahtSeconds?: (at: WallSlot) => number | undefined } = {},
) =>
  buildForecastHistory({
    history: buildSeries({ from: FIRST_MONDAY, days: 35, volume, ahtSeconds: options.ahtSeconds }),
    specialDays: options.specialDays,
  });

test('a closed special day is forecast zero by every method', () => {
  const h = history(() => 10, { specialDays: [{ date: '2026-02-09', closed: true }] });
  for (const method of standardMethods()) {
    assert.ok(forecastDay(h, method, TARGET_MONDAY).volume.every((x) => x === 0));
  }
});

test('an open special day with a factor is the normal forecast times the factor', () => {
  const h = history(() => 10, { specialDays: [{ date: '2026-02-09', factor: 1.5 }] });
  assert.ok(forecastDay(h, seasonalNaive(), TARGET_MONDAY).volume.every((x) => x === 15));
});

test('without a factor, a special day scales like the past open special days did', () => {
  // The Monday of week 3 ran at 60 % of the Mondays before it; the target Monday is special too.
  const h = history(({ week, weekday }) => (week === 3 && weekday === 0 ? 6 : 10), {
    specialDays: [{ date: '2026-01-26' }, { date: '2026-02-09' }],
  });
  const volume = forecastDay(h, seasonalNaive(), TARGET_MONDAY).volume;
  assert.ok(
    volume.every((x) => Math.abs(x - 6) < 1e-9),
    `${volume}`,
  );
  // With no open special day to learn from, the factor is 1.
  const fresh = history(() => 10, { specialDays: [{ date: '2026-02-09' }] });
  assert.ok(forecastDay(fresh, seasonalNaive(), TARGET_MONDAY).volume.every((x) => x === 10));
});

test('closed hours are forecast zero, whatever the history held there', () => {
  const hours: WeeklyHours = {
    monday: [{ start: '08:00', end: '17:30' }],
    tuesday: [],
    wednesday: [],
    thursday: [],
    friday: [],
    saturday: [],
    sunday: [],
  };
  const h = buildForecastHistory({
    history: buildSeries({ from: FIRST_MONDAY, days: 35, volume: () => 4 }),
    openHours: hours,
  });
  const volume = [...forecastDay(h, weekdayMean(), TARGET_MONDAY).volume];
  assert.deepEqual(
    volume,
    volume.map((_, slot) => (slot >= 8 && slot <= 17 ? 4 : 0)),
  );
  assert.ok(forecastDay(h, weekdayMean(), TARGET_MONDAY + 1).volume.every((x) => x === 0));
});

test('handle time is the volume-weighted mean of the slot on recent same weekdays', () => {
  // Monday 09:00: volume 10 at 100 s in week 3, 30 at 200 s in week 4 ⇒ (1000 + 6000) / 40.
  const h = history(
    ({ week, weekday, slot }) => {
      if (weekday !== 0 || week < 3) return 0;
      if (slot === 9) return week === 3 ? 10 : 30;
      return slot === 10 ? 5 : 0;
    },
    { ahtSeconds: ({ week, slot }) => (slot === 9 ? (week === 3 ? 100 : 200) : 400) },
  );
  const aht = forecastDay(h, seasonalNaive(), TARGET_MONDAY).ahtSeconds;
  assert.ok(aht !== null);
  assert.equal(aht[9], 175);
  // 10:00 had volume at 400 s; 03:00 never had any, so it takes the days' weighted mean (7000 + 4000) / 50.
  assert.equal(aht[10], 400);
  assert.equal(aht[3], 220);
});

test('without any handle times in the history the handle time forecast is null', () => {
  assert.equal(
    forecastDay(
      history(() => 3),
      seasonalNaive(),
      TARGET_MONDAY,
    ).ahtSeconds,
    null,
  );
});
