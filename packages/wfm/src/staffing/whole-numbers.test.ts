import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ceilWhole, staffWithShrinkage } from './whole-numbers.ts';

test('ratios that are whole on paper are not rounded up by floating-point noise', () => {
  assert.equal(21 / (1 - 0.3), 30.000000000000004); // why ceilWhole exists: Math.ceil would say 31
  assert.equal(staffWithShrinkage(21, 0.3), 30);
  assert.equal(staffWithShrinkage(8, 0.2), 10);
  assert.equal(staffWithShrinkage(10, 0.2), 13); // 12.5
  assert.equal(staffWithShrinkage(14, 0.3), 20); // the pyworkforce example: 14 / 0.7
  assert.equal(staffWithShrinkage(0, 0.3), 0);
  assert.equal(staffWithShrinkage(7, 0), 7);
  assert.equal(ceilWhole(2.0000001), 3);
});

test('staff after shrinkage equals the exact rational ceiling for shrinkage in whole percent', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 99 }), (agents, percent) => {
      // ⌈agents / (1 − p/100)⌉ = ⌈100·agents / (100 − p)⌉, in integers.
      const numerator = 100 * agents;
      const denominator = 100 - percent;
      const exact = Math.floor((numerator + denominator - 1) / denominator);
      assert.equal(staffWithShrinkage(agents, percent / 100), exact);
    }),
  );
});
