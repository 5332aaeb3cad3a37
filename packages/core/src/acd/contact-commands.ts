import { invalid } from '../errors.ts';
import type { AgentRuntime } from './agent-runtime.ts';
import { type ContactRuntime, newContactRuntime } from './contact-runtime.ts';
import type { Cause } from './events.ts';
import { dissolveGroup } from './group-chat.ts';
import { domainOf, type NewContact, type Outcome, PRIORITY } from './model.ts';
import { accept, dispatchAgent, enqueue, leaveQueue, withdrawOffer } from './routing.ts';
import {
  type AcdState,
  cancelTimer,
  dropTimers,
  mustGet,
  now,
  refreshAgent,
  refuse,
  schedule,
} from './state.ts';

export function createContact(state: AcdState, input: NewContact): void {
  if (state.contacts.has(input.id)) throw refuse(`Contact ${input.id} already exists.`);
  const csq = mustGet(state.csqs, input.csqId, 'CSQ');
  if (csq.config.channel !== input.channel) {
    throw invalid(`CSQ ${csq.config.id} takes ${csq.config.channel} contacts, not ${input.channel}.`);
  }
  if (!Number.isInteger(input.priority) || input.priority < PRIORITY.min || input.priority > PRIORITY.max) {
    throw invalid(`Priority must be a whole number from ${PRIORITY.min} to ${PRIORITY.max}.`);
  }
  const at = now(state);
  const stickyAgent = input.stickyAgentId ? state.agents.get(input.stickyAgentId) : undefined;
  const sticky =
    input.channel === 'email' && stickyAgent !== undefined && stickyAgent.csqs.has(csq.config.id);
  const contact = newContactRuntime(input, state.nextSeq++, at);
  if (sticky) contact.stickyAgentId = input.stickyAgentId ?? null;
  state.contacts.set(contact.id, contact);
  state.events.push({
    type: 'contact.created',
    at,
    contactId: contact.id,
    channel: contact.channel,
    csqId: contact.csqId,
    callType: contact.callType,
    priority: contact.priority,
  });
  if (input.flow && input.flow.steps.length > 0)
    state.events.push({ type: 'contact.flow', at, contactId: contact.id, ...input.flow });
  if (contact.stickyAgentId) schedule(state, contact, 'sticky', at + state.params.stickyEmailTimeoutMs);
  enqueue(state, contact, null);
}

export function acceptOffer(state: AcdState, agentId: string, contactId: string): void {
  const { agent, contact } = offeredTo(state, agentId, contactId);
  accept(state, contact, agent);
  dispatchAgent(state, agent);
}

/** The agent declines, or lets the offer ring out: the contact returns to its place and the agent goes Not Ready. */
export function declineOffer(
  state: AcdState,
  agentId: string,
  contactId: string,
  cause: 'rejected' | 'no_answer',
  reasonCode: number | null = null,
): void {
  const { agent, contact } = offeredTo(state, agentId, contactId);
  withdrawOffer(state, contact, agent, cause);
  const domain = domainOf(contact.channel);
  agent.choose(domain, 'not_ready', reasonCode);
  refreshAgent(state, agent, cause);
  if (contact.stickyAgentId !== null) {
    cancelTimer(state, contact, 'sticky');
    contact.stickyAgentId = null;
    contact.queuedAt = now(state);
  }
  // Same queue, same order keys: the contact keeps its place as if it had never left.
  enqueue(state, contact, cause);
}

/** The conversation is over for the customer; the agent moves to wrap-up for it. */
export function completeContact(
  state: AcdState,
  agentId: string,
  contactId: string,
  endedBy: Cause = 'agent',
): void {
  const { agent, contact } = activeWith(state, agentId, contactId);
  dissolveGroup(state, contact, endedBy);
  const at = now(state);
  agent.addContacts(contact.channel, 0, -1);
  agent.handled++;
  agent.handleMsTotal += at - (contact.acceptedAt ?? at);
  cancelTimer(state, contact, 'inactivity');
  contact.status = 'wrap_up';
  contact.wrapUpAt = at;
  contact.held = false;
  contact.endedBy = endedBy;
  state.events.push({ type: 'contact.wrap_up_started', at, contactId, agentId, endedBy });
  if (state.params.wrapUpTimeoutMs !== null)
    schedule(state, contact, 'wrap_up', at + state.params.wrapUpTimeoutMs);
  refreshAgent(state, agent, endedBy);
  dispatchAgent(state, agent);
}

