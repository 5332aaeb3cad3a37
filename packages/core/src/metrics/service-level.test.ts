import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ABANDON_RULES, abandonRuleNamed, serviceLevel } from './service-level.ts';

/** Counts that can occur together: every offered contact is answered, abandoned, dequeued or missed once. */
const counts = fc
  .record({
    answeredWithin: fc.nat(50),
    answeredLate: fc.nat(50),
    abandonedWithin: fc.nat(50),
    abandonedLate: fc.nat(50),
    dequeued: fc.nat(50),
    missed: fc.nat(50),
  })
  .map((c) => ({
    offered: c.answeredWithin + c.answeredLate + c.abandonedWithin + c.abandonedLate + c.dequeued + c.missed,
    answeredWithinThreshold: c.answeredWithin,
    abandoned: c.abandonedWithin + c.abandonedLate,
    abandonedWithinThreshold: c.abandonedWithin,
    dequeued: c.dequeued,
  }));

test('the METRICS.md example rules: 10 offered, 6 within, 2 abandoned (1 within), none dequeued', () => {
  const c = {
    offered: 10,
    answeredWithinThreshold: 6,
    abandoned: 2,
    abandonedWithinThreshold: 1,
    dequeued: 0,
  };
  assert.equal(serviceLevel(c, 'counted_against'), 6 / 10);
  assert.equal(serviceLevel(c, 'ignored'), 6 / 8);
  assert.equal(serviceLevel(c, 'counted_for'), 7 / 10);
  assert.equal(serviceLevel({ ...c, offered: 2, answeredWithinThreshold: 0 }, 'ignored'), null);
});

test('property: a service level is null exactly when nothing is measured, else within 0..1', () => {
  fc.assert(
    fc.property(counts, fc.constantFrom(...ABANDON_RULES), (c, rule) => {
      const value = serviceLevel(c, rule);
      const measured = c.offered - c.dequeued - (rule === 'ignored' ? c.abandoned : 0);
      if (measured === 0) assert.equal(value, null);
      else {
        assert.ok(value !== null && value >= 0 && value <= 1, `${rule} ${JSON.stringify(c)} → ${value}`);
      }
    }),
  );
});

test('property: ignoring abandons or counting quick ones for never scores below counting them against', () => {
  fc.assert(
    fc.property(counts, (c) => {
      const against = serviceLevel(c, 'counted_against');
      const ignored = serviceLevel(c, 'ignored');
      const forIt = serviceLevel(c, 'counted_for');
      if (against === null) return;
      assert.ok(forIt !== null && forIt >= against);
      if (ignored !== null) assert.ok(ignored >= against);
      if (c.abandoned === 0) assert.deepEqual([ignored, forIt], [against, against]);
    }),
  );
});

test('abandon rules are read by their names and their former names, nothing else', () => {
  assert.equal(abandonRuleNamed('counted_for'), 'counted_for');
  assert.equal(abandonRuleNamed('abandons_count_against'), 'counted_against');
  assert.equal(abandonRuleNamed('abandons_ignored'), 'ignored');
  assert.equal(abandonRuleNamed('abandons_within_threshold_count_for'), 'counted_for');
  for (const other of ['lenient', 'toString', '', 3, null, undefined])
    assert.equal(abandonRuleNamed(other), null);
});
