import type { Clock } from '../clock.ts';

export interface RateRule {
  /** Requests allowed at once, after a quiet spell. */
  burst: number;
  /** Requests regained per second. */
  perSecond: number;
}

export interface RateVerdict {
  allowed: boolean;
  /** When refused: how long until the next request would be allowed. */
  retryAfterMs: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key (a chat session, an address): `burst` requests at once, then `perSecond`. Memory
 * stays bounded: buckets that have filled up again are forgotten on the next sweep.
 */
export class RateLimiter {
  readonly #rule: RateRule;
  readonly #clock: Clock;
  readonly #buckets = new Map<string, Bucket>();
  #lastSweep = 0;

  constructor(rule: RateRule, clock: Clock) {
    this.#rule = rule;
    this.#clock = clock;
  }

  take(key: string): RateVerdict {
    const now = this.#clock.now();
    this.#sweep(now);
    const bucket = this.#refilled(this.#buckets.get(key), now);
    if (bucket.tokens >= 1) {
      this.#buckets.set(key, { tokens: bucket.tokens - 1, at: now });
      return { allowed: true, retryAfterMs: 0 };
    }
    this.#buckets.set(key, bucket);
    return { allowed: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) * 1000) / this.#rule.perSecond) };
  }

  get trackedKeys(): number {
    return this.#buckets.size;
  }

  #refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.#rule.burst, at: now };
    const regained = ((now - bucket.at) / 1000) * this.#rule.perSecond;
    return { tokens: Math.min(this.#rule.burst, bucket.tokens + regained), at: now };
  }

  #sweep(now: number): void {
    const fullAfterMs = (this.#rule.burst / this.#rule.perSecond) * 1000;
    if (now - this.#lastSweep < fullAfterMs) return;
    this.#lastSweep = now;
    for (const [key, bucket] of this.#buckets) {
      if (this.#refilled(bucket, now).tokens >= this.#rule.burst) this.#buckets.delete(key);
    }
  }
}
