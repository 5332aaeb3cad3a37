import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildSeries, utcAt } from '../testing/forecast-series.ts';
import { aggregateSeries, checkSeries } from './series.ts';
import type { IntervalSeries, WeeklyHours } from './types.ts';

const MIN = 60_000;
const fiveMinutes = (volumes: (number | null)[], aht?: number[]): IntervalSeries => ({
  intervalMinutes: 5,
  timeZone: 'UTC',
  intervals: volumes.flatMap((volume, i) =>
    volume === null
      ? []
      : [
          {
            start: utcAt('2026-01-05', 9 * 60) + i * 5 * MIN,
            volume,
            ...(aht ? { ahtSeconds: aht[i] } : {}),
          },
        ],
  ),
});

test('5 → 15 minutes sums volumes and weights handle times by volume', () => {
  const result = aggregateSeries(fiveMinutes([1, 2, 3, 10, 0, 10], [100, 100, 300, 60, 999, 120]), 15);
  assert.deepEqual(result.intervals, [
    { start: utcAt('2026-01-05', 540), volume: 6, ahtSeconds: (100 + 200 + 900) / 6 },
    { start: utcAt('2026-01-05', 555), volume: 20, ahtSeconds: 90 },
  ]);
});

test('a longer interval with a gap in it is left out; closed parts count as zero', () => {
  assert.deepEqual(
    aggregateSeries(fiveMinutes([1, null, 3, 4, 5, 6]), 15).intervals.map((i) => i.volume),
    [15],
  );
  const hours: WeeklyHours = {
    monday: [{ start: '09:00', end: '09:05' }],
    tuesday: [],
    wednesday: [],
    thursday: [],
    friday: [],
    saturday: [],
    sunday: [],
  };
  assert.deepEqual(aggregateSeries(fiveMinutes([7]), 15, hours).intervals, [
    { start: utcAt('2026-01-05', 540), volume: 7 },
  ]);
});

test('bad series are validation errors', () => {
  const at = utcAt('2026-01-05', 540);
  const bad: IntervalSeries[] = [
    { intervalMinutes: 15, timeZone: 'UTC', intervals: [{ start: at + 5 * MIN, volume: 1 }] },
    {
      intervalMinutes: 15,
      timeZone: 'UTC',
      intervals: [
        { start: at, volume: 1 },
        { start: at, volume: 1 },
      ],
    },
    { intervalMinutes: 15, timeZone: 'UTC', intervals: [{ start: at, volume: Number.NaN }] },
    { intervalMinutes: 15, timeZone: 'UTC', intervals: [{ start: at, volume: -1 }] },
    { intervalMinutes: 15, timeZone: 'UTC', intervals: [{ start: at, volume: 1, ahtSeconds: Infinity }] },
    { intervalMinutes: 20 as 15, timeZone: 'UTC', intervals: [] },
  ];
  for (const series of bad) assert.throws(() => checkSeries(series), { code: 'validation_failed' });
  assert.throws(() => aggregateSeries({ intervalMinutes: 30, timeZone: 'UTC', intervals: [] }, 15), {
    code: 'validation_failed',
  });
});

const total = (series: IntervalSeries) => series.intervals.reduce((sum, i) => sum + i.volume, 0);

test('property: 5 → 15 → 30 preserves the total and equals 5 → 30', () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat({ max: 500 }), { minLength: 288, maxLength: 288 }),
      fc.constantFrom('UTC', 'America/New_York', 'Asia/Kolkata'),
      (volumes, timeZone) => {
        const series = buildSeries({
          from: '2026-03-07',
          days: 2,
          intervalMinutes: 5,
          timeZone,
          volume: ({ minuteOfDay, day }) => volumes[(minuteOfDay / 5 + day) % 288] ?? 0,
        });
        const fifteen = aggregateSeries(series, 15);
        const thirty = aggregateSeries(fifteen, 30);
        assert.equal(total(fifteen), total(series));
        assert.equal(total(thirty), total(series));
        assert.deepEqual(thirty, aggregateSeries(series, 30));
      },
    ),
    { numRuns: 25 },
  );
});

test('property: with gaps, the total is that of the complete longer intervals', () => {
  fc.assert(
    fc.property(
      fc.array(fc.option(fc.nat({ max: 100 }), { freq: 4 }), { minLength: 36, maxLength: 36 }),
      (volumes) => {
        const thirty = aggregateSeries(fiveMinutes(volumes), 30);
        let expected = 0;
        for (let bucket = 0; bucket < 6; bucket++) {
          const parts = volumes.slice(bucket * 6, bucket * 6 + 6);
          if (parts.every((v) => v !== null)) expected += parts.reduce<number>((sum, v) => sum + (v ?? 0), 0);
        }
        assert.equal(total(thirty), expected);
      },
    ),
  );
});
