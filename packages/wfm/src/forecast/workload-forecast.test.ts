import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSeries } from '../testing/forecast-series.ts';
import { standardMethods } from './methods.ts';
import type { ForecastInput } from './types.ts';
import { forecastWorkload, MAX_FORECAST_DAYS } from './workload-forecast.ts';

const input = (days: number, timeZone = 'UTC'): ForecastInput => ({
  history: buildSeries({
    from: '2026-01-05',
    days,
    intervalMinutes: 15,
    timeZone,
    volume: ({ weekday, minuteOfDay }) =>
      weekday >= 5 || minuteOfDay < 480 || minuteOfDay >= 1080 ? 0 : 10 + weekday + (minuteOfDay % 60) / 15,
  }),
});
const date = (text: string) => {
  const [year, month, day] = text.split('-').map(Number);
  return { year: year as number, month: month as number, day: day as number };
};

test('a long history gets the backtest that chose the method and the holdout table; the days are whole local days', () => {
  const result = forecastWorkload(input(18 * 7, 'Europe/Berlin'), standardMethods(), {
    firstDay: date('2026-05-11'),
    days: 7,
  });
  assert.equal(result.intervals.length, 7 * 96);
  assert.ok(result.evaluation.backtest && result.evaluation.backtest.weeks === 4);
  assert.equal(result.method, result.evaluation.backtest.best);
  assert.ok(result.evaluation.holdout !== null);
  assert.equal(result.evaluation.holdout.holdout.length, standardMethods().length);
  // A steady pattern: Monday 09:00 local is 10 + 0 + 0.
  const nine = result.intervals.find((i) => new Date(i.start).toISOString() === '2026-05-11T07:00:00.000Z');
  assert.ok(nine && Math.abs(nine.volume - 10) < 1e-6, `${nine?.volume}`);
});

test('a day when clocks spring forward has the intervals that really occur', () => {
  const result = forecastWorkload(input(70, 'Europe/Berlin'), standardMethods(), {
    firstDay: date('2026-03-29'),
    days: 1,
  });
  assert.equal(result.intervals.length, 92);
});

test('a short history is forecast by the weekday mean and says why; no history or too long a horizon is refused', () => {
  const short = forecastWorkload(input(10), standardMethods(), { firstDay: date('2026-01-15'), days: 1 });
  assert.equal(short.method, 'weekday-mean-4');
  assert.equal(short.evaluation.backtest, null);
  assert.match(short.evaluation.notes.join(' '), /10 days of history/);
  assert.throws(
    () => forecastWorkload(input(10), standardMethods(), { firstDay: date('2025-12-01'), days: 1 }),
    {
      code: 'no_history',
    },
  );
  assert.throws(
    () =>
      forecastWorkload(input(10), standardMethods(), {
        firstDay: date('2026-01-15'),
        days: MAX_FORECAST_DAYS + 1,
      }),
    { code: 'validation_failed', message: /1 to 60 days/ },
  );
});
