import {
  authorize,
  type Clock,
  DEFAULT_ABANDON_RULE,
  type ErrorCode,
  SwitchboardError,
} from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import { queueViews } from '../acd/queues.service.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { reasonCodesRepository } from '../db/repositories/index.ts';
import { teamsInView } from '../tenancy/view-scope.ts';
import { presentAgentState, presentQueueStats, reasonKey } from './realtime.presenter.ts';
import { realtimeRepository } from './realtime.repository.ts';

/** Ids asked for and not found: one refusal naming them all. */
function refuseUnknown(code: ErrorCode, what: string, ids: readonly string[]): never {
  const shown = ids.slice(0, 10).join(', ');
  const more = ids.length > 10 ? ` and ${ids.length - 10} more` : '';
  throw new SwitchboardError(
    code,
    `No ${what} with the id${ids.length > 1 ? 's' : ''} ${shown}${more} that you can see: leave ${ids.length > 1 ? 'them' : 'it'} out, or list all without ids.`,
    { ids },
  );
}

const unique = (ids: readonly string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];

/**
 * The real-time state of the agents named (or of every agent the caller may see): supervisors see the agents of
 * the teams they supervise unless the tenant lets them see all (`supervisorScope`), as on the team view; administrators and service users the whole tenant. States
 * come from the tenant's router; names, teams and reason codes' labels from storage.
 */
export async function realtimeAgents(db: Db, acd: AcdRuntime, principal: Principal, ids?: readonly string[]) {
  authorize(principal, 'agentState.read');
  const { tenantId } = principal;
  const asked = ids === undefined ? null : unique(ids);
  const teamIds = await teamsInView(db, principal);
  const [people, codes, router] = await Promise.all([
    realtimeRepository.people(db, tenantId, { teamIds, ids: asked }),
    reasonCodesRepository.list(db, tenantId),
    acd.router(tenantId),
  ]);
  const labels = new Map(codes.map((c) => [reasonKey(c.kind, c.code), c.label]));
  const agents = people.flatMap((person) => {
    const agent = router.engine.agent(person.id);
    return agent ? [presentAgentState(person, agent, labels)] : [];
  });
  if (asked) {
    const found = new Set(agents.map((a) => a.agentId));
    const missing = asked.filter((id) => !found.has(id));
    if (missing.length > 0) refuseUnknown('unknown_agent', 'agent', missing);
  }
  return agents;
}

/**
 * Each CSQ's figures now (waiting, longest wait, agents by state) and today so far (offered, answered,
 * abandoned, service level with abandons counted against it), as the supervisor's queue view computes them.
 */
export async function realtimeQueues(
  db: Db,
  acd: AcdRuntime,
  clock: Clock,
  principal: Principal,
  csqIds?: readonly string[],
) {
  const rows = await queueViews(db, acd, clock, principal, {
    abandons: DEFAULT_ABANDON_RULE,
    shortAbandonSeconds: 0,
  });
  if (csqIds === undefined) return rows.map(presentQueueStats);
  const asked = unique(csqIds);
  const byId = new Map(rows.map((row) => [row.csqId, row]));
  const missing = asked.filter((id) => !byId.has(id));
  if (missing.length > 0) refuseUnknown('unknown_csq', 'CSQ', missing);
  return asked.flatMap((id) => {
    const row = byId.get(id);
    return row ? [presentQueueStats(row)] : [];
  });
}
