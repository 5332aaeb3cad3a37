import type {
  ApiKeyScope,
  ChannelSettings,
  PresenceSettings,
  ReasonCodeKind,
  ReportingSettings,
  Role,
  TokenLifetimes,
  VoiceSettings,
} from '@switchboard/core';
import type { ColumnType, Generated } from 'kysely';

/** Tables of tenants, people, sign-in, keys, secrets and the audit log: who may do what, and what they did. */

export type CreatedAt = ColumnType<Date, Date | undefined, never>;
export type Json<T> = ColumnType<T, string, string>;

export interface TenantSettings {
  tokens: TokenLifetimes;
  /** Absent on tenants created before channel settings existed: the defaults apply. */
  channels?: ChannelSettings;
  /** Absent on tenants created before desktop presence settings existed: the defaults apply. */
  presence?: PresenceSettings;
  /** Absent on tenants created before reporting settings existed: the defaults apply. */
  reporting?: ReportingSettings;
  /** Absent on tenants created before voice settings existed: the defaults apply. */
  voice?: VoiceSettings;
}

export interface TenantsTable {
  id: string;
  name: string;
  display_name: string;
  settings: Json<TenantSettings>;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: string;
  tenant_id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string | null;
  alias: string | null;
  extension: string | null;
  team_id: string | null;
  active: Generated<boolean>;
  /** Whether this supervisor may send team messages; an administrator turns it on. */
  team_messages_enabled: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface TeamsTable {
  id: string;
  tenant_id: string;
  name: string;
  primary_supervisor_id: string | null;
  secondary_supervisor_id: string | null;
  created_at: CreatedAt;
}

export interface SkillsTable {
  id: string;
  tenant_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface AgentSkillsTable {
  tenant_id: string;
  user_id: string;
  skill_id: string;
  competence: number;
}

export interface ReasonCodesTable {
  id: string;
  tenant_id: string;
  kind: ReasonCodeKind;
  code: number;
  label: string;
  /** Set on the codes the product gives itself ('connection_lost'); such a code cannot be deleted. */
  system: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  tenant_id: string;
  user_id: string;
  refresh_hash: string;
  expires_at: Date;
  revoked_at: Date | null;
  created_at: CreatedAt;
}

export interface ApiKeysTable {
  id: string;
  tenant_id: string;
  user_id: string;
  name: string;
  scope: ApiKeyScope;
  key_hash: string;
  created_at: CreatedAt;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

/** A one-use pass to open an event stream (for a session or an API key) or a customer's chat stream. */
export interface StreamTicketsTable {
  ticket_hash: string;
  tenant_id: string;
  kind: 'session' | 'api_key' | 'chat';
  user_id: string | null;
  session_id: string | null;
  api_key_id: string | null;
  chat_id: string | null;
  expires_at: Date;
}

export interface AuditLogTable {
  id: Generated<string>;
  tenant_id: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  at: CreatedAt;
}

export interface SystemSettingsTable {
  key: string;
  value: string;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  last_attempt_at: Date;
  next_allowed_at: Date;
}

export interface SealedSecretsTable {
  id: string;
  tenant_id: string | null;
  purpose: string;
  master_key_id: string;
  wrapped_key: string;
  ciphertext: string;
  created_at: Date;
  retired_at: Date | null;
}

export interface SchemaMigrationsTable {
  id: number;
  name: string;
  applied_at: CreatedAt;
}
