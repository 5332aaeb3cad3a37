import { createHash } from 'node:crypto';
import { latestRun, type Recurrence } from '@switchboard/core';

export interface RecurringJob {
  name: string;
  recurrence: Recurrence;
  payload: unknown;
}

/**
 * The id of a recurring job's run: the same for every server that computes it, so the run is stored once
 * (the insert of an id already there does nothing) however many servers share the database and however
 * often they check.
 */
export function runId(name: string, runAtMs: number): string {
  const bytes = createHash('sha256').update(`${name}\u0000${runAtMs}`).digest();
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80; // version 8: custom
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The run each recurring job is due for at `nowMs` (the latest, so a server that was down runs a missed one once). */
export function dueRuns(jobs: readonly RecurringJob[], nowMs: number) {
  return jobs.map((job) => {
    const runAt = latestRun(job.recurrence, nowMs);
    return { ...job, runAt, id: runId(job.name, runAt) };
  });
}
