import { addDays, formatLocalDate, type LocalDate, localDateAt, localToInstant } from '@switchboard/core';
import { Type } from 'typebox';
import type { Db } from '../db/database.ts';
import { FinalJobFailure, type JobQueue } from '../jobs/job-queue.ts';
import { reportingSettingsOf } from '../tenancy/tenants.service.ts';
import { FORECAST_JOB } from '../wfm/forecast.job.ts';
import { captureHorizon, captureTenant, foldHorizon, recaptureDay, refreshStatistics } from './capture.ts';

export const CAPTURE_JOB = 'reporting.capture';
export const CAPTURE_TICK = 'reporting.tick';
/** The previous day is recaptured every night after this local time, so late contacts land in place. */
const RECAPTURE_AT_MINUTE = 3 * 60;

const LocalDateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const parseLocalDate = (text: string): LocalDate => {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

/** Capturing a tenant's closed intervals (no payload), or recapturing one local day. */
export function defineCapture(jobs: JobQueue, db: Db, now: () => number): void {
  jobs.define(CAPTURE_JOB, {
    schema: Type.Object({ recapture: Type.Optional(LocalDateText) }, { additionalProperties: false }),
    retry: { limit: 5, backoff: { delaySeconds: 30, exponential: true, maxSeconds: 900 } },
    singleton: true,
    timeoutMs: 60 * 60_000,
    handler: async ({ recapture }, run) => {
      if (!run.tenantId) throw new FinalJobFailure('Capturing intervals belongs to a tenant.');
      if (!recapture) {
        await captureTenant(db, run.tenantId, now());
        return;
      }
      await recaptureDay(db, run.tenantId, parseLocalDate(recapture), now());
      await refreshStatistics(db);
      // The workloads' forecasts read the day just recaptured.
      await jobs.enqueue(run.tenantId, FORECAST_JOB, {}, { key: `forecast:${run.tenantId}` });
    },
  });
  jobs.define(CAPTURE_TICK, {
    schema: Type.Object({}, { additionalProperties: false }),
    retry: { limit: 0, backoff: { delaySeconds: 60 } },
    singleton: true,
    handler: () => enqueueDueCaptures(jobs, db, now()),
  });
  jobs.recur(CAPTURE_TICK, { kind: 'everyMinutes', minutes: 1 }, {});
}

/** Half a minute: a tick that comes a little early still finds last minute's fold due. */
const FOLD_SLACK_MS = 30_000;

/** An interval closed past its delay, a minute of contacts to fold, or closed intervals to count again. */
function captureDue(
  settings: ReturnType<typeof reportingSettingsOf>,
  position: { captured_until: Date | null; folded_until: Date | null; recount: number[] | null },
  nowMs: number,
): boolean {
  if (!position.captured_until || !position.folded_until) return true;
  if (position.captured_until.getTime() < captureHorizon(settings, nowMs)) return true;
  const behind = position.folded_until.getTime() < foldHorizon(settings, nowMs) - FOLD_SLACK_MS;
  return behind || (position.recount ?? []).length > 0;
}

/**
 * Every minute: each tenant with contacts to fold or an interval past its capture delay gets a capture, and each tenant whose
 * local night has passed 03:00 a recapture of the day before (once).
 */
export async function enqueueDueCaptures(jobs: JobQueue, db: Db, nowMs: number): Promise<void> {
  const tenants = await db
    .selectFrom('tenants')
    .leftJoin('report_captures', 'report_captures.tenant_id', 'tenants.id')
    .select([
      'tenants.id',
      'tenants.settings',
      'report_captures.captured_until',
      'report_captures.recaptured_date',
      'report_captures.folded_until',
      'report_captures.recount',
    ])
    .execute();
  for (const tenant of tenants) {
    const settings = reportingSettingsOf(tenant);
    const key = `capture:${tenant.id}`;
    if (captureDue(settings, tenant, nowMs)) await jobs.enqueue(tenant.id, CAPTURE_JOB, {}, { key });
    const today = localDateAt(settings.timeZone, nowMs);
    const yesterday = formatLocalDate(addDays(today, -1));
    const recaptureFrom = localToInstant(settings.timeZone, today, RECAPTURE_AT_MINUTE);
    if (tenant.captured_until && nowMs >= recaptureFrom && (tenant.recaptured_date ?? '') < yesterday)
      await jobs.enqueue(tenant.id, CAPTURE_JOB, { recapture: yesterday }, { key });
  }
}
