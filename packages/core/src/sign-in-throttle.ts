/**
 * Sign-in throttling by progressive delay (pure). Each attempt is reserved *before* the password is hashed:
 * the reservation counts it as a failure at once, so parallel guesses all count, and a success gives it back.
 * After `freeFailures` failures in a row each further attempt must wait twice as long as the
 * one before, from `firstDelayMs` up to `maxDelayMs`. Nothing locks for good: the right password only ever
 * waits out the current delay, and a key forgets its failures after `forgetAfterMs` without an attempt.
 */
export interface ThrottleRule {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

export interface ThrottleState {
  failures: number;
  lastAttemptAt: number;
  nextAllowedAt: number;
}

export type Reservation =
  | { allowed: true; state: ThrottleState }
  | { allowed: false; retryAfterMs: number; state: ThrottleState };

const FRESH: ThrottleState = { failures: 0, lastAttemptAt: 0, nextAllowedAt: 0 };

/** How long the attempt after `failures` consecutive failures must wait. */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  const over = failures - rule.freeFailures;
  if (over < 0) return 0;
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** Math.min(over, 40));
}

export function currentState(
  rule: ThrottleRule,
  state: ThrottleState | undefined,
  now: number,
): ThrottleState {
  if (!state || now - state.lastAttemptAt >= rule.forgetAfterMs) return FRESH;
  return state;
}

/**
 * Takes the next attempt if its time has come, counting it as a failure until it succeeds. An attempt whose clock
 * was read before that of an attempt reserved ahead of it (it waited for the other's lock, or came to another node)
 * is taken as made right after that one: never refused for a delay the other did not start.
 */
export function reserveAttempt(
  rule: ThrottleRule,
  stored: ThrottleState | undefined,
  now: number,
): Reservation {
  const at = Math.max(now, stored?.lastAttemptAt ?? now);
  const state = currentState(rule, stored, at);
  if (at < state.nextAllowedAt) {
    // The wait is told from this attempt's own clock: a clock read early waits that much longer.
    return { allowed: false, retryAfterMs: state.nextAllowedAt - now, state };
  }
  const failures = state.failures + 1;
  return {
    allowed: true,
    state: { failures, lastAttemptAt: at, nextAllowedAt: at + delayAfter(rule, failures) },
  };
}

/** A reserved attempt that succeeded no longer counts; the delay it started is lifted with it. */
export function refundAttempt(rule: ThrottleRule, state: ThrottleState): ThrottleState {
  const failures = Math.max(0, state.failures - 1);
  return {
    failures,
    lastAttemptAt: state.lastAttemptAt,
    nextAllowedAt: state.lastAttemptAt + delayAfter(rule, failures),
  };
}

/** The defaults: per user at one address, and per address across users (operators may raise the latter). */
export const SIGN_IN_THROTTLE = {
  userAtAddress: {
    freeFailures: 5,
    firstDelayMs: 1_000,
    maxDelayMs: 15 * 60_000,
    forgetAfterMs: 60 * 60_000,
  },
  address: { freeFailures: 50, firstDelayMs: 1_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 },
} as const satisfies Record<string, ThrottleRule>;
