import { invalid } from '../errors.ts';

/**
 * How many days a tenant keeps each kind of reporting data before the nightly purge deletes it (docs/reporting.md,
 * "Retention"). An open contact's records are kept whatever their age.
 */
export interface RetentionSettings {
  /** The contact event log (`contact_events`) and the agent state trace. */
  contactEventsDays: number;
  /** Detail records: contact legs and agent segments. */
  detailRecordsDays: number;
  /** The interval tables and imported interval history. */
  intervalDays: number;
  /** Chat messages (the transcripts), supervisors' whispers and contact notes. */
  transcriptsDays: number;
}

export const RETENTION_KINDS = [
  'contactEventsDays',
  'detailRecordsDays',
  'intervalDays',
  'transcriptsDays',
] as const satisfies readonly (keyof RetentionSettings)[];
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/**
 * A week at least: the nightly recapture re-reads yesterday's events, and an operator needs a few days to notice a
 * wrong setting. Ten years at most.
 */
export const RETENTION_DAYS = { min: 7, max: 3650 } as const;

/**
 * Events and detail records a little over a year (a year-on-year report still finds last year's day); interval
 * rows three years, the history forecasting looks back on.
 */
export const DEFAULT_RETENTION: RetentionSettings = {
  contactEventsDays: 400,
  detailRecordsDays: 400,
  intervalDays: 1100,
  transcriptsDays: 400,
};

const DAY_MS = 86_400_000;

/** Merges a change into the retention settings; refuses a value that is not a whole number of days in bounds. */
export function changeRetention(
  current: RetentionSettings,
  change: Partial<RetentionSettings>,
): RetentionSettings {
  const next = { ...DEFAULT_RETENTION, ...current, ...change };
  const { min, max } = RETENTION_DAYS;
  for (const kind of RETENTION_KINDS) {
    const value = next[kind];
    if (!Number.isInteger(value) || value < min || value > max)
      throw invalid(`retention.${kind} must be a whole number of days from ${min} to ${max}.`, {
        field: `retention.${kind}`,
        min,
        max,
      });
  }
  return next;
}

/** Per kind, the moment before which that kind's records are deleted. */
export function retentionCutoffs(retention: RetentionSettings, nowMs: number): Record<RetentionKind, Date> {
  const cutoff = (days: number) => new Date(nowMs - days * DAY_MS);
  return {
    contactEventsDays: cutoff(retention.contactEventsDays),
    detailRecordsDays: cutoff(retention.detailRecordsDays),
    intervalDays: cutoff(retention.intervalDays),
    transcriptsDays: cutoff(retention.transcriptsDays),
  };
}
