import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { JOBS_SCHEMA } from './boss-connection.ts';
import type { JobScope, JobState, JobView } from './job-queue.ts';

/** pg-boss's states behind each of ours: a job waiting for its retry is still queued. */
const BOSS_STATES: Record<JobState, string[]> = {
  queued: ['created', 'retry'],
  running: ['active'],
  completed: ['completed'],
  failed: ['failed'],
  cancelled: ['cancelled'],
};

interface JobRow {
  id: string;
  name: string;
  data: { tenantId?: string | null; payload?: unknown } | null;
  state: string;
  singleton_key: string | null;
  retry_count: number;
  retry_limit: number;
  output: { message?: unknown } | null;
  created_on: Date;
  start_after: Date;
  started_on: Date | null;
  completed_on: Date | null;
}

const job = sql.table(`${JOBS_SCHEMA}.job`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads pg-boss's job table directly: it lists across kinds and filters by tenant, which its API cannot. */
export const jobRows = {
  async list(db: Db, scope: JobScope, state: JobState, limit: number): Promise<JobView[]> {
    const result = await sql<JobRow>`select * from ${job}
      where state::text in (${sql.join(BOSS_STATES[state])}) and ${inScope(scope)}
      order by created_on desc, id limit ${limit}`.execute(db);
    return result.rows.map(toView);
  },

  async get(db: Db, scope: JobScope, id: string): Promise<JobView | undefined> {
    if (!UUID.test(id)) return undefined;
    const result =
      await sql<JobRow>`select * from ${job} where id = ${id}::uuid and ${inScope(scope)}`.execute(db);
    const row = result.rows[0];
    return row ? toView(row) : undefined;
  },

  /** Jobs marked running: on PGlite, at start, these were left by a server that stopped while they ran. */
  async running(db: Db): Promise<{ id: string; name: string }[]> {
    const result = await sql<{
      id: string;
      name: string;
    }>`select id, name from ${job} where state = 'active'`.execute(db);
    return result.rows;
  },
};

function inScope(scope: JobScope): RawBuilder<unknown> {
  return scope === 'deployment' ? sql`true` : sql`data->>'tenantId' = ${scope.tenantId}`;
}

function stateOf(bossState: string): JobState {
  for (const [state, bossStates] of Object.entries(BOSS_STATES))
    if (bossStates.includes(bossState)) return state as JobState;
  throw new Error(`unknown job state ${bossState}`);
}

function toView(row: JobRow): JobView {
  const state = stateOf(row.state);
  const failedBefore = row.state === 'failed' || row.state === 'retry';
  const message = row.output?.message;
  return {
    id: row.id,
    name: row.name,
    tenantId: row.data?.tenantId ?? null,
    state,
    payload: row.data?.payload ?? null,
    key: row.singleton_key,
    retryCount: row.retry_count,
    retryLimit: row.retry_limit,
    error: failedBefore && typeof message === 'string' ? message : null,
    createdAt: row.created_on,
    runAt: row.start_after,
    startedAt: row.started_on,
    finishedAt: row.completed_on,
  };
}
