import {
  type ChatMessage,
  forbidden,
  isAllowed,
  LIMITS,
  notFound,
  SwitchboardError,
} from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import { handledBefore } from '../context/contact-access.ts';
import { isInHistory } from '../context/customer-history.ts';
import { chatRepository } from './chat.repository.ts';
import { agentsIn, type ChatDeps, checkText, deliver, openContact } from './chat.service.ts';

/** The agents' side of a web chat: reading it at the desktop, writing in it, typing. */

/** The agents a chat is with now (every agent in it, or the one wrapping it up), for the desktop's checks. */
async function agentsOf(deps: ChatDeps, tenantId: string, contactId: string): Promise<string[]> {
  const contact = await openContact(deps, tenantId, contactId);
  if (contact?.status === 'active') return agentsIn(contact);
  return contact?.status === 'wrap_up' && contact.agentId ? [contact.agentId] : [];
}

/**
 * A chat as the desktop shows it: agents see the chats they handle; supervisors and readers any. An agent who
 * joined a group chat sees the messages from the last 100 before they joined. `via`, a contact the agent
 * handles now, lets them read an earlier chat of the same customer (its history, spec C5).
 */
export async function agentChat(
  deps: ChatDeps,
  principal: Principal,
  contactId: string,
  after = 0,
  via?: string,
) {
  const session = await chatRepository.find(deps.db, principal.tenantId, contactId);
  if (!session) throw notFound('Chat');
  let from = after;
  if (!isAllowed(principal, 'contact.read')) {
    if (!isAllowed(principal, 'contact.handle')) throw forbidden();
    const throughHistory = via !== undefined && (await isInHistory(deps.db, principal, via, contactId));
    const access = throughHistory ? { firstSeq: 1 } : await agentAccess(deps, principal, contactId);
    if (access === 'none') throw notFound('Chat');
    from = Math.max(from, access.firstSeq - 1);
  }
  return {
    contactId,
    customer: {
      name: session.customer_name,
      email: session.customer_email,
      phone: session.customer_phone,
      fields: session.custom_fields,
    },
    problemStatement: session.problem_statement,
    rating: session.rating === null ? null : { rating: session.rating, comment: session.rating_comment },
    messages: await chatRepository.messages(deps.db, principal.tenantId, contactId, { after: from }),
  };
}

/**
 * Whether an agent (not a supervisor) may read a chat, and from which message: its owner from the first, an
 * agent who joined it as a guest (now or earlier) from the last 100 before they first joined.
 */
async function agentAccess(
  deps: ChatDeps,
  principal: Principal,
  contactId: string,
): Promise<'none' | { firstSeq: number }> {
  const { tenantId, userId } = principal;
  const [row, joined] = await Promise.all([
    deps.db
      .selectFrom('contacts')
      .select('agent_id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', contactId)
      .executeTakeFirst(),
    deps.db
      .selectFrom('contact_events')
      .select('at')
      .where('tenant_id', '=', tenantId)
      .where('contact_id', '=', contactId)
      .where('type', '=', 'contact.participant_joined')
      .where('agent_id', '=', userId)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst(),
  ]);
  if (joined) {
    const before = await chatRepository.lastSeqAt(deps.db, tenantId, contactId, joined.at);
    return { firstSeq: Math.max(1, before - LIMITS.chatHistoryForInvitee.max + 1) };
  }
  if (row?.agent_id === userId) return { firstSeq: 1 };
  // An agent who accepted it and handed it on still reads what they handled (their "Recent" list).
  return (await handledBefore(deps.db, principal, contactId)) ? { firstSeq: 1 } : 'none';
}

export async function postAgentMessage(
  deps: ChatDeps,
  principal: Principal,
  contactId: string,
  input: { clientId: string; text: string },
): Promise<ChatMessage> {
  if (!isAllowed(principal, 'contact.handle'))
    throw forbidden('Only agents and supervisors chat with customers.');
  checkText(input.text);
  const contact = await openContact(deps, principal.tenantId, contactId);
  const session = contact && (await chatRepository.find(deps.db, principal.tenantId, contactId));
  if (contact?.channel !== 'chat' || !session) throw notFound('Open web chat');
  const inChat = agentsIn(contact).includes(principal.userId);
  // A barged-in supervisor writes only while still in scope (same team, same role, the chat not moved on).
  const barged =
    !inChat && (await deps.monitors.of(principal.tenantId).mayWrite(contactId, principal.userId));
  if (contact.status !== 'active' || !(barged || inChat))
    throw new SwitchboardError(
      contact.status === 'wrap_up' ? 'chat_ended' : 'conflict',
      contact.status === 'wrap_up'
        ? 'This chat has ended: the customer can no longer read new messages.'
        : 'You can write in a chat once you have accepted it.',
    );
  const alias = await deps.hub.loadAlias(principal.tenantId, principal.userId);
  const { message, created } = await chatRepository.append(deps.db, principal.tenantId, contactId, {
    sender: 'agent',
    agentId: principal.userId,
    alias,
    body: input.text,
    clientId: input.clientId,
    at: new Date(deps.clock.now()),
  });
  if (created)
    await deliver(
      deps,
      principal.tenantId,
      contactId,
      await agentsOf(deps, principal.tenantId, contactId),
      message,
    );
  return message;
}

export async function agentTyping(
  deps: ChatDeps,
  principal: Principal,
  contactId: string,
  typing: boolean,
): Promise<void> {
  if (!isAllowed(principal, 'contact.handle')) throw forbidden();
  const contact = await openContact(deps, principal.tenantId, contactId);
  if (contact?.status !== 'active' || !agentsIn(contact).includes(principal.userId))
    throw notFound('Open chat');
  deps.hub.send(principal.tenantId, contactId, { type: 'typing', typing });
}
