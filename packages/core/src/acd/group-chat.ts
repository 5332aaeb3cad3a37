import { invalid, SwitchboardError } from '../errors.ts';
import type { AgentRuntime } from './agent-runtime.ts';
import type { ContactRuntime } from './contact-runtime.ts';
import type { Cause } from './events.ts';
import { dispatchAgent } from './routing.ts';
import { scanForAgent } from './scan-selection.ts';
import { type AcdState, cancelTimer, mustGet, now, refreshAgent, refuse, schedule } from './state.ts';

/** A chat holds the customer and at most this many agents (three participants in all). */
export const MAX_AGENTS_IN_CHAT = 2;

/** A chat CSQ an agent may invite from, and how many of its agents could take the invitation now. */
export interface InviteTarget {
  csqId: string;
  available: number;
}

/** Agents an invitation into this chat must not go to: those in it, and those who declined since the last join. */
function notInvitable(contact: ContactRuntime): Set<string> {
  const out = new Set(contact.decliners);
  if (contact.agentId) out.add(contact.agentId);
  for (const guest of contact.guests) out.add(guest.agentId);
  return out;
}

export function isParticipant(contact: ContactRuntime, agentId: string): boolean {
  return contact.agentId === agentId || contact.guests.some((g) => g.agentId === agentId);
}

/** The contact is an active chat and the agent is in it (as its owner or as a guest). */
function chatWith(state: AcdState, agentId: string, contactId: string) {
  const agent = mustGet(state.agents, agentId, 'Agent');
  const contact = mustGet(state.contacts, contactId, 'Contact');
  if (contact.status !== 'active' || !isParticipant(contact, agentId)) {
    throw refuse(`Contact ${contactId} is not active with agent ${agentId}.`);
  }
  if (contact.channel !== 'chat') throw invalid('Only a chat can have more than one agent.');
  return { agent, contact };
}

/** Every chat CSQ with the number of its agents who could take an invitation into this chat now. */
export function inviteTargets(state: AcdState, agentId: string, contactId: string): InviteTarget[] {
  const { contact } = chatWith(state, agentId, contactId);
  const skip = notInvitable(contact);
  const out: InviteTarget[] = [];
  for (const csq of state.csqs.values()) {
    if (csq.config.channel !== 'chat') continue;
    let available = 0;
    for (const member of csq.members.keys()) if (!skip.has(member.id) && member.canTake('chat')) available++;
    out.push({ csqId: csq.config.id, available });
  }
  return out;
}

/**
 * Invites the best available agent of a chat CSQ into an active chat, chosen as routing would choose them.
 * Refused while two agents are in or an invitation rings; never goes to an agent in the chat or one who
 * declined since the last agent joined.
 */
export function invite(
  state: AcdState,
  inviterId: string,
  contactId: string,
  csqId: string,
  notes: string | null = null,
): void {
  const { contact } = chatWith(state, inviterId, contactId);
  if (contact.invite !== null)
    throw new SwitchboardError(
      'group_chat_full',
      'An invitation into this chat is already waiting for an answer.',
    );
  if (1 + contact.guests.length >= MAX_AGENTS_IN_CHAT)
    throw new SwitchboardError(
      'group_chat_full',
      `A chat holds at most ${MAX_AGENTS_IN_CHAT} agents besides the customer; one has to leave first.`,
      { limit: MAX_AGENTS_IN_CHAT },
    );
  const csq = mustGet(state.csqs, csqId, 'CSQ');
  if (csq.config.channel !== 'chat') throw invalid(`CSQ ${csqId} is not a chat CSQ.`);
  const skip = notInvitable(contact);
  const invitee = state.selection === 'indexed' ? csq.pickAgent(skip) : scanForAgent(state, csq, skip);
  if (!invitee)
    throw new SwitchboardError('no_agent_available', `No agent of CSQ ${csqId} can join this chat now.`);
  const at = now(state);
  const deadline = at + state.params.noAnswerTimeoutMs.chat;
  contact.invite = { agentId: invitee.id, inviterId, csqId, notes, at, deadline };
  invitee.setPendingOffer('digital', contact.id);
  invitee.contacts.add(contact.id);
  schedule(state, contact, 'invite', deadline);
  state.events.push({
    type: 'contact.invited',
    at,
    contactId,
    csqId,
    agentId: invitee.id,
    inviterId,
    deadline,
  });
  refreshAgent(state, invitee, null);
}

function invitedAgent(state: AcdState, agentId: string, contactId: string) {
  const agent = mustGet(state.agents, agentId, 'Agent');
  const contact = mustGet(state.contacts, contactId, 'Contact');
  if (contact.invite?.agentId !== agentId) {
    throw refuse(`Agent ${agentId} has no invitation into contact ${contactId}.`);
  }
  return { agent, contact };
}

