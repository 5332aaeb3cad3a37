import { authorize, forbidden, isAllowed, LIMITS, notFound, SwitchboardError } from '@switchboard/core';
import { recordChange } from '../audit/audit.service.ts';
import type { Principal } from '../auth/principal.ts';
import { usersRepository } from '../db/repositories/index.ts';
import { agentChat } from './agent-chat.service.ts';
import { agentsIn, type ChatDeps, checkText, listenersOf, openContact } from './chat.service.ts';
import { supervisesAgent } from './coach-scope.ts';

/**
 * Coaching (spec C6) on web chats: a supervisor silently monitors an agent's live chat, whispers to its agents,
 * barges in and leaves again. Silent means the customer never learns of it, and the agent is not told either
 * (as with Finesse's silent monitoring); a whisper or a barge-in is what makes the supervisor known to the
 * agent, and only a barge-in to the customer. Supervisors reach the chats of agents of the teams they
 * supervise; administrators monitor and whisper tenant-wide but, taking no contacts, never barge in.
 */

/** The open, active chat `principal` may coach in, with the agents in it; else 404 or 403. */
async function coachable(deps: ChatDeps, principal: Principal, contactId: string) {
  const contact = await openContact(deps, principal.tenantId, contactId);
  if (contact?.channel !== 'chat') throw notFound('Open web chat');
  if (contact.status !== 'active')
    throw new SwitchboardError('conflict', 'Only a chat an agent is in now can be monitored.');
  const agents = agentsIn(contact);
  if (!(await supervisesAgent(deps.db, principal.tenantId, principal, contact.agentId)))
    throw forbidden('Supervisors monitor the chats of agents in the teams they supervise only.');
  return { contact, agents };
}

function audit(deps: ChatDeps, principal: Principal, action: 'monitor_start' | 'barge_start', chat: object) {
  return recordChange(deps.db, principal, {
    action,
    entityType: 'contact',
    entityId: (chat as { contactId: string }).contactId,
    before: null,
    after: chat,
  });
}

/** Starts (or resumes) monitoring: the chat so far; its messages and whispers then come on the event stream. */
export async function monitorChat(deps: ChatDeps, principal: Principal, contactId: string) {
  authorize(principal, 'contact.monitor');
  const { contact } = await coachable(deps, principal, contactId);
  const monitors = deps.monitors.of(principal.tenantId);
  if (monitors.watch(contactId, principal.userId))
    await audit(deps, principal, 'monitor_start', { contactId, agentId: contact.agentId });
  const [chat, whispers] = await Promise.all([
    agentChat(deps, principal, contactId),
    whispersOf(deps, principal.tenantId, contactId),
  ]);
  return {
    ...chat,
    agentId: contact.agentId ?? '',
    barged: monitors.hasBarged(contactId, principal.userId),
    whispers,
  };
}

export async function stopMonitoring(deps: ChatDeps, principal: Principal, contactId: string): Promise<void> {
  authorize(principal, 'contact.monitor');
  if (!(await openContact(deps, principal.tenantId, contactId))) throw notFound('Open web chat');
  const monitors = deps.monitors.of(principal.tenantId);
  if (monitors.hasBarged(contactId, principal.userId))
    await leaveChatAsSupervisor(deps, principal, contactId);
  monitors.unwatch(contactId, principal.userId);
}

/** The whispers of a chat, oldest first: the contact's internal record, for its agents and supervisors. */
export async function whispersOf(deps: ChatDeps, tenantId: string, contactId: string) {
  const rows = await deps.db
    .selectFrom('chat_whispers')
    .select(['id', 'supervisor_id', 'supervisor_name', 'body', 'at'])
    .where('tenant_id', '=', tenantId)
    .where('contact_id', '=', contactId)
    .orderBy('id')
    .limit(LIMITS.chatWhispers.max)
    .execute();
  return rows.map(presentWhisper);
}

const presentWhisper = (row: {
  id: string;
  supervisor_id: string;
  supervisor_name: string;
  body: string;
  at: Date;
}) => ({
  id: String(row.id),
  from: { id: row.supervisor_id, name: row.supervisor_name },
  text: row.body,
  at: row.at.toISOString(),
});

