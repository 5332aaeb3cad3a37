import { checkRecurrence, type Recurrence, SwitchboardError } from '@switchboard/core';
import { type Clock, type ClockTimer, type JobWithMetadata, PgBoss, systemClock } from 'pg-boss';
import type { TSchema } from 'typebox';
import type { Database } from '../db/database.ts';
import { bossConnection, JOBS_SCHEMA } from './boss-connection.ts';
import {
  type EnqueueOptions,
  FinalJobFailure,
  type JobDefinition,
  type JobQueue,
  type JobScope,
  type JobState,
  type JobView,
} from './job-queue.ts';
import { jobRows } from './job-rows.ts';
import { checkPayload, payloadProblem } from './payload-check.ts';
import { dueRuns, type RecurringJob } from './recurring.ts';

export interface BossJobQueueOptions {
  database: Database;
  /** pg-boss's clock; tests pass its `TestClock` to move time by hand. */
  clock?: Clock;
  /** How often an idle worker looks for jobs. PGlite's one connection is shared with requests: keep it modest. */
  pollSeconds?: number;
  /** How often recurring jobs are checked for a run that is due. */
  recurringCheckSeconds?: number;
  onError?: (error: unknown) => void;
}

/** What pg-boss stores as a job's data: the payload and whose it is. */
interface Stored {
  tenantId: string | null;
  payload: unknown;
}

const NAME = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;
const DEFAULT_TIMEOUT_MS = 15 * 60_000;

/** `JobQueue` on pg-boss, over PostgreSQL or the embedded PGlite (see boss-connection.ts). */
export class BossJobQueue implements JobQueue {
  readonly #database: Database;
  readonly #boss: PgBoss;
  readonly #clock: Clock;
  readonly #pollSeconds: number;
  readonly #recurringCheckMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #definitions = new Map<string, JobDefinition>();
  readonly #recurring: RecurringJob[] = [];
  #timer: ClockTimer | undefined;
  #started = false;

