import type { ColumnType } from 'kysely';
import type { CreatedAt } from './schema-identity.ts';

/** Tables of reporting: detail records, interval tables and the capture position (migration 0022). */

/** Counts and milliseconds: bigint reads back as a string on both backends (read them with `Number`). */
type Numeric = ColumnType<number | string, number | undefined, number>;
type Instant = ColumnType<Date, Date, Date>;

export interface ContactLegsTable {
  tenant_id: string;
  contact_id: string;
  leg: number;
  channel: string;
  csq_id: string;
  call_type: string;
  chat_type: string;
  from_csq_id: string | null;
  entered_at: Instant;
  first_offered_at: Date | null;
  answered_at: Date | null;
  agent_id: string | null;
  ended_at: Date | null;
  outcome: string | null;
  handle_ended_at: Date | null;
  offers: number;
  no_answers: number;
  ring_ms: Numeric;
  talk_ms: Numeric;
  hold_ms: Numeric;
  wrap_ms: Numeric;
  transfers_out: number;
  /** On leg 0: a hash of all the contact's detail records, as the capture wrote them. */
  records_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AgentSegmentsTable {
  tenant_id: string;
  contact_id: string;
  agent_id: string;
  seq: number;
  leg: number;
  channel: string;
  csq_id: string;
  call_type: string;
  chat_type: string;
  role: string;
  from_csq_id: string | null;
  offered_at: Instant;
  answered_at: Date | null;
  talk_ended_at: Date | null;
  wrap_up_ended_at: Date | null;
  handled_at: Date | null;
  outcome: string | null;
  ring_ms: Numeric;
  hold_ms: Numeric;
  wrap_reasons: ColumnType<string[], string, string>;
}

export interface ContactCountColumns {
  offered: Numeric;
  answered: Numeric;
  handled: Numeric;
  abandoned: Numeric;
  abandoned_in_queue: Numeric;
  abandoned_while_offered: Numeric;
  short_abandoned: Numeric;
  dequeued: Numeric;
  open: Numeric;
  undecided: Numeric;
  answered_within_threshold: Numeric;
  abandoned_within_threshold: Numeric;
  answer_wait_ms: Numeric;
  longest_wait_ms: Numeric;
  handle_count: Numeric;
  talk_ms: Numeric;
  hold_ms: Numeric;
  wrap_ms: Numeric;
  no_answers: Numeric;
  transfers_out: Numeric;
}

export interface AgentCountColumns {
  logged_in_ms: Numeric;
  ready_ms: Numeric;
  not_ready_ms: Numeric;
  reserved_ms: Numeric;
  active_ms: Numeric;
  work_ms: Numeric;
  presented: Numeric;
  answered: Numeric;
  handled: Numeric;
  no_answers: Numeric;
  rejected: Numeric;
  talk_ms: Numeric;
  hold_ms: Numeric;
  wrap_ms: Numeric;
  transfers_out: Numeric;
}

interface IntervalKey {
  tenant_id: string;
  interval_start: Instant;
  interval_minutes: number;
}

export interface CsqIntervalsTable extends IntervalKey, ContactCountColumns {
  csq_id: string;
}

export interface CallTypeIntervalsTable extends IntervalKey, ContactCountColumns {
  call_type: string;
}

export interface AgentIntervalsTable extends IntervalKey, AgentCountColumns {
  agent_id: string;
  domain: string;
}

export interface AgentCsqIntervalsTable extends IntervalKey, AgentCountColumns {
  agent_id: string;
  csq_id: string;
}

export interface AgentReasonIntervalsTable extends IntervalKey {
  agent_id: string;
  domain: string;
  reason_code: number;
  not_ready_ms: Numeric;
}

export interface ReportCapturesTable {
  tenant_id: string;
  captured_until: Instant;
  recaptured_date: string | null;
  folded_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Starts (epoch ms) of closed intervals to count again at the next run. */
  recount: ColumnType<number[], string | undefined, string>;
}

export interface ReportDefinitionsTable {
  id: string;
  tenant_id: string;
  user_id: string;
  name: string;
  template: string;
  query: ColumnType<Record<string, unknown>, string, string>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

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

export interface IntervalHashesTable {
  tenant_id: string;
  table_name: string;
  interval_start: Date;
  hash: string;
}

export interface IntervalBlocksTable {
  tenant_id: string;
  table_name: string;
  /** The UTC day of the rows: epoch ms ÷ 86 400 000, rounded down. */
  block: number;
  generation: string | number | bigint;
}

/** The reporting tables, as the database schema lists them. */
export interface ReportingTables {
  contact_legs: ContactLegsTable;
  agent_segments: AgentSegmentsTable;
  csq_intervals: CsqIntervalsTable;
  call_type_intervals: CallTypeIntervalsTable;
  agent_intervals: AgentIntervalsTable;
  agent_csq_intervals: AgentCsqIntervalsTable;
  agent_reason_intervals: AgentReasonIntervalsTable;
  report_captures: ReportCapturesTable;
  interval_blocks: IntervalBlocksTable;
  interval_hashes: IntervalHashesTable;
  report_definitions: ReportDefinitionsTable;
  interval_imports: IntervalImportsTable;
  interval_history: IntervalHistoryTable;
}
