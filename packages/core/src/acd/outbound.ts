import { invalid, SwitchboardError } from '../errors.ts';
import { newContactRuntime } from './contact-runtime.ts';
import { PRIORITY } from './model.ts';
import { type AcdState, mustGet, now, refreshAgent, refuse } from './state.ts';

/** A call an agent places: to whom is the call controller's business, the router keeps the agent busy with it. */
export interface OutboundCall {
  id: string;
  /** The voice CSQ the call is made for (its caller ID, wrap-up and recording policy); the agent must be in it. */
  csqId: string;
  callType: string;
  /** Outbound calls of the tenant that may be in progress at once; this one is refused beyond. */
  maxConcurrent: number;
}

/**
 * Outbound calls in progress: every one not yet in wrap-up, whoever holds it. A placed call transferred or
 * requeued still holds its trunk line (the far end waits on it), so it still counts.
 */
export function outboundInProgress(state: AcdState): number {
  let count = 0;
  for (const contact of state.contacts.values())
    if (contact.direction === 'outbound' && contact.status !== 'wrap_up') count++;
  return count;
}

/**
 * The agent places a call: it is theirs at once, never queued nor offered, and they are busy on voice (Talking)
 * until it ends and its wrap-up is done, whether they were Ready or Not Ready. Refused while they are signed out
 * of voice, have a call in hand or ringing, or when the tenant's outbound calls are at their limit.
 */
export function dialOut(state: AcdState, agentId: string, call: OutboundCall): void {
  if (state.contacts.has(call.id)) throw refuse(`Contact ${call.id} already exists.`);
  const csq = mustGet(state.csqs, call.csqId, 'CSQ');
  if (csq.config.channel !== 'voice')
    throw invalid(`CSQ ${csq.config.id} takes ${csq.config.channel} contacts, not calls.`);
  const agent = mustGet(state.agents, agentId, 'Agent');
  if (!agent.csqs.has(csq.config.id))
    throw refuse(`Agent ${agentId} is not a member of CSQ ${csq.config.id}: call for one of your own CSQs.`);
  if (agent.chosen('voice') === 'logged_out') throw refuse('Sign in to voice before placing a call.');
  if (agent.pendingOffer('voice') !== null || agent.load('voice') > 0)
    throw refuse('Finish the call in hand (and its wrap-up) before placing another.');
  if (outboundInProgress(state) >= call.maxConcurrent)
    throw new SwitchboardError(
      'limit_reached',
      call.maxConcurrent === 0
        ? 'Outbound calls are off for this tenant (its limit of calls in progress is 0); emergency numbers still go.'
        : `The tenant has ${call.maxConcurrent} outbound calls in progress, its limit: try again when one ends.`,
    );
  const at = now(state);
  const contact = newContactRuntime(
    {
      id: call.id,
      channel: 'voice',
      csqId: csq.config.id,
      callType: call.callType,
      priority: PRIORITY.default,
    },
    state.nextSeq++,
    at,
  );
  contact.direction = 'outbound';
  contact.status = 'active';
  contact.agentId = agentId;
  contact.acceptedAt = at;
  state.contacts.set(contact.id, contact);
  agent.contacts.add(contact.id);
  agent.addContacts('voice', 1, 1);
  state.events.push({
    type: 'contact.dialled',
    at,
    contactId: contact.id,
    channel: 'voice',
    csqId: contact.csqId,
    callType: contact.callType,
    agentId,
  });
  refreshAgent(state, agent, null);
}

/** How an outbound call's far end answered: picked up, or why not. */
export const DIAL_RESULTS = ['answered', 'busy', 'no_answer', 'declined', 'unreachable', 'failed'] as const;
export type DialResult = (typeof DIAL_RESULTS)[number];

/** The far end of an agent's outbound call answered, or refused it (the call controller then ends it). */
export function noteDialResult(
  state: AcdState,
  contactId: string,
  result: DialResult,
  sipStatus: number,
): void {
  const contact = mustGet(state.contacts, contactId, 'Contact');
  if (contact.direction !== 'outbound') throw refuse(`Contact ${contactId} is not an outbound call.`);
  state.events.push({
    type: 'contact.dial_result',
    at: now(state),
    contactId,
    agentId: contact.agentId,
    result,
    sipStatus,
  });
}
