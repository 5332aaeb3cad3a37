import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildSeries, utcAt } from '../testing/forecast-series.ts';
import { rollingOriginBacktest } from './backtest.ts';
import { forecastIntervals } from './forecast.ts';
import { localClock } from './local-time.ts';
import { profileRegression, seasonalNaive, standardMethods } from './methods.ts';
import type { ForecastInput, IntervalSeries, SpecialDay, WeeklyHours } from './types.ts';

const HOUR = 3_600_000;
const pattern = (weekday: number, minuteOfDay: number) => 10 * (weekday + 1) + minuteOfDay / 15;

test('the horizon is consecutive intervals from the start, using only the history before it', () => {
  const series = buildSeries({ from: '2026-01-05', days: 28, volume: ({ week }) => 10 + week });
  const from = utcAt('2026-01-26');
  const forecast = forecastIntervals({ history: series }, seasonalNaive(), { from, intervals: 30 });
  assert.deepEqual(
    forecast.map((f) => f.start),
    Array.from({ length: 30 }, (_, k) => from + k * HOUR),
  );
  // The history holds week 3 (volume 13) from `from` on; the forecast must repeat week 2.
  assert.ok(forecast.every((f) => f.volume === 12 && f.ahtSeconds === null));
});

test('across the spring-forward night every instant gets the forecast of its wall-clock slot', () => {
  const timeZone = 'America/New_York';
  const history = buildSeries({
    from: '2026-02-07',
    days: 28,
    intervalMinutes: 15,
    timeZone,
    volume: ({ weekday, minuteOfDay }) => pattern(weekday, minuteOfDay),
  });
  const from = Date.UTC(2026, 2, 7, 5); // Saturday 2026-03-07 00:00 EST
  const forecast = forecastIntervals({ history }, seasonalNaive(), { from, intervals: 96 + 92 + 96 });
  const clock = localClock(timeZone);
  for (const { start, volume } of forecast) {
    const local = clock.toLocal(start);
    assert.equal(volume, pattern((local.day + 3) % 7, local.minuteOfDay));
  }
  assert.equal(clock.toLocal(forecast.at(-1)?.start ?? 0).minuteOfDay, 23 * 60 + 45);
});

test('the hour repeated when clocks fall back shares its slot forecast between both occurrences', () => {
  const timeZone = 'America/New_York';
  const history = buildSeries({
    from: '2026-10-03',
    days: 28,
    intervalMinutes: 15,
    timeZone,
    volume: ({ weekday, minuteOfDay }) => pattern(weekday, minuteOfDay),
  });
  const from = Date.UTC(2026, 10, 1, 4); // Sunday 2026-11-01 00:00 EDT; this day has 100 intervals
  const forecast = forecastIntervals({ history }, seasonalNaive(), { from, intervals: 100 });
  const oneThirty = forecast.filter(
    (f) => f.start === Date.UTC(2026, 10, 1, 5, 30) || f.start === Date.UTC(2026, 10, 1, 6, 30),
  );
  assert.deepEqual(
    oneThirty.map((f) => f.volume),
    [pattern(6, 90) / 2, pattern(6, 90) / 2],
  );
  const dayTotal = forecast.reduce((sum, f) => sum + f.volume, 0);
  const wallTotal = Array.from({ length: 96 }, (_, slot) => pattern(6, slot * 15)).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(dayTotal - wallTotal) < 1e-9);
});

test('a start off the grid or a bad horizon is a validation error', () => {
  const input = { history: buildSeries({ from: '2026-01-05', days: 7, volume: () => 1 }) };
  const method = seasonalNaive();
  assert.throws(
    () => forecastIntervals(input, method, { from: utcAt('2026-01-12') + 60_000, intervals: 1 }),
    {
      code: 'validation_failed',
    },
  );
  assert.throws(() => forecastIntervals(input, method, { from: utcAt('2026-01-12'), intervals: -1 }), {
    code: 'validation_failed',
  });
});

const openHoursArbitrary: fc.Arbitrary<WeeklyHours | undefined> = fc.option(
  fc
    .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 13, max: 24 }), fc.boolean())
    .map(([from, to, weekends]) => {
      const day = [
        { start: `${String(from).padStart(2, '0')}:00`, end: `${String(to).padStart(2, '0')}:00` },
      ];
      return {
        monday: day,
        tuesday: day,
        wednesday: day,
        thursday: day,
        friday: day,
        saturday: weekends ? day : [],
        sunday: [],
      };
    }),
  { nil: undefined },
);

test('property: gaps, closed hours, all-zero days and special days never give NaN or Infinity', () => {
  const cell = fc.option(fc.oneof(fc.constant(0), fc.nat({ max: 50 })), { freq: 3 });
  fc.assert(
    fc.property(
      fc.array(cell, { minLength: 24 * 7, maxLength: 24 * 7 }),
      fc.array(fc.integer({ min: 0, max: 27 }), { maxLength: 4 }),
      fc.array(fc.integer({ min: 0, max: 35 }), { maxLength: 3 }),
      openHoursArbitrary,
      fc.boolean(),
      (week, zeroDays, specialOffsets, openHours, withAht) => {
        const history: IntervalSeries = buildSeries({
          from: '2026-01-05',
          days: 28,
          volume: ({ day, weekday, slot }) =>
            zeroDays.includes(day % 28) ? 0 : (week[weekday * 24 + slot] ?? null),
          ahtSeconds: withAht ? ({ slot }) => (slot % 5 === 0 ? 0 : 100 + slot) : undefined,
        });
        const specialDays: SpecialDay[] = specialOffsets.map((offset, i) => ({
          date: new Date(utcAt('2026-01-05') + offset * 24 * HOUR).toISOString().slice(0, 10),
          closed: i === 0,
        }));
        const input: ForecastInput = { history, specialDays, openHours };
        for (const method of standardMethods()) {
          const forecast = forecastIntervals(input, method, { from: utcAt('2026-02-02'), intervals: 24 * 8 });
          for (const { volume, ahtSeconds } of forecast) {
            assert.ok(Number.isFinite(volume) && volume >= 0, `${method.name}: volume ${volume}`);
            assert.ok(ahtSeconds === null || (Number.isFinite(ahtSeconds) && ahtSeconds >= 0));
          }
        }
        const backtest = rollingOriginBacktest(input, {
          methods: [seasonalNaive(), profileRegression()],
          weeks: 2,
        });
        for (const score of backtest.scores) {
          for (const figure of [score.wapePct, score.mapePct, score.biasPct]) {
            assert.ok(figure === null || Number.isFinite(figure), `${score.method}: ${figure}`);
          }
        }
      },
    ),
    { numRuns: 40 },
  );
});
