import type { Recurrence } from '@switchboard/core';
import type { Static, TSchema } from 'typebox';

/** What the admin screen and the API call a job's state. */
export const JOB_STATES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** How often a failing job is tried again, and how long it waits: `delaySeconds`, doubled each time if exponential. */
export interface RetryPolicy {
  /** Attempts after the first; 0: a failure is final. */
  limit: number;
  backoff: { delaySeconds: number; exponential?: boolean; maxSeconds?: number };
}

export interface JobRun {
  id: string;
  /** The tenant the job works for; null for deployment-wide work (retention purges). */
  tenantId: string | null;
  /** 0 on the first attempt. */
  retryCount: number;
  /** Whether a failure of this attempt is final (the job is then failed, not retried). */
  lastAttempt: boolean;
}

/**
 * Thrown by a handler for a failure no retry can mend (what the job needs is gone, or no longer allowed): the
 * job is failed at once with this message, whatever retries it had left.
 */
export class FinalJobFailure extends Error {
  override name = 'FinalJobFailure';
}

/**
 * A kind of job. **Handlers must be idempotent**: a job may run more than once — after a crash or restart
 * while it ran, after its timeout, or when an administrator retries it — so a second run of a job that did
 * its work must change nothing more (delete what is still there, upsert rather than insert, check before
 * sending).
 */
export interface JobDefinition<S extends TSchema = TSchema> {
  /** The payload's shape, checked when the job is enqueued and again when it runs. */
  schema: S;
  handler: (payload: Static<S>, run: JobRun) => Promise<void>;
  retry: RetryPolicy;
  /** At most one job of this kind runs at a time per `key` (all jobs without a key share one). */
  singleton?: boolean;
  /** A run still going after this long counts as failed (and is retried); the default is 15 minutes. */
  timeoutMs?: number;
}

export interface EnqueueOptions {
  /** Groups jobs for `singleton` kinds (one running per key), e.g. a mailbox id. */
  key?: string;
  /** Not before this moment. */
  runAt?: Date;
}

/** A job as the admin screen shows it. */
export interface JobView {
  id: string;
  name: string;
  tenantId: string | null;
  state: JobState;
  payload: unknown;
  key: string | null;
  retryCount: number;
  retryLimit: number;
  /** Why the last attempt failed (also while waiting for its retry). */
  error: string | null;
  createdAt: Date;
  runAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** Whose jobs a caller may see and touch: one tenant's, or (the operator's) every job. */
export type JobScope = { tenantId: string } | 'deployment';

/**
 * Background work stored in the database, so it survives restarts: define kinds at start, enqueue from
 * anywhere, and the worker (started with the server) runs them. One queue serves PGlite and PostgreSQL.
 *
 * The path of a job: `enqueue` checks the payload and stores it (queued) → a worker polling the table
 * claims it (running) → the handler runs → completed, or on error queued again after the backoff until
 * the retry limit, then failed with the error. A payload that no longer passes its schema fails at once,
 * never retried.
 */
export interface JobQueue {
  define<S extends TSchema>(name: string, definition: JobDefinition<S>): void;
  /** A deployment-wide job enqueued at each run of `recurrence`, once per run however many servers share the database. */
  recur(name: string, recurrence: Recurrence, payload: unknown): void;
  /** Stores a job; throws `validation_failed` when the payload does not fit its kind's schema. */
  enqueue(tenantId: string | null, name: string, payload: unknown, options?: EnqueueOptions): Promise<string>;
  /** Jobs in a state, newest first (completed: the most recent ones only). */
  list(scope: JobScope, state: JobState, limit?: number): Promise<JobView[]>;
  get(scope: JobScope, id: string): Promise<JobView | undefined>;
  /** Cancels a queued job; throws `not_found` outside the scope, `conflict` when it is not queued. */
  cancel(scope: JobScope, id: string): Promise<JobView>;
  /** Queues a failed job for one more attempt; throws `not_found` or `conflict` (not failed). */
  retry(scope: JobScope, id: string): Promise<JobView>;
  start(): Promise<void>;
  /** Stops taking jobs and lets running ones finish within `graceMs`; those still running are run again later. */
  stop(graceMs?: number): Promise<void>;
}
