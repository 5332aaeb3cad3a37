import type {
  AgentState,
  AssistKind,
  CalendarMode,
  Channel,
  ChosenState,
  ContactStatus,
  ContactView,
  Direction,
  Domain,
  Holiday,
  Outcome,
  RecordingPolicy,
  SelectionCriterion,
  TimeInterval,
  Weekday,
  WidgetSettings,
} from '@switchboard/core';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

import type { DeskTables, PredefinedResponsesTable, TeamMessagesTable } from './schema-desk.ts';
import type { ChatRecordExportPartsTable, ChatRecordExportsTable } from './schema-exports.ts';
import type {
  AgentSkillsTable,
  ApiKeysTable,
  AuditLogTable,
  CreatedAt,
  Json,
  ReasonCodesTable,
  SchemaMigrationsTable,
  SealedSecretsTable,
  SessionsTable,
  SignInThrottleTable,
  SkillsTable,
  StreamTicketsTable,
  SystemSettingsTable,
  TeamsTable,
  TenantsTable,
  UsersTable,
} from './schema-identity.ts';
import type { ReportingTables } from './schema-reporting.ts';
import type { VoiceTables } from './schema-voice.ts';
import type { WorkforceTables } from './schema-workforce.ts';

export type * from './schema-desk.ts';
export type * from './schema-exports.ts';
export type * from './schema-identity.ts';
export type * from './schema-reporting.ts';
export type * from './schema-voice.ts';
export type * from './schema-workforce.ts';

type ContactGuest = ContactView['guests'][number];
type ContactInvite = NonNullable<ContactView['invite']>;

export interface CsqsTable {
  id: string;
  tenant_id: string;
  name: string;
  channel: Channel;
  criterion: SelectionCriterion;
  agent_order: Json<string[]>;
  /** Service-level threshold in seconds, 1–3600 (default 20). */
  service_level_seconds: Generated<number>;
  alert_service_level_below_percent: number | null;
  alert_longest_wait_above_seconds: number | null;
  alert_waiting_above: number | null;
  /** Whether its calls are recorded (voice CSQs only). */
  recording: Generated<RecordingPolicy>;
  /** The number its outbound calls present (voice CSQs only); one of the tenant's numbers. */
  caller_id: string | null;
  created_at: CreatedAt;
}

export interface CsqSkillsTable {
  tenant_id: string;
  csq_id: string;
  skill_id: string;
  min_competence: number;
}

export interface ContactsTable {
  id: string;
  tenant_id: string;
  external_id: string | null;
  channel: Channel;
  direction: Generated<Direction>;
  csq_id: string;
  call_type: string;
  priority: number;
  attributes: Json<Record<string, string>>;
  status: ContactStatus;
  seq: string;
  created_at: Date;
  queued_at: Date;
  agent_id: string | null;
  accepted_at: Date | null;
  wrap_up_at: Date | null;
  excluded: Json<string[]>;
  sticky_agent_id: string | null;
  join_timeout_sent: boolean;
  guests: Json<ContactGuest[]>;
  invite: Json<ContactInvite> | null;
  decliners: Json<string[]>;
  outcome: Outcome | null;
  ended_by: string | null;
  ended_at: Date | null;
  wrap_up_reasons: Json<string[]> | null;
}

export interface AssistRequestsTable {
  id: string;
  tenant_id: string;
  contact_id: string;
  agent_id: string;
  team_id: string | null;
  primary_supervisor_id: string | null;
  secondary_supervisor_id: string | null;
  kind: AssistKind;
  created_at: Date;
  escalated_at: Date | null;
  answered_at: Date | null;
  answered_by: string | null;
  cancelled_at: Date | null;
  ended_at: Date | null;
}

export interface ChatSessionsTable {
  tenant_id: string;
  contact_id: string;
  widget_id: string | null;
  token_hash: string;
  customer_name: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  custom_fields: Json<Record<string, string>>;
  problem_statement: string | null;
  last_seq: Generated<number>;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  created_at: Date;
}

export interface ChatMessagesTable {
  tenant_id: string;
  contact_id: string;
  seq: number;
  sender: 'customer' | 'agent';
  agent_id: string | null;
  alias: string | null;
  body: string;
  client_id: string | null;
  at: Date;
}

/** What an agent wrote on a contact for the next agent and the customer's history; never sent to the customer. */
export interface ContactNotesTable {
  id: string;
  tenant_id: string;
  contact_id: string;
  author_id: string;
  body: string;
  created_at: Date;
}

export interface ChatWhispersTable {
  id: Generated<string>;
  tenant_id: string;
  contact_id: string;
  supervisor_id: string;
  supervisor_name: string;
  body: string;
  at: Date;
}

