import type { CreatedAt } from './schema-identity.ts';

/** Interval history imported from files (spec C7), and the record of each import. */

export interface IntervalImportsTable {
  tenant_id: string;
  id: string;
  user_id: string | null;
  file_name: string;
  interval_minutes: number;
  rows: number;
  inserted: number;
  replaced: number;
  created_at: CreatedAt;
}

export interface IntervalHistoryTable {
  tenant_id: string;
  queue: string;
  interval_start: Date;
  /** 15, 30 or 60. */
  interval_minutes: number;
  offered: number;
  answered: number;
  abandoned: number;
  handle_seconds_avg: number | null;
  asa_seconds: number | null;
  /** 0–1. */
  service_level: number | null;
  import_id: string;
  imported_at: Date;
}
