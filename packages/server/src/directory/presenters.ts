import type { AgentSkill } from '../db/repositories/index.ts';
import type { ApiKeyRow, ReasonCodeRow, SkillRow, TeamRow, UserRow } from '../db/schema.ts';

export const presentSkill = (row: SkillRow) => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at.toISOString(),
});

export const presentTeam = (row: TeamRow) => ({
  id: row.id,
  name: row.name,
  primarySupervisorId: row.primary_supervisor_id,
  secondarySupervisorId: row.secondary_supervisor_id,
  createdAt: row.created_at.toISOString(),
});

export const presentReasonCode = (row: ReasonCodeRow) => ({
  id: row.id,
  kind: row.kind,
  code: row.code,
  label: row.label,
  system: row.system !== null,
});

export const presentUser = (row: UserRow, skills: AgentSkill[] = []) => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  alias: row.alias,
  /** What customers see: the alias, or the agent ID where no alias is set. */
  shownName: row.alias ?? row.username,
  extension: row.extension,
  teamId: row.team_id,
  skills,
  active: row.active,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export const presentApiKey = (row: ApiKeyRow) => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  scope: row.scope,
  createdAt: row.created_at.toISOString(),
  revokedAt: row.revoked_at?.toISOString() ?? null,
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
});
