import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { LIMITS } from '../limits.ts';
import { DEFAULT_EXTENSION_PATTERN, dialPatternProblem, matchesDialPattern } from './dial-pattern.ts';

describe('dial patterns', () => {
  test('digits, *, # and + match themselves; X any digit; . nothing', () => {
    const cases: [string, string, boolean][] = [
      ['2000', '2000', true],
      ['2000', '2001', false],
      ['2000', '200', false],
      ['2000', '20000', false],
      ['*#+1', '*#+1', true],
      ['*#+1', '1#+*', false],
      ['2XXX', '2015', true],
      ['2XXX', '3015', false],
      ['2XXX', '2*15', false],
      ['2XXX', '201', false],
      ['2.XXX', '2015', true],
      ['2.XXX', '2.015', false],
      ['+49.X.X', '+4912', true],
    ];
    for (const [pattern, number, fits] of cases)
      assert.equal(matchesDialPattern(pattern, number), fits, `${pattern} ~ ${number}`);
  });

  test('[ ] is one digit of a set, ranges included', () => {
    const fitting = (pattern: string) =>
      Array.from({ length: 10 }, (_, d) => String(d)).filter((d) => matchesDialPattern(pattern, d));
    assert.deepEqual(fitting('[1-5]'), ['1', '2', '3', '4', '5']);
    assert.deepEqual(fitting('[135]'), ['1', '3', '5']);
    assert.deepEqual(fitting('[1-35-7]'), ['1', '2', '3', '5', '6', '7']);
    assert.deepEqual(fitting('[0-09]'), ['0', '9']);
    assert.equal(matchesDialPattern('[1-5]X', '35'), true);
    assert.equal(matchesDialPattern('[1-5]X', '65'), false);
    assert.equal(matchesDialPattern('[1-5]', '*'), false);
  });

  test('! is one or more digits at the end; the default X! takes any two or more digits and nothing else', () => {
    assert.equal(matchesDialPattern('9!', '9'), false);
    assert.equal(matchesDialPattern('9!', '91'), true);
    assert.equal(matchesDialPattern('9!', '9123456789012'), true);
    assert.equal(matchesDialPattern('9!', '91*'), false);
    assert.equal(DEFAULT_EXTENSION_PATTERN, 'X!');
    for (const number of ['42', '2000', '0123456789'])
      assert.equal(matchesDialPattern(DEFAULT_EXTENSION_PATTERN, number), true, number);
    for (const number of ['', '1', '*1', '1#', '+49'])
      assert.equal(matchesDialPattern(DEFAULT_EXTENSION_PATTERN, number), false, number);
  });

  test('a pattern with a problem names the position and the fix, and fits no number', () => {
    const cases: [string, RegExp][] = [
      ['', /cannot be empty/],
      ['2AXX', /"A" at position 2 has no meaning in a dial pattern: use digits/],
      ['2 XX', /" " at position 2 has no meaning/],
      ['2xx', /"x" at position 2: write X, a capital/],
      ['1!2', /"!" at position 2 .* can only come last/],
      ['X!.', /"!" at position 2/],
      ['[1-5', /"\[" at position 1 is not closed/],
      ['2[]', /"\[\]" at position 2 is empty/],
      ['2]', /"\]" at position 2 closes no "\["/],
      ['[5-3]', /range 5-3 at position 2 runs backwards: write 3-5/],
      ['[1-]', /range at position 2 has no last digit/],
      ['[1-*]', /range at position 2 has no last digit/],
      ['[X]', /"X" at position 2 cannot stand in \[ \]/],
      ['[-5]', /"-" at position 2 cannot stand in \[ \]/],
      ['[1[2]]', /"\[" at position 3 cannot stand/],
      ['...', /matches no number/],
      ['X'.repeat(LIMITS.dialPattern.max + 1), /at most 40 characters; this one has 41/],
    ];
    for (const [pattern, problem] of cases) {
      assert.match(dialPatternProblem(pattern) ?? 'no problem', problem, JSON.stringify(pattern));
      for (const number of ['', '1', '15', '2000', '23', '1-2'])
        assert.equal(matchesDialPattern(pattern, number), false, `${pattern} ~ ${number}`);
    }
    assert.equal(dialPatternProblem('X'.repeat(LIMITS.dialPattern.max)), null);
    assert.match(dialPatternProblem('1😀') ?? '', /"😀" at position 2/, 'positions count characters');
  });
});

