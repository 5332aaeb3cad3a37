import type { StartResult } from './session-types.ts';

/** The server's HTTP answers: which failures are worth retrying (and when), and the errors they carry. */

export type Answer = { status: number; body: unknown };

const BACKOFF_MS = { first: 1000, max: 30_000 };

/** A server error or a rate limit: the same request may succeed later. */
export const worthRetrying = (answer: Answer): boolean => answer.status >= 500 || answer.status === 429;

/** Exponential backoff with jitter: about 1 s, 2 s, 4 s … up to 30 s. */
export function backoff(attempt: number, random: () => number): number {
  const base = Math.min(BACKOFF_MS.max, BACKOFF_MS.first * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** Why a start gave no chat, for the form: the widget is closed, or the fields the server refused. */
export function startRefusal(answer: Answer, systemError: string): StartResult {
  const error = errorOf(answer.body);
  if (answer.status === 409 && error.code === 'widget_closed') {
    return { ok: false, closed: true, message: error.message ?? systemError };
  }
  return {
    ok: false,
    closed: false,
    message: answer.status === 400 ? (error.message ?? '') : systemError,
    fields: fieldErrors(error.details),
  };
}

export function errorOf(body: unknown): { code?: string; message?: string; details?: unknown } {
  const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  return error ?? {};
}

/** The server's validation details as form field → message: `body/fields/email` → `email`. */
function fieldErrors(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of Array.isArray(details) ? details : []) {
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const parts = path.replace(/^body\//, '').split('/');
    const field =
      parts[0] === 'fields' ? (parts[1] === 'custom' ? `custom:${parts[2]}` : parts[1]) : parts[0];
    if (field && !(field in out)) out[field] = message;
  }
  return out;
}