/** A note for the chat's agents alone, while monitoring; never on the customer's stream or transcript. */
export async function whisper(deps: ChatDeps, principal: Principal, contactId: string, text: string) {
  authorize(principal, 'contact.monitor');
  checkText(text);
  const { agents } = await coachable(deps, principal, contactId);
  if (!deps.monitors.of(principal.tenantId).isWatching(contactId, principal.userId))
    throw new SwitchboardError('conflict', 'Monitor the chat first: whispers are sent while monitoring.');
  const sentAlready = await deps.db
    .selectFrom('chat_whispers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', principal.tenantId)
    .where('contact_id', '=', contactId)
    .executeTakeFirstOrThrow();
  if (Number(sentAlready.n) >= LIMITS.chatWhispers.max)
    throw new SwitchboardError(
      'limit_reached',
      `This chat has ${LIMITS.chatWhispers.max} whispers already, the most it keeps: speak with the agent directly, or barge in.`,
      { limit: LIMITS.chatWhispers.max },
    );
  const me = await usersRepository.findById(deps.db, principal.tenantId, principal.userId);
  const row = await deps.db
    .insertInto('chat_whispers')
    .values({
      tenant_id: principal.tenantId,
      contact_id: contactId,
      supervisor_id: principal.userId,
      supervisor_name: me?.display_name ?? principal.name,
      body: text,
      at: new Date(deps.clock.now()),
    })
    .returning(['id', 'supervisor_id', 'supervisor_name', 'body', 'at'])
    .executeTakeFirstOrThrow();
  const sent = presentWhisper(row);
  await deps.notices.publish(principal.tenantId, [
    {
      userIds: await listenersOf(deps, principal.tenantId, contactId, agents),
      message: { type: 'chat.whisper', contactId, ...sent },
    },
  ]);
  return sent;
}

/** Joins the chat: the customer and its agents see the supervisor's alias join, and then their messages. */
export async function bargeIn(deps: ChatDeps, principal: Principal, contactId: string): Promise<void> {
  authorize(principal, 'contact.barge');
  const { contact, agents } = await coachable(deps, principal, contactId);
  const monitors = deps.monitors.of(principal.tenantId);
  if (monitors.hasBarged(contactId, principal.userId)) return;
  if (agents.includes(principal.userId))
    throw new SwitchboardError('conflict', 'You are in this chat already.');
  // Checked and set before any await: of two barge-ins at once, one alone is audited and announced.
  const wasWatching = monitors.isWatching(contactId, principal.userId);
  if (!monitors.barge(contactId, principal.userId)) return;
  if (!wasWatching) await audit(deps, principal, 'monitor_start', { contactId, agentId: contact.agentId });
  await audit(deps, principal, 'barge_start', { contactId, agentId: contact.agentId });
  await announce(deps, principal.tenantId, principal.userId, contactId, agents, true);
}

/** Leaves a chat barged into and goes on monitoring it; the chat goes on with its agents. */
export async function leaveChatAsSupervisor(deps: ChatDeps, principal: Principal, contactId: string) {
  if (!isAllowed(principal, 'contact.barge')) throw forbidden();
  const contact = await openContact(deps, principal.tenantId, contactId);
  if (!contact) throw notFound('Open web chat');
  if (!deps.monitors.of(principal.tenantId).leave(contactId, principal.userId)) return;
  await announce(deps, principal.tenantId, principal.userId, contactId, agentsIn(contact), false);
}

/**
 * A supervisor was taken out of a chat they barged into (it moved to another agent or queue, they are out of
 * its scope now, or their desktop closed): the customer and the chat's agents see them leave, as on leaving.
 */
export async function announceBargedOut(deps: ChatDeps, tenantId: string, contactId: string, userId: string) {
  const contact = await openContact(deps, tenantId, contactId);
  await announce(
    deps,
    tenantId,
    userId,
    contactId,
    contact?.status === 'active' ? agentsIn(contact) : [],
    false,
  );
}

async function announce(
  deps: ChatDeps,
  tenantId: string,
  userId: string,
  contactId: string,
  agents: string[],
  joined: boolean,
) {
  const alias = await deps.hub.loadAlias(tenantId, userId);
  deps.hub.send(tenantId, contactId, { type: joined ? 'agent_joined' : 'agent_left', alias });
  await deps.notices.publish(tenantId, [
    {
      userIds: new Set([...(await listenersOf(deps, tenantId, contactId, agents)), userId]),
      message: {
        type: joined ? 'chat.supervisor_joined' : 'chat.supervisor_left',
        at: new Date(deps.clock.now()).toISOString(),
        contactId,
        supervisorId: userId,
        alias,
      },
    },
  ]);
}