/** One element of a valid pattern: its text, and what a matching number may hold there. */
interface Element {
  text: string;
  /** The characters a number may have here; '' for a separator (`.`), which takes no character. */
  allowed: string;
}
const DIGITS = '0123456789';
const digit = fc.integer({ min: 0, max: 9 });
const setElement: fc.Arbitrary<Element> = fc
  .array(
    fc.oneof(
      digit.map((d) => [d, d] as const),
      fc.tuple(digit, digit),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((parts) => {
    const ranges = parts.map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
    const text = `[${ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join('')}]`;
    const allowed = DIGITS.split('')
      .filter((d) => ranges.some(([a, b]) => Number(d) >= a && Number(d) <= b))
      .join('');
    return { text, allowed };
  });
const element: fc.Arbitrary<Element> = fc.oneof(
  fc.constantFrom(...`${DIGITS}*#+`).map((c) => ({ text: c, allowed: c })),
  fc.constant({ text: 'X', allowed: DIGITS }),
  fc.constant({ text: '.', allowed: '' }),
  setElement,
);
/** A valid pattern: 1–8 elements, at least one that takes a character, maybe `!` after them; under 40 long. */
const validPattern = fc
  .record({ elements: fc.array(element, { minLength: 1, maxLength: 8 }), rest: fc.boolean() })
  .filter(({ elements, rest }) => rest || elements.some((e) => e.allowed !== ''))
  .map(({ elements, rest }) => ({
    elements,
    rest,
    text: elements.map((e) => e.text).join('') + (rest ? '!' : ''),
  }))
  // Room for one more character (the test that puts a foreign one in).
  .filter(({ text }) => text.length < LIMITS.dialPattern.max);
/** A number that fits the pattern, built character by character from what each element allows. */
const fittingNumber = ({ elements, rest }: { elements: Element[]; rest: boolean }) =>
  fc
    .tuple(
      fc.tuple(...elements.map((e) => (e.allowed === '' ? fc.constant('') : fc.constantFrom(...e.allowed)))),
      rest ? fc.string({ unit: fc.constantFrom(...DIGITS), minLength: 1, maxLength: 6 }) : fc.constant(''),
    )
    .map(([chars, tail]) => chars.join('') + tail);
/** The same pattern as a regular expression, written independently: the oracle. */
const asRegExp = (pattern: string) =>
  new RegExp(
    `^${pattern.replaceAll('.', '').replace(/[*+]/g, '\\$&').replaceAll('X', '[0-9]').replaceAll('!', '[0-9]+')}$`,
  );
const anyNumber = fc.string({ unit: fc.constantFrom(...`${DIGITS}*#+`), maxLength: 10 });

describe('dial patterns (properties)', () => {
  test('every pattern built from the syntax is valid, and every number built from it fits', () => {
    fc.assert(
      fc.property(
        validPattern.chain((p) => fc.tuple(fc.constant(p), fittingNumber(p))),
        ([pattern, number]) => {
          assert.equal(dialPatternProblem(pattern.text), null, pattern.text);
          assert.ok(matchesDialPattern(pattern.text, number), `${pattern.text} ~ ${number}`);
        },
      ),
    );
  });

  test('a number fits exactly when the equivalent regular expression matches it', () => {
    fc.assert(
      fc.property(validPattern, anyNumber, ({ text }, number) => {
        assert.equal(matchesDialPattern(text, number), asRegExp(text).test(number), `${text} ~ ${number}`);
      }),
      { numRuns: 500 },
    );
  });

  test('a foreign character put between elements is refused at its position', () => {
    const foreign = fc.constantFrom('a', 'Y', ' ', '-', '?', '%', ',', 'x');
    fc.assert(
      fc.property(
        validPattern.chain((p) => fc.tuple(fc.constant(p), fc.nat({ max: p.elements.length }), foreign)),
        ([pattern, at, char]) => {
          const before = pattern.elements
            .slice(0, at)
            .map((e) => e.text)
            .join('');
          const after = pattern.text.slice(before.length);
          const problem = dialPatternProblem(before + char + after);
          assert.ok(
            problem?.includes(`"${char}" at position ${before.length + 1}`),
            `${before}${char}${after}: ${problem}`,
          );
        },
      ),
    );
  });

  test('any text at all: a problem or none, never a throw; with a problem no number fits', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 45 }),
      fc.string({ unit: fc.constantFrom(...'0123456789X[]-!.*#+'), maxLength: 12 }),
    );
    fc.assert(
      fc.property(text, anyNumber, (pattern, number) => {
        const problem = dialPatternProblem(pattern);
        assert.ok(problem === null || problem.length > 0);
        if (problem !== null) assert.equal(matchesDialPattern(pattern, number), false);
        else assert.equal(matchesDialPattern(pattern, number), asRegExp(pattern).test(number), pattern);
      }),
      { numRuns: 1000 },
    );
  });
});
