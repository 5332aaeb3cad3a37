import { LIMITS } from '../limits.ts';
import { codePoints } from '../text.ts';

/**
 * Why a chat message cannot be sent, or null when it can: it must say something (not only spaces) and
 * hold at most 1,500 characters (spec C3).
 */
export function chatTextProblem(text: string): string | null {
  if (text.trim().length === 0) return 'A message cannot be empty.';
  const length = codePoints(text);
  if (length > LIMITS.chatMessage.max)
    return `A message holds at most ${LIMITS.chatMessage.max} characters; this one has ${length}.`;
  return null;
}
