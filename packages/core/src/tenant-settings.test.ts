import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { SwitchboardError } from './errors.ts';
import { LIMITS } from './limits.ts';
import { changeTokenLifetimes, DEFAULT_TOKEN_LIFETIMES } from './tenant-settings.ts';

describe('token lifetimes', () => {
  test('defaults are 60 minutes, 10 hours and 1 minute', () => {
    assert.deepEqual(DEFAULT_TOKEN_LIFETIMES, {
      accessTokenMinutes: 60,
      refreshTokenHours: 10,
      authCodeMinutes: 1,
    });
  });

  test('accepts every value inside the bounds and refuses every value outside them (property)', () => {
    const keys = ['accessTokenMinutes', 'refreshTokenHours', 'authCodeMinutes'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.integer({ min: -10, max: 200 }), (key, value) => {
        const { min, max } = LIMITS[key];
        const inside = value >= min && value <= max;
        try {
          const next = changeTokenLifetimes(DEFAULT_TOKEN_LIFETIMES, { [key]: value });
          assert.ok(inside, `${key}=${value} should have been refused`);
          assert.equal(next[key], value);
        } catch (error) {
          assert.ok(!inside, `${key}=${value} should have been accepted`);
          assert.ok(error instanceof SwitchboardError && error.code === 'validation_failed');
        }
      }),
    );
  });

  test('refuses fractions', () => {
    assert.throws(
      () => changeTokenLifetimes(DEFAULT_TOKEN_LIFETIMES, { accessTokenMinutes: 30.5 }),
      /whole number/,
    );
  });
});
