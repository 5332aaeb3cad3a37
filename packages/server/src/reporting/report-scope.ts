import { SwitchboardError } from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { teamsInView } from '../tenancy/view-scope.ts';

/** What a caller's reports cover: null means the whole tenant. */
export interface ReportScope {
  agentIds: ReadonlySet<string> | null;
  csqIds: ReadonlySet<string> | null;
}

/**
 * A supervisor of a tenant scoped by teams sees the agents of the teams they supervise and the CSQs those agents
 * serve; everyone else who may read reports, the whole tenant.
 */
export async function reportScope(db: Db, acd: AcdRuntime, principal: Principal): Promise<ReportScope> {
  const teams = await teamsInView(db, principal);
  if (teams === null) return { agentIds: null, csqIds: null };
  const agents =
    teams.length === 0
      ? []
      : await db
          .selectFrom('users')
          .select('id')
          .where('tenant_id', '=', principal.tenantId)
          .where('team_id', 'in', teams)
          .execute();
  const agentIds = new Set(agents.map((agent) => agent.id));
  const { engine } = await acd.router(principal.tenantId);
  const csqIds = new Set(
    engine
      .view()
      .csqs.filter((csq) => csq.members.some((member) => agentIds.has(member)))
      .map((csq) => csq.id),
  );
  return { agentIds, csqIds };
}

/** The CSQs asked for, each checked to be the tenant's and in scope; null asks for every CSQ in scope. */
export function checkCsqs(
  asked: readonly string[] | null,
  known: ReadonlySet<string>,
  scope: ReportScope,
): string[] {
  const visible = [...known].filter((id) => scope.csqIds === null || scope.csqIds.has(id));
  if (asked === null) return visible;
  const unknown = asked.filter((id) => !visible.includes(id));
  if (unknown.length > 0)
    throw new SwitchboardError(
      'unknown_csq',
      `No CSQ of yours has the id ${unknown.slice(0, 5).join(', ')}: list the CSQs (GET /csqs) and use their ids.`,
      { ids: unknown },
    );
  return [...asked];
}

/** The agents asked for (by id and by team), within scope; null: every agent in scope. */
export async function agentFilter(
  db: Db,
  tenantId: string,
  agentIds: readonly string[] | null,
  teamIds: readonly string[] | null,
  scope: ReportScope,
): Promise<ReadonlySet<string> | null> {
  let chosen: Set<string> | null = agentIds === null ? null : new Set(agentIds);
  if (teamIds !== null) {
    const members = await db
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('team_id', 'in', teamIds)
      .execute();
    const ofTeams = new Set(members.map((member) => member.id));
    chosen = chosen === null ? ofTeams : new Set([...chosen].filter((id) => ofTeams.has(id)));
  }
  if (scope.agentIds === null) return chosen;
  if (chosen === null) return scope.agentIds;
  const inScope = scope.agentIds;
  return new Set([...chosen].filter((id) => inScope.has(id)));
}
