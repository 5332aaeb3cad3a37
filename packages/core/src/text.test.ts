import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { codePoints } from './text.ts';

test('text is counted in code points: an emoji or an accented letter is one character', () => {
  assert.equal(codePoints(''), 0);
  assert.equal(codePoints('😀é'), 2);
  assert.equal(codePoints('e\u0301'), 2, 'a combining accent is a code point of its own');
});

test('code points never exceed UTF-16 units, and equal them without surrogate pairs', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      assert.ok(codePoints(text) <= text.length);
      assert.equal(codePoints(text), Array.from(text).length);
    }),
  );
  fc.assert(fc.property(fc.string(), (ascii) => assert.equal(codePoints(ascii), ascii.length)));
});
