import { LIMITS } from '../limits.ts';
import { codePoints } from '../text.ts';

/** Control characters other than tab and line breaks: a note is plain text on a few lines. */
const isControl = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return (code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r') || code === 0x7f;
};

/**
 * Why a contact note cannot be stored, or null when it can: plain text (line breaks allowed), not only
 * spaces, at most 1,000 characters (Unicode code points).
 */
export function contactNoteProblem(text: string): string | null {
  if (text.trim().length === 0) return 'A note cannot be empty.';
  if ([...text].some(isControl)) return 'A note is plain text: remove the control characters.';
  const length = codePoints(text);
  if (length > LIMITS.contactNote.max)
    return `A note holds at most ${LIMITS.contactNote.max} characters; this one has ${length}.`;
  return null;
}
