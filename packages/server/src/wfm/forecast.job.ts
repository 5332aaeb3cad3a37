import { formatLocalDate, SwitchboardError } from '@switchboard/core';
import { Type } from 'typebox';
import type { Db } from '../db/database.ts';
import { FinalJobFailure, type JobQueue } from '../jobs/job-queue.ts';
import { tenantReportingSettings } from '../tenancy/tenants.service.ts';
import { createForecast, tomorrowOf } from './forecasts.service.ts';
import { workloadsRepository } from './workloads.ts';

export const FORECAST_JOB = 'wfm.forecast';
/** Days the nightly forecast covers, from tomorrow. */
export const NIGHTLY_FORECAST_DAYS = 14;

/**
 * Forecasting every workload of a tenant, run after the nightly recapture: each forecast from tomorrow,
 * published at once for workloads set to publish automatically, a draft for the others. A workload without
 * history yet is passed over.
 */
export function defineForecastJob(jobs: JobQueue, db: Db, now: () => number): void {
  jobs.define(FORECAST_JOB, {
    schema: Type.Object({}, { additionalProperties: false }),
    retry: { limit: 3, backoff: { delaySeconds: 300 } },
    singleton: true,
    timeoutMs: 60 * 60_000,
    handler: async (_payload, run) => {
      const tenantId = run.tenantId;
      if (!tenantId) throw new FinalJobFailure('Forecasting belongs to a tenant.');
      const settings = await tenantReportingSettings(db, tenantId);
      const firstDay = formatLocalDate(tomorrowOf(settings, now()));
      const failures: unknown[] = [];
      for (const row of await workloadsRepository.list(db, tenantId)) {
        // A retry after a failure skips the workloads this night's run already forecast.
        const done = await db
          .selectFrom('wfm_forecasts')
          .select('id')
          .where('tenant_id', '=', tenantId)
          .where('workload_id', '=', row.id)
          .where('first_day', '=', firstDay)
          .where('created_by', 'is', null)
          .executeTakeFirst();
        if (done) continue;
        try {
          await createForecast(db, tenantId, row.id, {
            days: NIGHTLY_FORECAST_DAYS,
            by: null,
            now: now(),
            publish: row.auto_publish,
            wait: true,
          });
        } catch (error) {
          if (error instanceof SwitchboardError && error.code === 'no_history') continue;
          failures.push(error);
        }
      }
      // The other workloads are forecast whatever one of them did; the job fails (and is retried) after.
      if (failures.length > 0) throw failures[0];
    },
  });
}
