import type { LogEntry } from './session-types.ts';

/** The log kept across reloads is capped; the server keeps the whole chat (the transcript). */
const KEPT_ENTRIES = 200;

export const withEntry = (log: LogEntry[], entry: LogEntry): LogEntry[] =>
  [...log, entry].slice(-KEPT_ENTRIES);

/** A customer's message is known by the id the widget gave it until the server numbers it. */
export const localKey = (clientId: string): string => `local-${clientId}`;

/** The server took the customer's message as `seq`: its entry gets it, or goes if the stream had it first. */
export function withAccepted(log: LogEntry[], clientId: string, seq: number): LogEntry[] {
  const key = localKey(clientId);
  const echoed = log.some((entry) => entry.seq === seq && entry.key !== key);
  return echoed
    ? log.filter((entry) => entry.key !== key)
    : log.map((entry) => (entry.key === key ? { ...entry, seq, pending: false } : entry));
}

/** The server refused the customer's message: its entry shows it failed. */
export function withRefused(log: LogEntry[], clientId: string): LogEntry[] {
  const key = localKey(clientId);
  return log.map((entry) => (entry.key === key ? { ...entry, pending: false, failed: true } : entry));
}
