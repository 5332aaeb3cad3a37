import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { SwitchboardError } from './errors.ts';
import { LIMITS } from './limits.ts';
import {
  changeTokenLifetimes,
  changeVoiceSettings,
  DEFAULT_TOKEN_LIFETIMES,
  DEFAULT_VOICE_SETTINGS,
} from './tenant-settings.ts';
import { DEFAULT_OUTBOUND_DIAL_PLAN, type OutboundDialPlan } from './voice/outbound-dial.ts';

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

describe('voice settings', () => {
  test('a tenant without them has the default extension pattern; a valid pattern replaces it', () => {
    const outbound = DEFAULT_OUTBOUND_DIAL_PLAN;
    assert.deepEqual(changeVoiceSettings(undefined, {}), { extensionPattern: 'X!', outbound });
    assert.deepEqual(changeVoiceSettings(DEFAULT_VOICE_SETTINGS, { extensionPattern: '2XXX' }), {
      extensionPattern: '2XXX',
      outbound,
    });
    // Stored before there was a dial plan: the default plan.
    assert.deepEqual(changeVoiceSettings({ extensionPattern: '2XXX' }, {}), {
      extensionPattern: '2XXX',
      outbound,
    });
  });

  test('a change to the dial plan keeps its other fields; a field with a problem is refused and named', () => {
    const changed = changeVoiceSettings(DEFAULT_VOICE_SETTINGS, { outbound: { international: true } });
    assert.deepEqual(changed.outbound, { ...DEFAULT_OUTBOUND_DIAL_PLAN, international: true });
    assert.equal(changed.extensionPattern, 'X!');
    const refusals: [Partial<OutboundDialPlan>, string][] = [
      [{ patterns: [] }, 'patterns'],
      [{ patterns: ['9X!', '[9-1]'] }, 'patterns'],
      [{ countryCode: '+44' }, 'countryCode'],
      [{ internationalPrefixes: ['+'] }, 'internationalPrefixes'],
      [{ emergencyNumbers: ['1'] }, 'emergencyNumbers'],
      [{ maxConcurrentCalls: -1 }, 'maxConcurrentCalls'],
      [{ maxConcurrentCalls: 1.5 }, 'maxConcurrentCalls'],
    ];
    for (const [outbound, field] of refusals)
      assert.throws(
        () => changeVoiceSettings(DEFAULT_VOICE_SETTINGS, { outbound }),
        (error) =>
          error instanceof SwitchboardError &&
          (error.details as { field: string }[])[0]?.field === `voice/outbound/${field}`,
        JSON.stringify(outbound),
      );
  });

  test('a pattern with a problem is refused, pinned to the field, saying what is wrong where', () => {
    assert.throws(
      () => changeVoiceSettings(DEFAULT_VOICE_SETTINGS, { extensionPattern: '2X!X' }),
      (error) => {
        assert.ok(error instanceof SwitchboardError && error.code === 'validation_failed');
        assert.match(error.message, /^Extension pattern: "!" at position 3/);
        assert.deepEqual(error.details, [
          { path: 'body/voice/extensionPattern', field: 'voice/extensionPattern', message: error.message },
        ]);
        return true;
      },
    );
  });
});
