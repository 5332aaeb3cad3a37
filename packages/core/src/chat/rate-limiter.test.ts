import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ManualClock } from '../clock.ts';
import { RateLimiter } from './rate-limiter.ts';

test('a burst goes through, the next is refused with the wait until a token is back', () => {
  const clock = new ManualClock();
  const limiter = new RateLimiter({ burst: 3, perSecond: 1 }, clock);
  assert.deepEqual(
    [1, 2, 3].map(() => limiter.take('chat').allowed),
    [true, true, true],
  );
  assert.deepEqual(limiter.take('chat'), { allowed: false, retryAfterMs: 1000 });
  clock.advance(400);
  assert.deepEqual(limiter.take('chat'), { allowed: false, retryAfterMs: 600 });
  clock.advance(600);
  assert.equal(limiter.take('chat').allowed, true);
  assert.equal(limiter.take('other').allowed, true, 'each key has its own bucket');
});

test('over any stretch of time, no key gets more than the burst plus the rate', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 30 }),
      fc.integer({ min: 1, max: 10 }),
      fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 1, maxLength: 300 }),
      (burst, perSecond, gaps) => {
        const clock = new ManualClock(0);
        const limiter = new RateLimiter({ burst, perSecond }, clock);
        const allowedAt: number[] = [];
        for (const gap of gaps) {
          clock.advance(gap);
          if (limiter.take('k').allowed) allowedAt.push(clock.now());
        }
        for (let i = 0; i < allowedAt.length; i++) {
          for (let j = i; j < allowedAt.length; j++) {
            const span = (allowedAt[j] as number) - (allowedAt[i] as number);
            assert.ok(j - i + 1 <= burst + Math.floor((span * perSecond) / 1000) + 1e-9);
          }
        }
      },
    ),
  );
});

test('keys that have filled up again are forgotten', () => {
  const clock = new ManualClock(0);
  const limiter = new RateLimiter({ burst: 2, perSecond: 1 }, clock);
  for (let i = 0; i < 100; i++) limiter.take(`chat-${i}`);
  assert.equal(limiter.trackedKeys, 100);
  clock.advance(5_000);
  limiter.take('fresh');
  assert.equal(limiter.trackedKeys, 1);
});
