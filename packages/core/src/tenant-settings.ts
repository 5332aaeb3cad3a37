import { invalid } from './errors.ts';
import { LIMITS } from './limits.ts';

export interface TokenLifetimes {
  accessTokenMinutes: number;
  refreshTokenHours: number;
  authCodeMinutes: number;
}

export const DEFAULT_TOKEN_LIFETIMES: TokenLifetimes = {
  accessTokenMinutes: LIMITS.accessTokenMinutes.default,
  refreshTokenHours: LIMITS.refreshTokenHours.default,
  authCodeMinutes: LIMITS.authCodeMinutes.default,
};

/** Merges a change into the current lifetimes, refusing any value outside the bounds of C1. */
export function changeTokenLifetimes(
  current: TokenLifetimes,
  change: Partial<TokenLifetimes>,
): TokenLifetimes {
  const next = { ...current, ...change };
  for (const key of Object.keys(DEFAULT_TOKEN_LIFETIMES) as (keyof TokenLifetimes)[]) {
    const { min, max } = LIMITS[key];
    const value = next[key];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw invalid(`${key} must be a whole number from ${min} to ${max}.`, { field: key, min, max });
    }
  }
  return next;
}
