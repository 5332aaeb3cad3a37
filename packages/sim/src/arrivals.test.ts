import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ArrivalStream } from './arrivals.ts';
import { SeededRandom } from './random.ts';

function arrivalsPerInterval(volumes: number[], seed: number): number[] {
  const stream = new ArrivalStream({ intervalMinutes: 15, volumes }, new SeededRandom(seed));
  const counts = volumes.map(() => 0);
  let previous = 0;
  for (let at = stream.next(); at !== null; at = stream.next()) {
    assert.ok(at >= previous, 'arrivals come in time order');
    previous = at;
    const interval = Math.floor(at / 900_000);
    counts[interval] = (counts[interval] ?? 0) + 1;
  }
  assert.equal(counts.length, volumes.length, 'nothing arrives after the profile ends');
  return counts;
}

test('an interval of volume 0 gets no arrivals; the others about their volume', () => {
  const totals = [0, 0, 0, 0];
  const runs = 200;
  for (let seed = 0; seed < runs; seed++) {
    const counts = arrivalsPerInterval([50, 0, 200, 10], seed);
    assert.equal(counts[1], 0);
    counts.forEach((count, i) => {
      totals[i] = (totals[i] ?? 0) + count;
    });
  }
  // Poisson: the mean over 200 runs is within 5 standard errors of the volume.
  [50, 0, 200, 10].forEach((volume, i) => {
    const average = (totals[i] ?? 0) / runs;
    assert.ok(Math.abs(average - volume) <= 5 * Math.sqrt(volume / runs), `interval ${i}: ${average}`);
  });
});

test('the counts of an interval are Poisson: variance equal to the mean', () => {
  const counts = Array.from({ length: 2000 }, (_, seed) => arrivalsPerInterval([40], seed)[0] ?? 0);
  const mean = counts.reduce((s, c) => s + c, 0) / counts.length;
  const variance = counts.reduce((s, c) => s + (c - mean) ** 2, 0) / (counts.length - 1);
  assert.ok(Math.abs(variance / mean - 1) < 0.15, `dispersion ${variance / mean}`);
});
