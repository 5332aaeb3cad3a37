import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ManualClock, MINUTE_MS } from './clock.ts';
import { LoginThrottle } from './login-throttle.ts';

const rule = { maxFailures: 5, windowMs: 15 * MINUTE_MS };

describe('LoginThrottle', () => {
  test('refuses the attempt after five failures and says when to retry', () => {
    const clock = new ManualClock();
    const throttle = new LoginThrottle(rule, clock);
    for (let i = 0; i < 5; i++) {
      assert.equal(throttle.check('alice').allowed, true);
      throttle.recordFailure('alice');
      clock.advance(1000);
    }
    const verdict = throttle.check('alice');
    assert.equal(verdict.allowed, false);
    assert.equal(verdict.retryAfterMs, rule.windowMs - 5000);
    assert.equal(throttle.check('bob').allowed, true, 'other keys are not affected');
  });

  test('allows again once the oldest failure leaves the window', () => {
    const clock = new ManualClock();
    const throttle = new LoginThrottle(rule, clock);
    for (let i = 0; i < 5; i++) throttle.recordFailure('alice');
    clock.advance(rule.windowMs);
    assert.equal(throttle.check('alice').allowed, true);
  });

  test('a success clears the failures of that key', () => {
    const clock = new ManualClock();
    const throttle = new LoginThrottle(rule, clock);
    for (let i = 0; i < 4; i++) throttle.recordFailure('alice');
    throttle.recordSuccess('alice');
    for (let i = 0; i < 4; i++) throttle.recordFailure('alice');
    assert.equal(throttle.check('alice').allowed, true);
  });

  test('never allows more than maxFailures failed attempts in any window (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ gap: fc.integer({ min: 0, max: 5 * MINUTE_MS }), key: fc.constantFrom('a', 'b', 'c') }),
          {
            maxLength: 200,
          },
        ),
        (attempts) => {
          const clock = new ManualClock();
          const throttle = new LoginThrottle(rule, clock);
          const admitted = new Map<string, number[]>();
          for (const { gap, key } of attempts) {
            clock.advance(gap);
            if (!throttle.check(key).allowed) continue;
            throttle.recordFailure(key);
            const times = [...(admitted.get(key) ?? []), clock.now()];
            admitted.set(key, times);
            const inWindow = times.filter((t) => t > clock.now() - rule.windowMs);
            assert.ok(
              inWindow.length <= rule.maxFailures,
              `${key}: ${inWindow.length} failures admitted in one window`,
            );
          }
        },
      ),
    );
  });

  test('forgets keys whose failures have aged out, so memory stays bounded', () => {
    const clock = new ManualClock();
    const throttle = new LoginThrottle(rule, clock);
    for (let i = 0; i < 1000; i++) throttle.recordFailure(`address-${i}`);
    clock.advance(rule.windowMs + 1);
    throttle.recordFailure('latest');
    assert.equal(throttle.trackedKeys, 1);
  });
});
