import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LIMITS } from '../limits.ts';
import { codePoints } from '../text.ts';
import { contactNoteProblem } from './note.ts';

const printable = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1200 });

test('a note is accepted exactly when it says something in at most 1,000 code points', () => {
  fc.assert(
    fc.property(printable, (text) => {
      const clean = [...text]
        .map((c) => ((c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f' ? 'x' : c))
        .join('');
      const ok = clean.trim().length > 0 && codePoints(clean) <= LIMITS.contactNote.max;
      assert.equal(contactNoteProblem(clean) === null, ok, JSON.stringify(clean));
    }),
  );
});

test('emoji count as one character, line breaks are allowed, control characters are not', () => {
  assert.equal(contactNoteProblem('😀'.repeat(1000)), null);
  assert.match(contactNoteProblem('😀'.repeat(1001)) ?? '', /at most 1000 characters; this one has 1001/);
  assert.equal(contactNoteProblem('Refund promised.\nCall back Monday.\tThanks'), null);
  assert.match(contactNoteProblem('bell\u0007') ?? '', /plain text/);
  assert.match(contactNoteProblem(' \n ') ?? '', /cannot be empty/);
});
