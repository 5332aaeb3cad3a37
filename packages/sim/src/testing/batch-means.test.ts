import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeededRandom } from '../random.ts';
import { normalQuantile, ratioConfidenceInterval, studentT } from './batch-means.ts';

test('quantiles match the tables', () => {
  assert.ok(Math.abs(normalQuantile(0.995) - 2.5758293) < 1e-6);
  assert.ok(Math.abs(normalQuantile(0.975) - 1.959964) < 1e-6);
  assert.ok(Math.abs(normalQuantile(0.3) + 0.5244005) < 1e-6);
  assert.equal(normalQuantile(0.5), 0);
  assert.ok(Math.abs(studentT(0.995, 10) - 3.169273) < 0.002);
  assert.ok(Math.abs(studentT(0.995, 99) - 2.626405) < 0.001);
  assert.ok(Math.abs(studentT(0.975, 30) - 2.042272) < 0.001);
});

test('a 99 % interval covers the true ratio about 99 times in 100 on independent batches', () => {
  const random = new SeededRandom(5);
  let covered = 0;
  const trials = 1000;
  for (let trial = 0; trial < trials; trial++) {
    // Denominators around 100, numerators a Bernoulli(0.3) count of them: the true ratio is 0.3.
    const batches = Array.from({ length: 50 }, () => {
      const denominator = 80 + Math.floor(random.uniform() * 40);
      let numerator = 0;
      for (let i = 0; i < denominator; i++) if (random.uniform() < 0.3) numerator++;
      return { numerator, denominator };
    });
    const ci = ratioConfidenceInterval(batches);
    if (ci.low <= 0.3 && 0.3 <= ci.high) covered++;
  }
  // Binomial(1000, 0.99): 990 ± 3.1; allow 4 standard deviations.
  assert.ok(covered >= 977 && covered <= 1000, `covered ${covered} of ${trials}`);
});
