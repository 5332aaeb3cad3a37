import { LIMITS } from '../limits.ts';

/**
 * Dial patterns in the style of Cisco's route patterns, which say what numbers look like (the tenant's desk
 * phone extensions, for one). A number fits a pattern when the whole number is matched, left to right:
 *
 * - a digit, `*`, `#` or `+` matches itself;
 * - `X` matches one digit;
 * - `[135]`, `[1-5]`, `[1-35-7]` match one digit of the set, ranges included;
 * - `!` matches one or more digits, and comes last;
 * - `.` matches nothing: a separator for reading (`2.XXX` is `2XXX`).
 *
 * @example matchesDialPattern('2XXX', '2015') // true
 * @example matchesDialPattern('[1-3]X!', '15') // false: ! needs at least one digit
 */

/** Any digits (two or more: X, then !): the extension pattern of a tenant that has not chosen one. */
export const DEFAULT_EXTENSION_PATTERN = 'X!';

/** What a dial pattern is written with, for messages and hints. */
export const DIAL_PATTERN_SYNTAX =
  'digits, *, # and + (themselves), X (any digit), [1-5] or [135] (one digit of a set), ! (one or more digits, last) and . (a separator)';

const DIGITS = '0123456789';
const LITERALS = `${DIGITS}*#+`;

/**
 * A pattern read: what each character of a matching number may be (one string of allowed characters per
 * position), and whether one or more further digits follow (`!`).
 */
interface Parsed {
  positions: string[];
  rest: boolean;
}

const isDigit = (char: string | undefined) =>
  char !== undefined && char.length === 1 && DIGITS.includes(char);

/** Reads `[…]` whose `[` is at `chars[open]`: its digits and where reading goes on, or what is wrong. */
function readSet(chars: string[], open: number): { digits: string; next: number } | { problem: string } {
  let digits = '';
  let i = open + 1;
  for (; i < chars.length && chars[i] !== ']'; i++) {
    const char = chars[i];
    if (!isDigit(char))
      return {
        problem: `"${char}" at position ${i + 1} cannot stand in [ ]: write digits and ranges such as [135] or [1-5].`,
      };
    if (chars[i + 1] !== '-') {
      digits += char;
      continue;
    }
    const last = chars[i + 2];
    if (!isDigit(last))
      return {
        problem: `The range at position ${i + 1} has no last digit: write a range such as [1-5].`,
      };
    const [from, to] = [Number(char), Number(last)];
    if (from > to)
      return {
        problem: `The range ${char}-${last} at position ${i + 1} runs backwards: write ${last}-${char}.`,
      };
    for (let d = from; d <= to; d++) digits += String(d);
    i += 2;
  }
  if (i >= chars.length) return { problem: `The "[" at position ${open + 1} is not closed with "]".` };
  if (digits === '')
    return {
      problem: `The "[]" at position ${open + 1} is empty: list digits such as [135] or a range such as [1-5].`,
    };
  return { digits, next: i + 1 };
}

function parse(pattern: string): Parsed | { problem: string } {
  // Positions count characters (code points), as every limit of the product does.
  const chars = Array.from(pattern);
  const { max } = LIMITS.dialPattern;
  if (chars.length === 0)
    return { problem: `A dial pattern cannot be empty: ${DEFAULT_EXTENSION_PATTERN} takes any digits.` };
  if (chars.length > max)
    return { problem: `A dial pattern has at most ${max} characters; this one has ${chars.length}.` };
  const positions: string[] = [];
  let rest = false;
  let i = 0;
  while (i < chars.length) {
    const char = chars[i] ?? '';
    const at = i + 1;
    if (char === '[') {
      const set = readSet(chars, i);
      if ('problem' in set) return set;
      positions.push(set.digits);
      i = set.next;
      continue;
    }
    if (LITERALS.includes(char)) positions.push(char);
    else if (char === 'X') positions.push(DIGITS);
    else if (char === '!') {
      if (at !== chars.length)
        return {
          problem: `"!" at position ${at} stands for the rest of the number (one or more digits): it can only come last.`,
        };
      rest = true;
    } else if (char === ']') return { problem: `The "]" at position ${at} closes no "[".` };
    else if (char === 'x') return { problem: `"x" at position ${at}: write X, a capital, for any digit.` };
    else if (char !== '.')
      return {
        problem: `"${char}" at position ${at} has no meaning in a dial pattern: use ${DIAL_PATTERN_SYNTAX}.`,
      };
    i++;
  }
  if (positions.length === 0 && !rest)
    return { problem: 'The pattern matches no number: give at least a digit, X, [ ] or !.' };
  return { positions, rest };
}

/** What is wrong with a dial pattern, naming the position (counted from 1) and the fix; null when nothing is. */
export function dialPatternProblem(pattern: string): string | null {
  const parsed = parse(pattern);
  return 'problem' in parsed ? parsed.problem : null;
}

/** Whether the whole of `number` fits `pattern`. A pattern with a problem (see above) fits no number. */
export function matchesDialPattern(pattern: string, number: string): boolean {
  const parsed = parse(pattern);
  if ('problem' in parsed) return false;
  const chars = Array.from(number);
  const fixed = parsed.positions.length;
  if (parsed.rest ? chars.length <= fixed : chars.length !== fixed) return false;
  return (
    parsed.positions.every((allowed, i) => {
      const char = chars[i];
      return char !== undefined && char.length === 1 && allowed.includes(char);
    }) && chars.slice(fixed).every(isDigit)
  );
}
