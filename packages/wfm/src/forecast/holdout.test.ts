import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildSeries } from '../testing/forecast-series.ts';
import { holdoutEvaluation } from './holdout.ts';
import { standardMethods } from './methods.ts';
import { poissonMeanAbsoluteDeviation } from './metrics.ts';
import type { ForecastInput } from './types.ts';

const series = (days: number, scale: (day: number) => number): ForecastInput => ({
  history: buildSeries({
    from: '2026-01-05',
    days,
    volume: ({ day, weekday, slot }) =>
      weekday >= 5 || slot < 8 || slot >= 18 ? null : (20 + 5 * weekday + ((day * 31) % 7)) * scale(day),
  }),
});
const OPTIONS = { methods: standardMethods(), holdoutWeeks: 4, selectionWeeks: 4, intradayFromMinute: 720 };

test('nothing in the holdout steers the choice of method or intraday rule; the holdout is scored on its own days', () => {
  const days = 16 * 7;
  const plain = holdoutEvaluation(
    series(days, () => 1),
    OPTIONS,
  );
  const holdoutStart = Date.parse(`${plain.holdoutFrom}T00:00:00Z`) / 86_400_000;
  // The holdout's days made three times busier from their noon on.
  const changed = holdoutEvaluation(
    {
      history: {
        ...series(days, () => 1).history,
        intervals: series(days, () => 1).history.intervals.map((i) =>
          i.start >= holdoutStart * 86_400_000 && (i.start / 3_600_000) % 24 >= 12
            ? { ...i, volume: i.volume * 3 }
            : i,
        ),
      },
    },
    OPTIONS,
  );
  assert.equal(changed.chosen, plain.chosen);
  assert.deepEqual(changed.intraday?.rule, plain.intraday?.rule);
  assert.deepEqual(changed.selection, plain.selection);
  assert.notDeepEqual(changed.holdout, plain.holdout);
  assert.equal(plain.days, 20);
  assert.equal(plain.holdoutFrom, '2026-03-28');
  assert.ok((plain.noiseFloorPct ?? 0) > 0);
});

test('a history too short for the holdout and the selection is refused with what it needs', () => {
  assert.throws(
    () =>
      holdoutEvaluation(
        series(50, () => 1),
        OPTIONS,
      ),
    {
      code: 'validation_failed',
      message: /more than 8 weeks/,
    },
  );
});

test('the Poisson mean absolute deviation matches the sum over the distribution', () => {
  fc.assert(
    fc.property(fc.double({ min: 0.05, max: 200, noNaN: true }), (rate) => {
      let expected = 0;
      let p = Math.exp(-rate);
      for (let k = 0; k < rate * 3 + 50; k++) {
        expected += Math.abs(k - rate) * p;
        p *= rate / (k + 1);
      }
      assert.ok(Math.abs(poissonMeanAbsoluteDeviation(rate) - expected) < 1e-9 * Math.max(1, rate));
    }),
  );
  assert.equal(poissonMeanAbsoluteDeviation(0), 0);
});
