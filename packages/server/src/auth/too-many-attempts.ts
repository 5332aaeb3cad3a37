import { SwitchboardError } from '@switchboard/core';

/** The 429 of every sign-in limit: what happened, and when to try again (also as Retry-After). */
export function tooManyAttempts(retryAfterMs: number, what = 'Too many failed sign-ins.'): SwitchboardError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new SwitchboardError('too_many_attempts', `${what} Try again in ${seconds} s.`, {
    retryAfterSeconds: seconds,
  });
}
