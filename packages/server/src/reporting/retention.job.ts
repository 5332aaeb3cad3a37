import { Type } from 'typebox';
import type { Db } from '../db/database.ts';
import { FinalJobFailure, type JobQueue } from '../jobs/job-queue.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';
import { purgeRetained } from './retention.ts';

export const RETENTION_PURGE_JOB = 'reporting.retention';
export const RETENTION_TICK = 'reporting.retention.tick';

/**
 * Each night at 04:15 UTC (after the deployment's own purge and the usual local recaptures) every tenant gets a
 * `reporting.retention` job, which deletes its reporting data older than the tenant's retention settings.
 */
export function defineReportingRetention(jobs: JobQueue, db: Db, now: () => number): void {
  jobs.define(RETENTION_PURGE_JOB, {
    schema: Type.Object({}, { additionalProperties: false }),
    retry: { limit: 3, backoff: { delaySeconds: 300, exponential: true } },
    singleton: true,
    timeoutMs: 2 * 60 * 60_000,
    handler: async (_payload, run) => {
      if (!run.tenantId) throw new FinalJobFailure('A retention purge belongs to a tenant.');
      const settings = await tenantReportingSettings(db, run.tenantId);
      await purgeRetained(db, run.tenantId, settings.retention, now());
    },
  });
  jobs.define(RETENTION_TICK, {
    schema: Type.Object({}, { additionalProperties: false }),
    retry: { limit: 2, backoff: { delaySeconds: 300 } },
    singleton: true,
    handler: async () => {
      await enqueueRetentionPurges(jobs, db);
    },
  });
  jobs.recur(RETENTION_TICK, { kind: 'daily', hour: 4, minute: 15, timeZone: 'UTC' }, {});
}

/** One purge per tenant, keyed by the tenant so one tenant's purges never overlap. */
export async function enqueueRetentionPurges(jobs: JobQueue, db: Db): Promise<string[]> {
  const enqueued: string[] = [];
  for (const { id } of await db.selectFrom('tenants').select('id').execute())
    enqueued.push(await jobs.enqueue(id, RETENTION_PURGE_JOB, {}, { key: `retention:${id}` }));
  return enqueued;
}
