import type { AgentRuntime } from './agent-runtime.ts';
import { type ContactRuntime, queuedBefore } from './contact-runtime.ts';
import type { Cause } from './events.ts';
import { domainOf } from './model.ts';
import { scanForAgent, scanForContact } from './scan-selection.ts';
import { type AcdState, cancelTimer, now, refreshAgent, schedule } from './state.ts';

/**
 * Puts a contact in line: in its CSQ, or for a sticky email, in the line of the agent it waits for.
 * Order keys are frozen at this moment; the position survives offers that come back unanswered.
 */
export function enqueue(state: AcdState, contact: ContactRuntime, cause: Cause | null): void {
  leaveQueue(contact);
  contact.status = 'queued';
  contact.agentId = null;
  let stickyAgent = contact.stickyAgentId ? state.agents.get(contact.stickyAgentId) : undefined;
  if (stickyAgent && !stickyAgent.csqs.has(contact.csqId)) {
    // The agent no longer serves the CSQ (reskilled while the email was with them): it waits for anyone.
    cancelTimer(state, contact, 'sticky');
    contact.stickyAgentId = null;
    stickyAgent = undefined;
  }
  if (stickyAgent) {
    contact.line = stickyAgent.sticky;
    stickyAgent.sticky.push(contact);
  } else state.csqs.get(contact.csqId)?.enqueue(contact);
  state.events.push({
    type: 'contact.queued',
    at: now(state),
    contactId: contact.id,
    csqId: contact.csqId,
    stickyAgentId: contact.stickyAgentId,
    cause,
  });
  dispatchContact(state, contact);
  // A chat left waiting starts its join timeout (counted from creation), once; most never wait.
  if (
    contact.status === 'queued' &&
    contact.channel === 'chat' &&
    !contact.joinTimeoutSent &&
    contact.timers.join === null
  ) {
    schedule(state, contact, 'join', contact.createdAt + state.params.joinTimeoutMs);
  }
}

/** Takes a contact out of whichever line it waits in, if any. */
export function leaveQueue(contact: ContactRuntime): void {
  if (contact.line === null) return;
  contact.line.remove(contact);
  contact.line = null;
}

/** Offers a waiting contact to the best agent who can take it now, if there is one. */
export function dispatchContact(state: AcdState, contact: ContactRuntime): void {
  if (contact.status !== 'queued') return;
  if (contact.stickyAgentId !== null) {
    const agent = state.agents.get(contact.stickyAgentId);
    if (agent?.canTake(contact.channel)) offerWaiting(state, contact, agent);
    return;
  }
  const csq = state.csqs.get(contact.csqId);
  if (!csq) return;
  const agent =
    state.selection === 'indexed'
      ? csq.pickAgent(contact.excluded)
      : scanForAgent(state, csq, contact.excluded);
  if (agent) offerWaiting(state, contact, agent);
}

/**
 * An agent who can take work takes the best waiting contact across all CSQs they serve and the emails that
 * wait for them in particular: higher priority first, then the longest waiting.
 */
export function dispatchAgent(state: AcdState, agent: AgentRuntime): void {
  for (let round = 0; round < 16; round++) {
    const best = state.selection === 'indexed' ? bestContactFor(agent) : scanForContact(agent);
    if (!best) return;
    offerWaiting(state, best, agent);
  }
}

function bestContactFor(agent: AgentRuntime): ContactRuntime | undefined {
  let best = agent.sticky.peek();
  if (best !== undefined && !agent.canTake(best.channel)) best = undefined;
  for (const membership of agent.memberships) {
    const csq = membership.csq;
    if (csq.waitingCount === 0 || !agent.canTake(csq.config.channel)) continue;
    const first = csq.firstFor(agent.id);
    if (first !== undefined && (best === undefined || queuedBefore(first, best))) best = first;
  }
  return best;
}

function offerWaiting(state: AcdState, contact: ContactRuntime, agent: AgentRuntime): void {
  leaveQueue(contact);
  offer(state, contact, agent);
}

/** Reserves the agent for the contact. Email is accepted at once; other channels ring until the no-answer timeout. */
export function offer(state: AcdState, contact: ContactRuntime, agent: AgentRuntime): void {
  const at = now(state);
  const domain = domainOf(contact.channel);
  contact.status = 'offered';
  contact.agentId = agent.id;
  agent.setPendingOffer(domain, contact.id);
  agent.contacts.add(contact.id);
  const autoAccept = contact.channel === 'email';
  const deadline = autoAccept ? null : at + state.params.noAnswerTimeoutMs[contact.channel];
  if (deadline !== null) schedule(state, contact, 'no_answer', deadline);
  state.events.push({
    type: 'contact.offered',
    at,
    contactId: contact.id,
    csqId: contact.csqId,
    agentId: agent.id,
    deadline,
  });
  refreshAgent(state, agent, null);
  if (autoAccept) accept(state, contact, agent);
}

export function accept(state: AcdState, contact: ContactRuntime, agent: AgentRuntime): void {
  const at = now(state);
  const domain = domainOf(contact.channel);
  cancelTimer(state, contact, 'no_answer');
  agent.setPendingOffer(domain, null);
  agent.addContacts(contact.channel, 1, 1);
  contact.status = 'active';
  contact.acceptedAt = at;
  if (contact.channel === 'chat')
    schedule(state, contact, 'inactivity', at + state.params.inactivityTimeoutMs);
  state.events.push({
    type: 'contact.accepted',
    at,
    contactId: contact.id,
    csqId: contact.csqId,
    agentId: agent.id,
    waitedMs: at - contact.createdAt,
  });
  refreshAgent(state, agent, null);
}

/** Withdraws a pending offer; the agent is free of it (their state is the caller's business). */
export function withdrawOffer(
  state: AcdState,
  contact: ContactRuntime,
  agent: AgentRuntime,
  cause: Cause,
): void {
  cancelTimer(state, contact, 'no_answer');
  agent.setPendingOffer(domainOf(contact.channel), null);
  agent.contacts.delete(contact.id);
  contact.agentId = null;
  state.events.push({
    type: 'contact.offer_withdrawn',
    at: now(state),
    contactId: contact.id,
    agentId: agent.id,
    cause,
  });
}

/** The agent lets go of an active contact (transfer, requeue, logout): capacity is freed at once. */
export function release(state: AcdState, contact: ContactRuntime, agent: AgentRuntime): void {
  agent.addContacts(contact.channel, -1, contact.status === 'active' ? -1 : 0);
  agent.contacts.delete(contact.id);
  cancelTimer(state, contact, 'inactivity');
  cancelTimer(state, contact, 'wrap_up');
  contact.agentId = null;
  contact.acceptedAt = null;
  contact.held = false;
}
