import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Duration, durationSampler, meanSeconds } from './durations.ts';
import { SeededRandom } from './random.ts';

function sampleSeconds(duration: Duration, n = 100_000): number[] {
  const sample = durationSampler(duration);
  const random = new SeededRandom(3);
  return Array.from({ length: n }, () => sample(random) / 1000);
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const cv = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1)) / m;
};

test('fixed durations are exact, in whole milliseconds', () => {
  assert.deepEqual(new Set(sampleSeconds({ kind: 'fixed', seconds: 12.3456 }, 10)), new Set([12.346]));
});

test('exponential: mean as given, coefficient of variation 1', () => {
  const xs = sampleSeconds({ kind: 'exponential', meanSeconds: 180 });
  assert.ok(Math.abs(mean(xs) / 180 - 1) < 0.02);
  assert.ok(Math.abs(cv(xs) - 1) < 0.03);
});

test('lognormal: mean and coefficient of variation as given', () => {
  const xs = sampleSeconds({ kind: 'lognormal', meanSeconds: 300, cv: 0.6 });
  assert.ok(Math.abs(mean(xs) / 300 - 1) < 0.02, `mean ${mean(xs)}`);
  assert.ok(Math.abs(cv(xs) - 0.6) < 0.03, `cv ${cv(xs)}`);
});

test('empirical: a mass at the first point, then linear between points', () => {
  const duration: Duration = {
    kind: 'empirical',
    points: [
      { seconds: 0, cumulative: 0.25 },
      { seconds: 60, cumulative: 0.75 },
      { seconds: 100, cumulative: 1 },
    ],
  };
  const xs = sampleSeconds(duration);
  const share = (predicate: (x: number) => boolean) => xs.filter(predicate).length / xs.length;
  assert.ok(Math.abs(share((x) => x === 0) - 0.25) < 0.01);
  assert.ok(Math.abs(share((x) => x <= 30) - 0.5) < 0.01);
  assert.ok(Math.abs(share((x) => x <= 80) - 0.875) < 0.01);
  assert.ok(xs.every((x) => x >= 0 && x <= 100));
  assert.equal(meanSeconds(duration), 0.5 * 30 + 0.25 * 80);
  assert.ok(Math.abs(mean(xs) - meanSeconds(duration)) < 0.5);
});
