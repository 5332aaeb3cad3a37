import { SwitchboardError } from '@switchboard/core';
import { Type } from 'typebox';
import type { Db } from '../db/database.ts';
import { FinalJobFailure, type JobQueue } from '../jobs/job-queue.ts';
import { createForecast } from './forecasts.service.ts';
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
      if (!run.tenantId) throw new FinalJobFailure('Forecasting belongs to a tenant.');
      for (const row of await workloadsRepository.list(db, run.tenantId)) {
        try {
          await createForecast(db, run.tenantId, row.id, {
            days: NIGHTLY_FORECAST_DAYS,
            by: null,
            now: now(),
            publish: row.auto_publish,
          });
        } catch (error) {
          if (error instanceof SwitchboardError && error.code === 'no_history') continue;
          throw error;
        }
      }
    },
  });
}
