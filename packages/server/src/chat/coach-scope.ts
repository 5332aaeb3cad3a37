import { type ContactView, isAllowed } from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Db } from '../db/database.ts';
import { teamsRepository, usersRepository } from '../db/repositories/index.ts';

/**
 * Whether a supervisor may coach on a chat owned by `agentId`: supervisors the chats of agents in the teams
 * they supervise, administrators any (their permissions decide whether they barge in).
 */
export async function supervisesAgent(
  db: Db,
  tenantId: string,
  supervisor: { userId: string; role: string },
  agentId: string | null,
): Promise<boolean> {
  if (supervisor.role !== 'supervisor') return true;
  const [teams, owner] = await Promise.all([
    teamsRepository.supervisedBy(db, tenantId, supervisor.userId),
    usersRepository.findById(db, tenantId, agentId ?? ''),
  ]);
  return Boolean(owner?.team_id && teams.includes(owner.team_id));
}

/**
 * Whether someone watching a chat may still hear it, read again from storage and the router: the chat is live
 * with an agent, and the watcher is still an active user who may monitor that agent now (not demoted, not
 * removed from the agent's team, the agent not moved to another team).
 */
export async function mayStillCoach(
  db: Db,
  acd: AcdRuntime,
  tenantId: string,
  chatId: string,
  userId: string,
): Promise<boolean> {
  const contact: ContactView | undefined = (await acd.router(tenantId)).engine.contact(chatId);
  if (contact?.channel !== 'chat' || contact.status !== 'active') return false;
  const user = await usersRepository.findById(db, tenantId, userId);
  if (!user?.active || !isAllowed({ tenantId, userId, role: user.role }, 'contact.monitor')) return false;
  return supervisesAgent(db, tenantId, { userId, role: user.role }, contact.agentId);
}
