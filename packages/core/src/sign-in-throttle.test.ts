import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  delayAfter,
  refundAttempt,
  reserveAttempt,
  type ThrottleRule,
  type ThrottleState,
} from './sign-in-throttle.ts';

const rule: ThrottleRule = {
  freeFailures: 5,
  firstDelayMs: 1_000,
  maxDelayMs: 900_000,
  forgetAfterMs: 3_600_000,
};

describe('sign-in throttle', () => {
  test('after five failures each further attempt waits twice as long as the one before, up to the maximum', () => {
    assert.deepEqual(
      [1, 4, 5, 6, 7, 20, 60].map((n) => delayAfter(rule, n)),
      [0, 0, 1_000, 2_000, 4_000, 900_000, 900_000],
    );
  });

  test('attempts made together are each counted: only the free ones pass', () => {
    let state: ThrottleState | undefined;
    let passed = 0;
    for (let i = 0; i < 60; i++) {
      const reservation = reserveAttempt(rule, state, 1_000);
      state = reservation.state;
      if (reservation.allowed) passed++;
    }
    assert.equal(passed, 5);
  });

  test('attempts reserved in another order than their clocks were read (one waited for the other’s lock) are not refused for it', () => {
    // A shift signing in behind one address: each reservation a few ms "earlier" than the one ahead of it.
    let state: ThrottleState | undefined;
    for (let i = 0; i < 4; i++) {
      const reservation = reserveAttempt(rule, state, 10_000 - i);
      assert.equal(reservation.allowed, true, `attempt ${i}`);
      state = refundAttempt(rule, reservation.state);
    }
    // A real delay still holds for an attempt read early: it waits until the delay from the failure that set it ends.
    let failing: ThrottleState | undefined;
    for (let i = 0; i < 5; i++) failing = reserveAttempt(rule, failing, 20_000).state;
    const early = reserveAttempt(rule, failing, 19_990);
    assert.deepEqual(
      { allowed: early.allowed, retry: early.allowed ? 0 : early.retryAfterMs },
      {
        allowed: false,
        retry: 1_010,
      },
    );
  });

  test('the right password is never locked out: it waits the current delay at most', () => {
    let state: ThrottleState | undefined;
    let now = 0;
    for (let i = 0; i < 30; i++) {
      const reservation = reserveAttempt(rule, state, now);
      state = reservation.state;
      now += reservation.allowed ? 1 : reservation.retryAfterMs;
    }
    const later = reserveAttempt(rule, state, (state?.nextAllowedAt ?? 0) + 0);
    assert.equal(later.allowed, true);
  });

  test('a success gives its reservation back, and failures are forgotten after an hour without attempts', () => {
    let state = reserveAttempt(rule, undefined, 0).state;
    state = refundAttempt(rule, state);
    assert.equal(state.failures, 0);
    for (let i = 0; i < 8; i++) state = reserveAttempt(rule, state, state.nextAllowedAt).state;
    assert.equal(reserveAttempt(rule, state, state.lastAttemptAt + 1).allowed, false);
    assert.equal(reserveAttempt(rule, state, state.lastAttemptAt + 3_600_000).state.failures, 1);
  });

  test('property: within any span of time, the attempts that pass are bounded by the delays', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 120_000 }), { minLength: 1, maxLength: 200 }),
        (gaps) => {
          let state: ThrottleState | undefined;
          let now = 0;
          const passedAt: number[] = [];
          for (const gap of gaps) {
            now += gap;
            const reservation = reserveAttempt(rule, state, now);
            state = reservation.state;
            if (reservation.allowed) passedAt.push(now);
          }
          // The n-th consecutive failure beyond the free ones must come at least delayAfter(n-1) after the last.
          let failures = 0;
          let last = -Infinity;
          for (const at of passedAt) {
            failures = at - last >= rule.forgetAfterMs ? 1 : failures + 1;
            if (failures > 1) assert.ok(at - last >= delayAfter(rule, failures - 1));
            last = at;
          }
        },
      ),
    );
  });
});
