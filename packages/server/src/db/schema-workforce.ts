import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './schema-identity.ts';

export interface WfmWorkloadsTable {
  tenant_id: string;
  id: string;
  name: string;
  channel: 'voice' | 'chat' | 'email';
  basis: 'csq' | 'call_type';
  csq_ids: string[];
  call_types: string[];
  /** Queue names of imported interval history that belong to the workload. */
  imported_queues: string[];
  /** 0–100, with service_level_seconds; or asa_seconds; email: response_seconds. */
  service_level_pct: number | null;
  service_level_seconds: number | null;
  asa_seconds: number | null;
  response_seconds: number | null;
  max_occupancy: number | null;
  shrinkage: Generated<number>;
  patience_seconds: number | null;
  max_concurrent_chats: number | null;
  /** WeeklyHours as JSON; null: open where the history has contacts. */
  open_hours: ColumnType<unknown, string | null, string | null>;
  auto_publish: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface WfmSpecialDaysTable {
  tenant_id: string;
  id: string;
  /** null: every workload of the tenant. */
  workload_id: string | null;
  /** 'YYYY-MM-DD'. */
  date: string;
  name: string;
  closed: boolean;
  /** null on an open day: learned from the history. */
  factor: number | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface WfmForecastsTable {
  tenant_id: string;
  id: string;
  workload_id: string;
  status: 'draft' | 'published';
  method: string;
  interval_minutes: number;
  first_day: string;
  days: number;
  history_intervals: number;
  evaluation: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: CreatedAt;
  published_by: string | null;
  published_at: Date | null;
}

export interface WfmForecastIntervalsTable {
  tenant_id: string;
  forecast_id: string;
  interval_start: Date;
  volume: number;
  aht_seconds: number | null;
}

export interface WfmAdjustmentsTable {
  tenant_id: string;
  id: string;
  workload_id: string;
  starts_at: Date;
  ends_at: Date;
  volume_factor: number | null;
  aht_factor: number | null;
  note: string;
  created_by: string | null;
  created_at: CreatedAt;
  removed_by: string | null;
  removed_at: Date | null;
}

export interface WfmAdherenceSettingsTable {
  tenant_id: string;
  threshold_seconds: number;
  /** [{ state, reasonCodes?, activity }] in order: the first match wins. */
  rules: ColumnType<unknown, string, string>;
  work_activities: string[];
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface WfmPlannedActivitiesTable {
  tenant_id: string;
  id: string;
  agent_id: string;
  starts_at: Date;
  ends_at: Date;
  activity: string;
  channels: 'voice' | 'digital' | 'any';
  import_id: string;
}

export interface WfmAdherenceExceptionsTable {
  tenant_id: string;
  id: string;
  agent_id: string;
  starts_at: Date;
  ends_at: Date;
  note: string;
  approved_by: string | null;
  approved_at: CreatedAt;
}

/** The workforce-management tables, as the database schema lists them. */
export interface WorkforceTables {
  wfm_adherence_settings: WfmAdherenceSettingsTable;
  wfm_planned_activities: WfmPlannedActivitiesTable;
  wfm_adherence_exceptions: WfmAdherenceExceptionsTable;
  wfm_workloads: WfmWorkloadsTable;
  wfm_special_days: WfmSpecialDaysTable;
  wfm_forecasts: WfmForecastsTable;
  wfm_forecast_intervals: WfmForecastIntervalsTable;
  wfm_adjustments: WfmAdjustmentsTable;
}
