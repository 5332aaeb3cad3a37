import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { accuracy } from './metrics.ts';

test('WAPE, MAPE and bias of a hand-computed example', () => {
  // |e| = 4 + 2 + 3 = 9 over Σ actual 40; MAPE skips the zero actual: (4/10 + 3/30) / 2; Σe = 43 − 40.
  const result = accuracy([10, 0, 30], [14, 2, 27]);
  assert.equal(result.wapePct, 22.5);
  assert.equal(result.mapePct, 25);
  assert.equal(result.biasPct, 7.5);
  assert.deepEqual(
    [result.intervals, result.nonZeroIntervals, result.actualTotal, result.forecastTotal],
    [3, 2, 40, 43],
  );
});

test('an under-forecast has a negative bias; a perfect forecast scores zero', () => {
  assert.equal(accuracy([20, 20], [15, 15]).biasPct, -25);
  assert.deepEqual(
    [accuracy([5, 7], [5, 7]).wapePct, accuracy([5, 7], [5, 7]).mapePct, accuracy([5, 7], [5, 7]).biasPct],
    [0, 0, 0],
  );
});

test('figures with nothing to divide by are null, never NaN or Infinity', () => {
  for (const result of [accuracy([], []), accuracy([0, 0], [3, 0])]) {
    assert.equal(result.wapePct, null);
    assert.equal(result.mapePct, null);
    assert.equal(result.biasPct, null);
  }
});

test('property: WAPE ≥ |bias|, and every figure is finite or null', () => {
  const volumes = fc.array(fc.nat({ max: 1000 }), { maxLength: 50 });
  fc.assert(
    fc.property(volumes, volumes, (a, f) => {
      const n = Math.min(a.length, f.length);
      const result = accuracy(a.slice(0, n), f.slice(0, n));
      for (const figure of [result.wapePct, result.mapePct, result.biasPct]) {
        assert.ok(figure === null || Number.isFinite(figure));
      }
      if (result.wapePct !== null) assert.ok(result.wapePct + 1e-9 >= Math.abs(result.biasPct ?? 0));
    }),
  );
});
