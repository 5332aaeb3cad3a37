import { LIMITS } from '../limits.ts';
import { codePoints } from '../text.ts';

/**
 * Why a transfer note cannot be sent, or null when it can: at most 500 characters (Unicode code points). A
 * note of spaces only is no note.
 */
export function transferNoteProblem(note: string): string | null {
  const length = codePoints(note);
  if (length > LIMITS.transferNote.max)
    return `A transfer note holds at most ${LIMITS.transferNote.max} characters; this one has ${length}.`;
  return null;
}
