import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { forbiddenCharacter, RESPONSE_FORBIDDEN_CHARACTERS } from './predefined-responses.ts';
import { codePoints } from './text.ts';

const forbidden = fc.constantFrom(...RESPONSE_FORBIDDEN_CHARACTERS);
/** Any text without a refused character, astral code points included. */
const allowed = fc
  .string({ unit: 'grapheme', maxLength: 40 })
  .filter((text) => !RESPONSE_FORBIDDEN_CHARACTERS.some((c) => text.includes(c)));

describe('forbidden characters of predefined responses', () => {
  test('text without < > ( ) " | passes', () => {
    fc.assert(fc.property(allowed, (text) => forbiddenCharacter(text) === null));
  });

  test('any text with one of them is refused, naming the first and its position in characters', () => {
    fc.assert(
      fc.property(allowed, forbidden, fc.string({ maxLength: 20 }), (before, character, after) => {
        const found = forbiddenCharacter(before + character + after);
        assert.deepEqual(found, { character, position: codePoints(before) + 1 });
      }),
    );
  });

  test('positions count code points, not UTF-16 units', () => {
    assert.deepEqual(forbiddenCharacter('😀😀|'), { character: '|', position: 3 });
    assert.deepEqual(forbiddenCharacter('Refund (partial)'), { character: '(', position: 8 });
    assert.equal(codePoints('😀a'), 2);
  });
});
