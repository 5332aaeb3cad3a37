import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  crossings,
  levelAbove,
  levelBelow,
  NO_THRESHOLDS,
  type QueueLevels,
  queueLevels,
  THRESHOLD_LEVELS,
  type ThresholdLevel,
} from './thresholds.ts';

const rank = (level: ThresholdLevel) => THRESHOLD_LEVELS.indexOf(level);

test('waiting above 1: one waiting is near, two are past; no threshold is always fine', () => {
  assert.deepEqual(
    [0, 1, 2].map((n) => levelAbove(n, 1)),
    ['ok', 'near', 'past'],
  );
  assert.deepEqual(
    [7, 8, 10, 11].map((n) => levelAbove(n, 10)),
    ['ok', 'near', 'near', 'past'],
  );
  assert.equal(levelAbove(1_000_000, null), 'ok');
});

test('a service level below 80 % is past, below 85 % near; nothing measured yet is fine', () => {
  assert.deepEqual(
    [0.79, 0.8, 0.849, 0.85, 1].map((sl) => levelBelow(sl, 80)),
    ['past', 'near', 'near', 'ok', 'ok'],
  );
  assert.equal(levelBelow(null, 80), 'ok');
  assert.equal(levelBelow(0, null), 'ok');
});

test('property: a figure that should stay low never looks better as it grows or as its threshold falls', () => {
  const threshold = fc.option(fc.integer({ min: 1, max: 10_000 }));
  fc.assert(
    fc.property(fc.nat(20_000), fc.nat(20_000), threshold, (a, b, t) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      assert.ok(rank(levelAbove(low, t)) <= rank(levelAbove(high, t)));
    }),
  );
  fc.assert(
    fc.property(
      fc.nat(20_000),
      fc.integer({ min: 1, max: 10_000 }),
      fc.integer({ min: 1, max: 10_000 }),
      (v, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        assert.ok(rank(levelAbove(v, high)) <= rank(levelAbove(v, low)));
        assert.equal(levelAbove(v, low) === 'past', v > low);
      },
    ),
  );
});

test('property: a service level never looks worse as it rises or as its floor falls', () => {
  const fraction = fc.double({ min: 0, max: 1, noNaN: true });
  fc.assert(
    fc.property(fraction, fraction, fc.integer({ min: 1, max: 100 }), (a, b, floor) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      assert.ok(rank(levelBelow(high, floor)) <= rank(levelBelow(low, floor)));
    }),
  );
  fc.assert(
    fc.property(fraction, fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (sl, a, b) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      assert.ok(rank(levelBelow(sl, low)) <= rank(levelBelow(sl, high)));
    }),
  );
});

test('a figure crosses once when it goes past, not again while it stays there, again after it came back', () => {
  const thresholds = { ...NO_THRESHOLDS, waitingAbove: 1 };
  const at = (waiting: number) =>
    queueLevels({ waiting, longestWaitSeconds: 0, serviceLevel: null }, thresholds);
  const series = [0, 2, 3, 2, 1, 2].map(at);
  const alerts = series.map((levels, i) => crossings(series[i - 1], levels));
  assert.deepEqual(alerts, [[], ['waiting'], [], [], [], ['waiting']]);
  assert.deepEqual(crossings(undefined, at(2)), ['waiting'], 'past on the first load is a crossing');
});

test('property: crossings are exactly the figures past now and not before', () => {
  const level = fc.constantFrom(...THRESHOLD_LEVELS);
  const levels = fc.record({ waiting: level, longestWait: level, serviceLevel: level });
  fc.assert(
    fc.property(levels, levels, (before: QueueLevels, now: QueueLevels) => {
      for (const figure of crossings(before, now))
        assert.ok(now[figure] === 'past' && before[figure] !== 'past');
      assert.deepEqual(crossings(now, now), []);
    }),
  );
});