/** The invitee joins the chat: it counts against their chat capacity, and anyone who declined may be asked again. */
export function acceptInvite(state: AcdState, agentId: string, contactId: string): void {
  const { agent, contact } = invitedAgent(state, agentId, contactId);
  const invitation = contact.invite as NonNullable<ContactRuntime['invite']>;
  cancelTimer(state, contact, 'invite');
  contact.invite = null;
  contact.decliners = [];
  contact.guests.push({ agentId, joinedAt: now(state) });
  agent.setPendingOffer('digital', null);
  agent.addContacts('chat', 1, 1);
  state.events.push({
    type: 'contact.participant_joined',
    at: now(state),
    contactId,
    csqId: invitation.csqId,
    agentId,
    inviterId: invitation.inviterId,
  });
  refreshAgent(state, agent, null);
  dispatchAgent(state, agent);
}

/**
 * The invitee declines, or lets the invitation ring out. Either way they are not invited into this chat again
 * until another agent joins it; one who let it ring out goes Not Ready, as after any unanswered offer.
 */
export function declineInvite(
  state: AcdState,
  agentId: string,
  contactId: string,
  cause: 'rejected' | 'no_answer',
): void {
  const { agent, contact } = invitedAgent(state, agentId, contactId);
  contact.decliners = [...contact.decliners, agentId];
  endInvite(state, contact, agent, cause);
  if (cause === 'no_answer') agent.choose('digital', 'not_ready', null);
  refreshAgent(state, agent, cause);
  dispatchAgent(state, agent);
}

/** The ringing invitation, if any, stops (the chat ended, or the invitee signed out). */
export function withdrawInvite(state: AcdState, contact: ContactRuntime, cause: Cause): void {
  if (contact.invite === null) return;
  const agent = mustGet(state.agents, contact.invite.agentId, 'Agent');
  endInvite(state, contact, agent, cause);
  refreshAgent(state, agent, cause);
  dispatchAgent(state, agent);
}

function endInvite(state: AcdState, contact: ContactRuntime, agent: AgentRuntime, cause: Cause): void {
  const inviterId = (contact.invite as NonNullable<ContactRuntime['invite']>).inviterId;
  cancelTimer(state, contact, 'invite');
  contact.invite = null;
  agent.setPendingOffer('digital', null);
  agent.contacts.delete(contact.id);
  state.events.push({
    type: 'contact.invite_ended',
    at: now(state),
    contactId: contact.id,
    agentId: agent.id,
    inviterId,
    cause,
  });
}

/**
 * An agent leaves a chat another agent is in. When the owner leaves, the guest who joined first owns the chat
 * from then on (they end it and wrap it up). The one who leaves is free at once; the last agent cannot leave
 * (they end the chat instead).
 */
export function leaveChat(state: AcdState, agentId: string, contactId: string, cause: Cause = 'agent'): void {
  const { agent, contact } = chatWith(state, agentId, contactId);
  if (contact.guests.length === 0)
    throw refuse('You are the only agent in this chat: end it instead of leaving.');
  removeFromChat(state, contact, agent, cause);
}

function removeFromChat(state: AcdState, contact: ContactRuntime, agent: AgentRuntime, cause: Cause): void {
  if (contact.agentId === agent.id) {
    const [next, ...rest] = contact.guests;
    contact.agentId = (next as { agentId: string }).agentId;
    contact.guests = rest;
  } else {
    contact.guests = contact.guests.filter((g) => g.agentId !== agent.id);
  }
  agent.addContacts('chat', -1, -1);
  agent.contacts.delete(contact.id);
  state.events.push({
    type: 'contact.participant_left',
    at: now(state),
    contactId: contact.id,
    agentId: agent.id,
    cause,
    ownerId: contact.agentId,
  });
  refreshAgent(state, agent, cause);
  dispatchAgent(state, agent);
}

/**
 * The chat is over (or about to be handed on): the ringing invitation stops and every guest leaves, so only
 * the owner is left to wrap it up.
 */
export function dissolveGroup(state: AcdState, contact: ContactRuntime, cause: Cause): void {
  withdrawInvite(state, contact, cause);
  for (const guest of [...contact.guests]) {
    const agent = mustGet(state.agents, guest.agentId, 'Agent');
    removeFromChat(state, contact, agent, cause);
  }
}

/**
 * An agent who signs out or drops leaves a chat another agent is in, and their ringing invitation stops.
 * Returns false when the contact follows the usual rules instead (it was theirs alone).
 */
export function leaveOnSignOut(state: AcdState, contact: ContactRuntime, agent: AgentRuntime): boolean {
  if (contact.invite?.agentId === agent.id) {
    withdrawInvite(state, contact, 'logout');
    return true;
  }
  if (contact.status === 'active' && isParticipant(contact, agent.id) && contact.guests.length > 0) {
    removeFromChat(state, contact, agent, 'logout');
    return true;
  }
  return false;
}
