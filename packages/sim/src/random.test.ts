import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeededRandom } from './random.ts';

const draw = (random: SeededRandom, n: number) => Array.from({ length: n }, () => random.nextUint32());

test('same seed and stream, same numbers; another seed or stream, other numbers', () => {
  assert.deepEqual(draw(new SeededRandom(42, 3), 5), draw(new SeededRandom(42, 3), 5));
  assert.notDeepEqual(draw(new SeededRandom(42, 3), 5), draw(new SeededRandom(43, 3), 5));
  assert.notDeepEqual(draw(new SeededRandom(42, 3), 5), draw(new SeededRandom(42, 4), 5));
  assert.notDeepEqual(draw(new SeededRandom(2 ** 40), 5), draw(new SeededRandom(0), 5));
});

test('uniform lies strictly inside (0, 1) with mean 1/2 and variance 1/12', () => {
  const random = new SeededRandom(7);
  const n = 200_000;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const u = random.uniform();
    assert.ok(u > 0 && u < 1);
    sum += u;
    squares += u * u;
  }
  // Five standard errors: a fixed seed, and a bound no correct generator comes near.
  assert.ok(Math.abs(sum / n - 0.5) < 5 * Math.sqrt(1 / 12 / n));
  assert.ok(Math.abs(squares / n - sum ** 2 / n ** 2 - 1 / 12) < 0.002);
});

test('exponential and normal have the right mean and spread', () => {
  const random = new SeededRandom(8);
  const n = 200_000;
  let exponential = 0;
  let normal = 0;
  let normalSquares = 0;
  for (let i = 0; i < n; i++) {
    exponential += random.exponential(30);
    const z = random.normal();
    normal += z;
    normalSquares += z * z;
  }
  assert.ok(Math.abs(exponential / n - 30) < 5 * (30 / Math.sqrt(n)));
  assert.ok(Math.abs(normal / n) < 5 / Math.sqrt(n));
  assert.ok(Math.abs(normalSquares / n - 1) < 5 * Math.sqrt(2 / n));
});
