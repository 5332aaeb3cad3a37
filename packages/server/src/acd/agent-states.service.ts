import {
  type AgentView,
  authorize,
  type ChosenState,
  type Domain,
  forbidden,
  invalid,
  isAllowed,
  notFound,
} from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { reasonCodesRepository, teamsRepository, usersRepository } from '../db/repositories/index.ts';
import { deskPhonesRepository } from '../voice/desk-phones.repository.ts';
import type { AcdRuntime } from './acd-runtime.ts';

export const presentAgent = (agent: AgentView) => ({
  id: agent.id,
  voice: {
    state: agent.state.voice,
    reasonCode: agent.reasonCode.voice,
    since: new Date(agent.changedAt.voice).toISOString(),
  },
  digital: {
    state: agent.state.digital,
    reasonCode: agent.reasonCode.digital,
    since: new Date(agent.changedAt.digital).toISOString(),
  },
  load: agent.load,
  capacity: agent.capacity,
  contacts: agent.contacts,
  csqs: agent.csqs,
});

export async function listAgentStates(acd: AcdRuntime, principal: Principal) {
  authorize(principal, 'agentState.read');
  const router = await acd.router(principal.tenantId);
  return router.engine.view().agents.map(presentAgent);
}

export async function getAgentState(acd: AcdRuntime, principal: Principal, agentId: string) {
  if (agentId !== principal.userId) authorize(principal, 'agentState.read');
  const router = await acd.router(principal.tenantId);
  const agent = router.engine.agent(agentId);
  if (!agent) throw notFound('Agent');
  return presentAgent(agent);
}

/**
 * Agents set their own state; supervisors set the state of agents in the teams they supervise, administrators
 * anyone's. Not Ready and Logged Out take a reason code of the tenant's list.
 */
/**
 * An agent changes what is theirs (state, desk phone); supervisors that of agents in the teams they supervise;
 * administrators anyone's.
 */
export async function authorizeAgentChange(db: Db, principal: Principal, agentId: string): Promise<void> {
  if (agentId !== principal.userId) {
    authorize(principal, 'agentState.manage');
    if (principal.role === 'supervisor') {
      const [teams, agent] = await Promise.all([
        teamsRepository.supervisedBy(db, principal.tenantId, principal.userId),
        usersRepository.findById(db, principal.tenantId, agentId),
      ]);
      if (!agent?.team_id || !teams.includes(agent.team_id)) {
        throw forbidden('Supervisors change the state of agents in the teams they supervise only.');
      }
    }
  } else if (!isAllowed(principal, 'contact.handle')) {
    throw forbidden('Only agents and supervisors have an agent state.');
  }
}

export async function setAgentState(
  db: Db,
  acd: AcdRuntime,
  principal: Principal,
  agentId: string,
  change: { domain: Domain; state: ChosenState; reasonCode?: number | null | undefined },
) {
  await authorizeAgentChange(db, principal, agentId);
  const reasonCode = change.reasonCode ?? null;
  if (change.state === 'ready' && reasonCode !== null) throw invalid('Ready takes no reason code.');
  if (reasonCode !== null) {
    const kind = change.state === 'logged_out' ? 'logout' : 'not_ready';
    const codes = await reasonCodesRepository.list(db, principal.tenantId, kind);
    if (!codes.some((c) => c.code === reasonCode)) {
      throw invalid(`${reasonCode} is not a ${kind.replace('_', ' ')} reason code of this tenant.`, {
        field: 'reasonCode',
      });
    }
  }
  const { result } = await acd.run(principal.tenantId, (engine) => {
    if (!engine.agent(agentId)) throw notFound('Agent');
    const events = engine.setAgentState(agentId, change.domain, change.state, reasonCode);
    return { events, result: engine.agent(agentId) as AgentView };
  });
  // Logging out of voice leaves the desk phone the agent sat at (hot-desking): the next agent may take it.
  if (change.domain === 'voice' && change.state === 'logged_out')
    await deskPhonesRepository.release(db, principal.tenantId, agentId);
  return presentAgent(result);
}