export interface ContactEventsTable {
  id: Generated<string>;
  tenant_id: string;
  contact_id: string;
  type: string;
  at: Date;
  agent_id: string | null;
  csq_id: string | null;
  data: Json<Record<string, unknown>>;
}

export interface AgentStateTraceTable {
  id: Generated<string>;
  tenant_id: string;
  agent_id: string;
  domain: Domain;
  state: AgentState;
  previous: AgentState;
  reason_code: number | null;
  cause: string | null;
  at: Date;
}

export interface AgentPresenceTable {
  tenant_id: string;
  agent_id: string;
  domain: Domain;
  chosen: ChosenState;
  reason_code: number | null;
}

/** What validateCalendar returned (normalized and checked), read back as plain JSON: a Calendar. */
export interface CalendarJson {
  timeZone: string;
  mode: CalendarMode;
  weekly: Record<Weekday, TimeInterval[]>;
  holidays: Holiday[];
  customDays: { date: string; intervals: TimeInterval[] }[];
}

export interface CalendarsTable {
  id: string;
  tenant_id: string;
  name: string;
  calendar: Json<CalendarJson>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A widget's settings as stored: everything but the calendar, which is a column of its own. */
export type StoredWidgetSettings = Omit<WidgetSettings, 'serviceHours'> & {
  serviceHours: Omit<WidgetSettings['serviceHours'], 'calendarId'>;
};

export interface ChatWidgetsTable {
  id: string;
  tenant_id: string;
  name: string;
  description: string;
  calendar_id: string | null;
  /** Read through withWidgetDefaults: rows written before a setting existed lack it. */
  settings: Json<Partial<StoredWidgetSettings>>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ChatWidgetProblemStatementsTable {
  tenant_id: string;
  widget_id: string;
  id: string;
  /** The order the widget lists them in, from 0. */
  position: number;
  label: string;
  csq_id: string;
}

export interface EventLogTable {
  tenant_id: string;
  cursor: ColumnType<string, string, never>;
  at: Date;
  kind: string;
  type: string;
  user_ids: string[] | null;
  payload: Record<string, unknown>;
}

export interface EventCursorsTable {
  tenant_id: string;
  last: ColumnType<string, string, string>;
}

export interface Schema extends ReportingTables, WorkforceTables, VoiceTables, DeskTables {
  chat_widgets: ChatWidgetsTable;
  chat_widget_problem_statements: ChatWidgetProblemStatementsTable;
  csqs: CsqsTable;
  calendars: CalendarsTable;
  assist_requests: AssistRequestsTable;
  csq_skills: CsqSkillsTable;
  contacts: ContactsTable;
  contact_events: ContactEventsTable;
  contact_notes: ContactNotesTable;
  chat_sessions: ChatSessionsTable;
  chat_messages: ChatMessagesTable;
  chat_whispers: ChatWhispersTable;
  chat_record_exports: ChatRecordExportsTable;
  chat_record_export_parts: ChatRecordExportPartsTable;
  agent_state_trace: AgentStateTraceTable;
  agent_presence: AgentPresenceTable;
  tenants: TenantsTable;
  users: UsersTable;
  teams: TeamsTable;
  skills: SkillsTable;
  agent_skills: AgentSkillsTable;
  reason_codes: ReasonCodesTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  stream_tickets: StreamTicketsTable;
  audit_log: AuditLogTable;
  system_settings: SystemSettingsTable;
  sign_in_throttle: SignInThrottleTable;
  sealed_secrets: SealedSecretsTable;
  event_log: EventLogTable;
  event_cursors: EventCursorsTable;
  schema_migrations: SchemaMigrationsTable;
}

export type TenantRow = Selectable<TenantsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;
export type SkillRow = Selectable<SkillsTable>;
export type ReasonCodeRow = Selectable<ReasonCodesTable>;
export type SessionRow = Selectable<SessionsTable>;
export type SealedSecretRow = Selectable<SealedSecretsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type StreamTicketRow = Selectable<StreamTicketsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type CsqRow = Selectable<CsqsTable>;
export type CalendarRow = Selectable<CalendarsTable>;
export type ChatWidgetRow = Selectable<ChatWidgetsTable>;
export type TeamMessageRow = Selectable<TeamMessagesTable>;
export type ContactRow = Selectable<ContactsTable>;
export type ChatSessionRow = Selectable<ChatSessionsTable>;
export type ChatMessageRow = Selectable<ChatMessagesTable>;
export type PredefinedResponseRow = Selectable<PredefinedResponsesTable>;