  constructor(options: BossJobQueueOptions) {
    this.#database = options.database;
    this.#clock = options.clock ?? systemClock;
    this.#pollSeconds = options.pollSeconds ?? (options.database.kind === 'pglite' ? 5 : 2);
    this.#recurringCheckMs = (options.recurringCheckSeconds ?? 30) * 1000;
    this.#onError = options.onError ?? ((error) => console.error('background jobs:', error));
    this.#boss = new PgBoss({
      ...bossConnection(options.database),
      clock: this.#clock,
      // Recurring jobs are ours (core's recurrence, DST-correct); pg-boss's cron is not used.
      schedule: false,
      superviseIntervalSeconds: 30,
    });
    this.#boss.on('error', (error) => this.#onError(error));
  }

  define<S extends TSchema>(name: string, definition: JobDefinition<S>): void {
    if (this.#started) throw new Error(`define ${name} before the queue starts`);
    if (!NAME.test(name)) throw new Error(`${name} is not a job name (lower case, dots and dashes)`);
    if (this.#definitions.has(name)) throw new Error(`the job ${name} is defined twice`);
    this.#definitions.set(name, definition as unknown as JobDefinition);
  }

  recur(name: string, recurrence: Recurrence, payload: unknown): void {
    checkRecurrence(recurrence);
    const definition = this.#definition(name);
    checkPayload(name, definition.schema, payload);
    this.#recurring.push({ name, recurrence, payload });
  }

  async enqueue(
    tenantId: string | null,
    name: string,
    payload: unknown,
    options: EnqueueOptions = {},
  ): Promise<string> {
    checkPayload(name, this.#definition(name).schema, payload);
    const data: Stored = { tenantId, payload };
    const id = await this.#boss.send(name, data, {
      ...(options.key === undefined ? {} : { singletonKey: options.key }),
      ...(options.runAt === undefined ? {} : { startAfter: options.runAt }),
    });
    if (!id)
      throw new SwitchboardError('conflict', `A ${name} job with the key ${options.key} is already queued.`);
    return id;
  }

  list(scope: JobScope, state: JobState, limit = 100): Promise<JobView[]> {
    return jobRows.list(this.#database.db, scope, state, limit);
  }

  get(scope: JobScope, id: string): Promise<JobView | undefined> {
    return jobRows.get(this.#database.db, scope, id);
  }

  async cancel(scope: JobScope, id: string): Promise<JobView> {
    const job = await this.#found(scope, id);
    if (job.state !== 'queued')
      throw new SwitchboardError('conflict', `Only a queued job can be cancelled; this one is ${job.state}.`);
    await this.#boss.cancel(job.name, id);
    return this.#found(scope, id);
  }

  async retry(scope: JobScope, id: string): Promise<JobView> {
    const job = await this.#found(scope, id);
    if (job.state !== 'failed')
      throw new SwitchboardError('conflict', `Only a failed job can be retried; this one is ${job.state}.`);
    await this.#boss.retry(job.name, id);
    return this.#found(scope, id);
  }

  async start(): Promise<void> {
    await this.#boss.start();
    this.#started = true;
    for (const [name, definition] of this.#definitions) await this.#createQueue(name, definition);
    // PGlite belongs to this one process: a job marked running was left by the server that stopped.
    if (this.#database.kind === 'pglite') await this.#failInterrupted();
    // With its metadata a job says whether this attempt is its last (retry limit and count).
    const work = { pollingIntervalSeconds: this.#pollSeconds, batchSize: 1, includeMetadata: true } as const;
    for (const [name, definition] of this.#definitions) {
      await this.#boss.work<Stored, unknown, typeof work>(name, work, ([job]) =>
        job ? this.#run(name, definition, job) : Promise.resolve(),
      );
    }
    if (this.#recurring.length > 0) {
      await this.#enqueueDueRuns();
      this.#timer = this.#clock.setInterval(() => {
        this.#enqueueDueRuns().catch(this.#onError);
      }, this.#recurringCheckMs);
    }
  }

  async stop(graceMs = 10_000): Promise<void> {
    if (this.#timer) this.#clock.clearInterval(this.#timer);
    if (!this.#started) return;
    this.#started = false;
    await this.#boss.stop({ graceful: graceMs > 0, timeout: Math.max(graceMs, 1) });
  }

  #definition(name: string): JobDefinition {
    const definition = this.#definitions.get(name);
    if (!definition) throw new Error(`no job is defined as ${name}`);
    return definition;
  }

  async #found(scope: JobScope, id: string): Promise<JobView> {
    const job = await this.get(scope, id);
    if (!job) throw new SwitchboardError('not_found', `There is no job ${id}.`);
    return job;
  }

  async #createQueue(name: string, definition: JobDefinition): Promise<void> {
    const { limit, backoff } = definition.retry;
    const options = {
      retryLimit: limit,
      retryDelay: backoff.delaySeconds,
      retryBackoff: backoff.exponential ?? false,
      ...(backoff.maxSeconds === undefined ? {} : { retryDelayMax: backoff.maxSeconds }),
      expireInSeconds: Math.max(1, Math.ceil((definition.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)),
    };
    await this.#boss.createQueue(name, {
      ...options,
      policy: definition.singleton ? 'singleton' : 'standard',
    });
    // A queue made by an earlier start keeps its policy; its retry and timeout follow the definition.
    await this.#boss.updateQueue(name, options);
  }

  async #run(name: string, definition: JobDefinition, job: JobWithMetadata<Stored>): Promise<void> {
    const problem = payloadProblem(name, definition.schema, job.data?.payload);
    if (problem) {
      // A payload that does not fit will not fit next time either: this attempt is the last.
      await this.#makeLastAttempt(name, job.id);
      throw new Error(problem);
    }
    try {
      await definition.handler(job.data.payload as never, {
        id: job.id,
        tenantId: job.data.tenantId,
        retryCount: job.retryCount,
        lastAttempt: job.retryCount >= job.retryLimit,
      });
    } catch (error) {
      if (error instanceof FinalJobFailure) await this.#makeLastAttempt(name, job.id);
      throw error;
    }
  }

  async #makeLastAttempt(name: string, id: string): Promise<void> {
    await this.#boss
      .getDb()
      .executeSql(`update ${JOBS_SCHEMA}.job set retry_limit = retry_count where name = $1 and id = $2`, [
        name,
        id,
      ]);
  }

  async #failInterrupted(): Promise<void> {
    for (const job of await jobRows.running(this.#database.db)) {
      await this.#boss.fail(job.name, job.id, { message: 'The server stopped while the job ran.' });
    }
  }

  async #enqueueDueRuns(): Promise<void> {
    for (const run of dueRuns(this.#recurring, this.#clock.now())) {
      const data: Stored = { tenantId: null, payload: run.payload };
      await this.#boss.send(run.name, data, { id: run.id, startAfter: new Date(run.runAt) });
    }
  }
}