export interface WrapUp {
  reasons: string[];
  /** What the agent does next on this contact's domain; by default they stay as they chose. */
  next?: { state: 'ready' | 'not_ready'; reasonCode?: number | null } | undefined;
}

export function endWrapUp(state: AcdState, agentId: string, contactId: string, wrapUp: WrapUp): void {
  const agent = mustGet(state.agents, agentId, 'Agent');
  const contact = mustGet(state.contacts, contactId, 'Contact');
  if (contact.status !== 'wrap_up' || contact.agentId !== agentId) {
    throw refuse(`Contact ${contactId} is not in wrap-up with agent ${agentId}.`);
  }
  const at = now(state);
  cancelTimer(state, contact, 'wrap_up');
  agent.addContacts(contact.channel, -1, 0);
  agent.handleMsTotal += at - (contact.wrapUpAt ?? at);
  agent.contacts.delete(contact.id);
  const domain = domainOf(contact.channel);
  if (wrapUp.next && agent.chosen(domain) !== 'logged_out') {
    const next = wrapUp.next.state;
    agent.choose(domain, next, next === 'not_ready' ? (wrapUp.next.reasonCode ?? null) : null);
  }
  state.events.push({ type: 'contact.wrap_up_ended', at, contactId, agentId, reasons: wrapUp.reasons });
  end(state, contact, 'handled', (contact.endedBy as Cause | null) ?? 'agent', agentId);
  refreshAgent(state, agent, 'agent');
  dispatchAgent(state, agent);
}

/** The customer hung up or closed the chat, at whatever stage. Idempotent. */
export function customerLeft(state: AcdState, contactId: string): void {
  const contact = state.contacts.get(contactId);
  if (!contact) return;
  if (contact.status === 'queued') {
    leaveQueue(contact);
    end(state, contact, 'abandoned', 'customer', null);
  } else if (contact.status === 'offered' && contact.agentId) {
    const agent = mustGet(state.agents, contact.agentId, 'Agent');
    withdrawOffer(state, contact, agent, 'customer');
    end(state, contact, 'abandoned_while_offered', 'customer', agent.id);
    refreshAgent(state, agent, 'customer');
    dispatchAgent(state, agent);
  } else if (contact.status === 'active' && contact.agentId) {
    completeContact(state, contact.agentId, contactId, 'customer');
  }
}

/** Ends a contact that was never answered without the customer leaving (e.g. an email deleted at the source). */
export function dequeueContact(state: AcdState, contactId: string): void {
  const contact = mustGet(state.contacts, contactId, 'Contact');
  if (contact.status !== 'queued') throw refuse(`Contact ${contactId} is not waiting in a queue.`);
  leaveQueue(contact);
  end(state, contact, 'dequeued', 'system', null);
}

export function end(
  state: AcdState,
  contact: ContactRuntime,
  outcome: Outcome,
  endedBy: Cause,
  agentId: string | null,
): void {
  contact.status = 'ended';
  dropTimers(state, contact);
  state.contacts.delete(contact.id);
  state.events.push({
    type: 'contact.ended',
    at: now(state),
    contactId: contact.id,
    outcome,
    endedBy,
    agentId,
  });
}

export function offeredTo(state: AcdState, agentId: string, contactId: string) {
  const agent = mustGet(state.agents, agentId, 'Agent');
  const contact = mustGet(state.contacts, contactId, 'Contact');
  if (contact.status !== 'offered' || contact.agentId !== agentId) {
    throw refuse(`Contact ${contactId} is not offered to agent ${agentId}.`);
  }
  return { agent, contact };
}

export function activeWith(
  state: AcdState,
  agentId: string,
  contactId: string,
): { agent: AgentRuntime; contact: ContactRuntime } {
  const agent = mustGet(state.agents, agentId, 'Agent');
  const contact = mustGet(state.contacts, contactId, 'Contact');
  if (contact.status !== 'active' || contact.agentId !== agentId) {
    throw refuse(`Contact ${contactId} is not active with agent ${agentId}.`);
  }
  return { agent, contact };
}
