import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadSeriesModels } from '../node/series-models.ts';
import { buildSeries, utcAt } from '../testing/forecast-series.ts';
import { rollingOriginBacktest } from './backtest.ts';
import { forecastIntervals } from './forecast.ts';
import { buildForecastHistory } from './history.ts';
import { dayOfDate } from './local-time.ts';
import { etsDaily, mstlIntervals } from './series-models.ts';
import type { ForecastInput } from './types.ts';

const models = loadSeriesModels();
// Open 08:00–18:00 on weekdays; each weekday its own level and the same shape.
const pattern = ({ weekday, slot }: { weekday: number; slot: number }) =>
  weekday >= 5 || slot < 8 || slot >= 18 ? 0 : (10 + 2 * weekday) * (1 + (slot % 4));
const steady: ForecastInput = { history: buildSeries({ from: '2026-01-05', days: 56, volume: pattern }) };

test('ETS on daily totals and MSTL on intervals forecast a steady weekly pattern', () => {
  const history = buildForecastHistory(steady);
  const day = dayOfDate('2026-03-02');
  for (const method of [etsDaily(models), mstlIntervals(models)]) {
    const forecast = method.forecastDay(history, day);
    for (let slot = 0; slot < 24; slot++) {
      const expected = pattern({ weekday: 0, slot });
      assert.ok(
        Math.abs((forecast[slot] ?? 0) - expected) <= 0.05 * expected + 0.5,
        `${method.name} slot ${slot}: ${forecast[slot]} for ${expected}`,
      );
    }
  }
});

test('the model methods only see the series before the origin: the backtest equals forecasts from a cut file', () => {
  // A level that drifts, so that any look ahead would show.
  const input: ForecastInput = {
    history: buildSeries({
      from: '2026-01-05',
      days: 49,
      volume: (at) => pattern(at) * (1 + ((at.day * 37) % 11) / 20),
    }),
  };
  const methods = [etsDaily(models), mstlIntervals(models)];
  const result = rollingOriginBacktest(input, { methods, weeks: 1 });
  assert.ok(result.origins.length >= 5);
  for (const origin of result.origins) {
    const from = utcAt(origin.date);
    const cut = {
      history: { ...input.history, intervals: input.history.intervals.filter((i) => i.start < from) },
    };
    for (const method of methods) {
      const total = forecastIntervals(cut, method, { from, intervals: 24 }).reduce(
        (sum, f) => sum + f.volume,
        0,
      );
      assert.ok(
        Math.abs(total - (origin.forecastTotals[method.name] ?? Number.NaN)) < 1e-6,
        `${method.name} ${origin.date}`,
      );
    }
  }
});
