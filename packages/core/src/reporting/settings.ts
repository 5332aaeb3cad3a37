import { canonicalTimeZone } from '../calendar/zoned-time.ts';
import { invalid } from '../errors.ts';
import { ABANDON_RULES, type AbandonRule, DEFAULT_ABANDON_RULE } from '../metrics/service-level.ts';
import { INTERVAL_BASES, type IntervalBasis } from './contact-counts.ts';
import { DEFAULT_INTERVAL_MINUTES, INTERVAL_MINUTES, type IntervalMinutes } from './intervals.ts';
import { changeRetention, DEFAULT_RETENTION, type RetentionSettings } from './retention.ts';

/** Who a supervisor's live views, reports and exports cover. */
export const SUPERVISOR_SCOPES = ['teams', 'tenant'] as const;
export type SupervisorScope = (typeof SUPERVISOR_SCOPES)[number];

/** A tenant's reporting choices (PRODUCT.md C7, METRICS.md). */
export interface ReportingSettings {
  /** IANA zone of "today", the intervals and report days. */
  timeZone: string;
  intervalMinutes: IntervalMinutes;
  abandonRule: AbandonRule;
  /** Abandons after a shorter wait count as neither offered nor abandoned; 0 counts them all. */
  shortAbandonSeconds: number;
  /** Contacts count in the interval they entered the CSQ in, or the one they ended in. */
  intervalBasis: IntervalBasis;
  /** How long after an interval ends it is captured. */
  captureDelayMinutes: number;
  /** `teams`: supervisors see the agents of the teams they supervise and the CSQs those agents serve. */
  supervisorScope: SupervisorScope;
  /** Days each kind of reporting data is kept (`retention.ts`). */
  retention: RetentionSettings;
}

/** A change of the reporting settings: any field, and any of the retention days. */
export type ReportingSettingsChange = Partial<Omit<ReportingSettings, 'retention'>> & {
  retention?: Partial<RetentionSettings>;
};

export const REPORTING_LIMITS = {
  shortAbandonSeconds: { min: 0, max: 120 },
  captureDelayMinutes: { min: 0, max: 60 },
} as const;

export const DEFAULT_REPORTING_SETTINGS: ReportingSettings = {
  timeZone: 'UTC',
  intervalMinutes: DEFAULT_INTERVAL_MINUTES,
  abandonRule: DEFAULT_ABANDON_RULE,
  shortAbandonSeconds: 0,
  intervalBasis: 'entry',
  captureDelayMinutes: 2,
  supervisorScope: 'teams',
  retention: DEFAULT_RETENTION,
};

const oneOf = <T>(values: readonly T[], value: unknown): value is T => values.includes(value as T);

/** Merges a change into the reporting settings; refuses an unknown zone, size, rule or basis, or a bound. */
export function changeReportingSettings(
  current: ReportingSettings,
  change: ReportingSettingsChange,
): ReportingSettings {
  const next = {
    ...current,
    ...change,
    retention: changeRetention(current.retention ?? DEFAULT_RETENTION, change.retention ?? {}),
  };
  const zone = canonicalTimeZone(next.timeZone);
  if (zone === null)
    throw invalid(`timeZone "${next.timeZone}" is not an IANA time zone (such as Europe/Berlin).`, {
      field: 'timeZone',
    });
  next.timeZone = zone;
  if (!oneOf(INTERVAL_MINUTES, next.intervalMinutes))
    throw invalid(`intervalMinutes must be one of ${INTERVAL_MINUTES.join(', ')}.`, {
      field: 'intervalMinutes',
    });
  if (!oneOf(ABANDON_RULES, next.abandonRule))
    throw invalid(`abandonRule must be one of ${ABANDON_RULES.join(', ')}.`, { field: 'abandonRule' });
  if (!oneOf(INTERVAL_BASES, next.intervalBasis))
    throw invalid(`intervalBasis must be one of ${INTERVAL_BASES.join(', ')}.`, { field: 'intervalBasis' });
  if (!oneOf(SUPERVISOR_SCOPES, next.supervisorScope))
    throw invalid(`supervisorScope must be one of ${SUPERVISOR_SCOPES.join(', ')}.`, {
      field: 'supervisorScope',
    });
  for (const key of Object.keys(REPORTING_LIMITS) as (keyof typeof REPORTING_LIMITS)[]) {
    const { min, max } = REPORTING_LIMITS[key];
    const value = next[key];
    if (!Number.isInteger(value) || value < min || value > max)
      throw invalid(`${key} must be a whole number from ${min} to ${max}.`, { field: key, min, max });
  }
  return next;
}
