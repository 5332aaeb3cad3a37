import { queuedBefore } from './contact-runtime.ts';

export interface LineKeys {
  priority: number;
  queuedAt: number;
  seq: number;
}

/** Where a contact stands in its line (1 = next): one more than those ahead of it, by priority then age. */
export function positionInLine(line: Iterable<LineKeys>, contact: LineKeys): number {
  let ahead = 0;
  for (const other of line) if (other !== contact && queuedBefore(other, contact)) ahead++;
  return ahead + 1;
}

/** Answers counted for the estimate: the latest this many, within this window. */
export const WAIT_ESTIMATE = { answers: 20, windowMs: 60 * 60_000, minAnswers: 3 } as const;

/** Keeps a CSQ's latest answers, newest last, as many as the estimate reads: `answers` per CSQ id. */
export function noteAnswer(answers: Map<string, number[]>, csqId: string, at: number): void {
  const kept = answers.get(csqId) ?? [];
  kept.push(at);
  if (kept.length > WAIT_ESTIMATE.answers) kept.shift();
  answers.set(csqId, kept);
}

/**
 * The expected wait of the contact at `position`: position × the CSQ's recent time per answer, that is the
 * time from the oldest of its latest answers (at most 20, within the last hour) until now, divided by their
 * number. Fewer than 3 such answers is no history: null, and the customer is shown no estimate.
 */
export function expectedWaitMs(position: number, answeredAt: readonly number[], now: number): number | null {
  const recent = answeredAt
    .filter((at) => at <= now && now - at <= WAIT_ESTIMATE.windowMs)
    .sort((a, b) => b - a)
    .slice(0, WAIT_ESTIMATE.answers);
  if (recent.length < WAIT_ESTIMATE.minAnswers || position < 1) return null;
  const oldest = recent[recent.length - 1] as number;
  return Math.round((position * (now - oldest)) / recent.length);
}
