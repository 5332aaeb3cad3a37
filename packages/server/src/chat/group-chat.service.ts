import { authorize, chatTextProblem, invalid, LIMITS, notFound, SwitchboardError } from '@switchboard/core';
import { csqsRepository } from '../acd/csqs.repository.ts';
import type { Principal } from '../auth/principal.ts';
import { usersRepository } from '../db/repositories/index.ts';
import { chatRepository } from './chat.repository.ts';
import type { ChatDeps } from './chat.service.ts';

/**
 * Group chat (spec C3), the agents' side: an agent in a chat sees how many agents of each chat CSQ could join,
 * invites one with notes for them alone, and the invitee reads the invitation with the chat's recent history
 * before accepting or declining. The router decides who is invited and keeps every rule (see core group-chat).
 */

async function engineOf(deps: ChatDeps, tenantId: string) {
  return (await deps.acd.router(tenantId)).engine;
}

/** Every chat CSQ with its name and how many of its agents could take an invitation into this chat now. */
export async function inviteTargets(deps: ChatDeps, principal: Principal, contactId: string) {
  authorize(principal, 'contact.handle');
  const engine = await engineOf(deps, principal.tenantId);
  if (!engine.contact(contactId)) throw notFound('Open chat');
  const targets = engine.inviteTargets(principal.userId, contactId);
  const names = new Map(
    (await csqsRepository.list(deps.db, principal.tenantId)).map((q) => [q.id, q.name] as const),
  );
  return targets
    .map((t) => ({ csqId: t.csqId, csqName: names.get(t.csqId) ?? t.csqId, available: t.available }))
    .sort((a, b) => a.csqName.localeCompare(b.csqName));
}

export async function inviteAgent(
  deps: ChatDeps,
  principal: Principal,
  contactId: string,
  input: { csqId: string; notes?: string | undefined },
) {
  authorize(principal, 'contact.handle');
  const notes = input.notes?.trim() ? input.notes : null;
  const problem = notes === null ? null : chatTextProblem(notes);
  if (problem) throw invalid(problem, [{ path: 'body/notes', message: problem }]);
  const engine = await engineOf(deps, principal.tenantId);
  if (!engine.contact(contactId)) throw notFound('Open chat');
  const { result } = await deps.acd
    .run(principal.tenantId, (e) => ({
      events: e.invite(principal.userId, contactId, input.csqId, notes),
      result: e.contact(contactId)?.invite ?? null,
    }))
    .catch(async (failure: unknown) => {
      // The router knows CSQs by id; the agent knows them by name.
      if (!(failure instanceof SwitchboardError) || failure.code !== 'no_agent_available') throw failure;
      const csq = await csqsRepository.findById(deps.db, principal.tenantId, input.csqId);
      throw new SwitchboardError(
        'no_agent_available',
        `No agent of ${csq?.name ?? 'that CSQ'} can join this chat now.`,
      );
    });
  if (!result) throw notFound('Open chat');
  return { agentId: result.agentId, csqId: result.csqId, deadline: new Date(result.deadline).toISOString() };
}

/** What the invitee sees before answering: who asks, the notes, the customer and the last 100 messages. */
export async function invitation(deps: ChatDeps, principal: Principal, contactId: string) {
  authorize(principal, 'contact.handle');
  const engine = await engineOf(deps, principal.tenantId);
  const invite = engine.contact(contactId)?.invite;
  if (!invite || invite.agentId !== principal.userId) throw notFound('Invitation');
  const [session, inviter, csq, messages] = await Promise.all([
    chatRepository.find(deps.db, principal.tenantId, contactId),
    usersRepository.findById(deps.db, principal.tenantId, invite.inviterId),
    csqsRepository.findById(deps.db, principal.tenantId, invite.csqId),
    chatRepository.messages(deps.db, principal.tenantId, contactId, {
      last: LIMITS.chatHistoryForInvitee.max,
    }),
  ]);
  return {
    contactId,
    inviter: { id: invite.inviterId, name: inviter?.display_name ?? 'An agent' },
    csqId: invite.csqId,
    csqName: csq?.name ?? invite.csqId,
    notes: invite.notes,
    deadline: new Date(invite.deadline).toISOString(),
    customer: { name: session?.customer_name ?? null },
    problemStatement: session?.problem_statement ?? null,
    messages,
  };
}

export async function answerInvitation(
  deps: ChatDeps,
  principal: Principal,
  contactId: string,
  answer: 'accept' | 'decline',
): Promise<void> {
  authorize(principal, 'contact.handle');
  await deps.acd.run(principal.tenantId, (e) => ({
    events:
      answer === 'accept'
        ? e.acceptInvite(principal.userId, contactId)
        : e.declineInvite(principal.userId, contactId),
    result: undefined,
  }));
}

/** Leaves a chat another agent is in; the last agent ends the chat instead. */
export async function leaveChat(deps: ChatDeps, principal: Principal, contactId: string): Promise<void> {
  authorize(principal, 'contact.handle');
  await deps.acd.run(principal.tenantId, (e) => ({
    events: e.leave(principal.userId, contactId),
    result: undefined,
  }));
}
