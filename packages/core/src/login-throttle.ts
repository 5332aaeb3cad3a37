import type { Clock } from './clock.ts';

export interface ThrottleRule {
  /** Failed attempts allowed within the window before further attempts are refused. */
  maxFailures: number;
  windowMs: number;
}

export interface ThrottleVerdict {
  allowed: boolean;
  retryAfterMs: number;
}

/**
 * Counts failed sign-ins per key (a user, an address) in a sliding window. A success clears the key.
 * Memory stays bounded: keys whose failures have all aged out are dropped on the next sweep.
 */
export class LoginThrottle {
  readonly #rule: ThrottleRule;
  readonly #clock: Clock;
  readonly #failures = new Map<string, number[]>();
  #lastSweep = 0;

  constructor(rule: ThrottleRule, clock: Clock) {
    this.#rule = rule;
    this.#clock = clock;
  }

  check(key: string): ThrottleVerdict {
    const recent = this.#recent(key);
    if (recent.length < this.#rule.maxFailures) return { allowed: true, retryAfterMs: 0 };
    const oldest = recent[recent.length - this.#rule.maxFailures] ?? this.#clock.now();
    return { allowed: false, retryAfterMs: Math.max(1, oldest + this.#rule.windowMs - this.#clock.now()) };
  }

  recordFailure(key: string): void {
    const recent = this.#recent(key);
    recent.push(this.#clock.now());
    this.#failures.set(key, recent);
    this.#sweep();
  }

  recordSuccess(key: string): void {
    this.#failures.delete(key);
  }

  get trackedKeys(): number {
    return this.#failures.size;
  }

  #recent(key: string): number[] {
    const since = this.#clock.now() - this.#rule.windowMs;
    return (this.#failures.get(key) ?? []).filter((at) => at > since);
  }

  #sweep(): void {
    const now = this.#clock.now();
    if (now - this.#lastSweep < this.#rule.windowMs) return;
    this.#lastSweep = now;
    for (const [key, times] of this.#failures) {
      if (times.every((at) => at <= now - this.#rule.windowMs)) this.#failures.delete(key);
    }
  }
}
