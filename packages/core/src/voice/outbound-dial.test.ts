import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkDialled, DEFAULT_OUTBOUND_DIAL_PLAN, type OutboundDialPlan } from './outbound-dial.ts';

const plan = (change: Partial<OutboundDialPlan> = {}): OutboundDialPlan => ({
  ...DEFAULT_OUTBOUND_DIAL_PLAN,
  ...change,
});

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));

describe('checking a dialled number', () => {
  test('reading marks are left out of what is dialled', () => {
    const verdict = checkDialled('+44 (20) 7946-0000', plan({ countryCode: '44' }));
    assert.deepEqual(verdict, {
      allowed: true,
      number: '+442079460000',
      emergency: false,
      international: false,
    });
  });

  test('by default, numbers abroad are refused: with +, 00 or 011 in front', () => {
    for (const number of ['+442079460000', '00442079460000', '011442079460000']) {
      const verdict = checkDialled(number, plan());
      assert.equal(verdict.allowed, false, number);
      assert.equal(!verdict.allowed && verdict.reason, 'international');
    }
    assert.equal(checkDialled('02079460000', plan()).allowed, true);
  });

  test('with a country code, + numbers of that country are national; others stay international', () => {
    const uk = plan({ countryCode: '44' });
    assert.equal(checkDialled('+442079460000', uk).allowed, true);
    assert.equal(checkDialled('+12025550100', uk).allowed, false);
    const open = plan({ countryCode: '44', international: true });
    assert.deepEqual(checkDialled('+12025550100', open), {
      allowed: true,
      number: '+12025550100',
      emergency: false,
      international: true,
    });
  });

  test('behind an outside-line code, numbers abroad are still international', () => {
    const pbx = plan({ patterns: ['9X!'], outsideLinePrefix: '9' });
    assert.equal(checkDialled('9 020 7946 0000', pbx).allowed, true);
    for (const number of ['9 0044 20 7946 0000', '9011 44 20 7946 0000']) {
      const verdict = checkDialled(number, pbx);
      assert.equal(!verdict.allowed && verdict.reason, 'international', number);
    }
  });

  test('a number that fits no pattern is refused and the patterns are named', () => {
    const verdict = checkDialled('5550100', plan({ patterns: ['9X!', '[2-8]XXX'] }));
    assert.equal(verdict.allowed, false);
    assert.match(!verdict.allowed ? verdict.message : '', /9X!, \[2-8\]XXX/);
    assert.equal(checkDialled('2015', plan({ patterns: ['9X!', '[2-8]XXX'] })).allowed, true);
  });

  test('what is not a number is refused as malformed', () => {
    for (const text of ['', '1', 'sip:evil@example.com', '12+34', '123a', '1'.repeat(33)]) {
      const verdict = checkDialled(text, plan());
      assert.equal(!verdict.allowed && verdict.reason, 'malformed', text);
    }
  });

  test('emergency numbers always go through, whatever the patterns and international setting', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('112', '911', '999'),
        fc.constantFrom('', ' ', '-'),
        fc.array(fc.constantFrom('9X!', '2XXX', '+X!', '0[1-9]X!'), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (emergency, mark, patterns, international) => {
          const verdict = checkDialled(
            emergency.split('').join(mark),
            plan({ patterns, international, emergencyNumbers: ['112', '911', '999'] }),
          );
          assert.deepEqual(verdict, {
            allowed: true,
            number: emergency,
            emergency: true,
            international: false,
          });
        },
      ),
    );
  });

  test('with international off, no number with an international prefix is ever allowed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('+', '00', '011'),
        digits(4, 14),
        fc.constantFrom(' ', '-', ''),
        fc.constantFrom('', '9', '0'),
        (prefix, rest, mark, outside) => {
          // A + goes first in a number: after an outside-line code it is malformed, not international.
          fc.pre(prefix !== '+' || outside === '');
          const verdict = checkDialled(
            `${outside}${prefix}${mark}${rest}`,
            plan({ patterns: ['X!', '+X!', '9X!'], outsideLinePrefix: outside || null }),
          );
          assert.equal(!verdict.allowed && verdict.reason, 'international');
        },
      ),
    );
  });
});
