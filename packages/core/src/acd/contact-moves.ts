import { invalid } from '../errors.ts';
import { activeWith } from './contact-commands.ts';
import { type ContactRuntime, exclude } from './contact-runtime.ts';
import type { RecordingAction } from './events.ts';
import type { FlowTaken } from './model.ts';
import { dispatchAgent, enqueue, offer, release } from './routing.ts';
import { type AcdState, cancelTimer, mustGet, now, refreshAgent, refuse, schedule } from './state.ts';
import { transferNoteProblem } from './transfer-note.ts';

export type TransferTarget = { csqId: string } | { agentId: string };

/**
 * Hands an active contact on. To a CSQ it queues there as a new leg; to an agent it is offered to them
 * directly, which ignores the blending switches but never capacity.
 */
export function transferContact(
  state: AcdState,
  agentId: string,
  contactId: string,
  target: TransferTarget,
  note: string | null = null,
): void {
  const problem = note === null ? null : transferNoteProblem(note);
  if (problem) throw invalid(problem);
  const { agent, contact } = activeWith(state, agentId, contactId);
  refuseWhileGroup(contact);
  const at = now(state);
  const kept = note?.trim() ? note : null;
  if ('agentId' in target) {
    const to = mustGet(state.agents, target.agentId, 'Agent');
    if (to.id === agent.id) throw invalid('An agent cannot transfer a contact to themselves.');
    if (!to.canTake(contact.channel, true)) {
      throw refuse(
        `That agent cannot take a ${contact.channel} contact now (not Ready, or at capacity): choose another agent or a queue.`,
      );
    }
    release(state, contact, agent);
    state.events.push({
      type: 'contact.transferred',
      at,
      contactId,
      fromAgentId: agentId,
      toCsqId: null,
      toAgentId: to.id,
      note: kept,
    });
    refreshAgent(state, agent, 'transferred');
    offer(state, contact, to);
  } else {
    const csq = mustGet(state.csqs, target.csqId, 'CSQ');
    if (csq.config.channel !== contact.channel)
      throw invalid(`CSQ ${csq.config.id} does not take ${contact.channel} contacts.`);
    release(state, contact, agent);
    state.events.push({
      type: 'contact.transferred',
      at,
      contactId,
      fromAgentId: agentId,
      toCsqId: csq.config.id,
      toAgentId: null,
      note: kept,
    });
    refreshAgent(state, agent, 'transferred');
    // The freed agent first takes what already waits; the transferred contact queues behind it.
    dispatchAgent(state, agent);
    // Sent on by its agent: it waits for whoever the CSQ offers it to, not for that agent again.
    cancelTimer(state, contact, 'sticky');
    contact.stickyAgentId = null;
    contact.csqId = csq.config.id;
    contact.queuedAt = at;
    enqueue(state, contact, 'transferred');
    return;
  }
  dispatchAgent(state, agent);
}

/** Sends a contact to a chosen CSQ, never back to this agent, ignoring stickiness. */
export function requeueContact(state: AcdState, agentId: string, contactId: string, csqId: string): void {
  const { agent, contact } = activeWith(state, agentId, contactId);
  refuseWhileGroup(contact);
  const csq = mustGet(state.csqs, csqId, 'CSQ');
  if (csq.config.channel !== contact.channel)
    throw invalid(`CSQ ${csqId} does not take ${contact.channel} contacts.`);
  release(state, contact, agent);
  refreshAgent(state, agent, 'requeued');
  dispatchAgent(state, agent);
  exclude(contact, [agent.id]);
  cancelTimer(state, contact, 'sticky');
  contact.stickyAgentId = null;
  contact.csqId = csqId;
  contact.queuedAt = now(state);
  enqueue(state, contact, 'requeued');
}

function refuseWhileGroup(contact: ContactRuntime): void {
  if (contact.guests.length > 0 || contact.invite !== null)
    throw refuse('Another agent is in this chat or invited into it: it cannot be handed on now.');
}

export function holdContact(state: AcdState, agentId: string, contactId: string, hold: boolean): void {
  const { contact } = activeWith(state, agentId, contactId);
  if (contact.held === hold) return;
  contact.held = hold;
  state.events.push({ type: hold ? 'contact.held' : 'contact.resumed', at: now(state), contactId, agentId });
}

/** The customer typed or sent something: the inactivity clock starts again. */
export function customerActivity(state: AcdState, contactId: string): void {
  const contact = mustGet(state.contacts, contactId, 'Contact');
  if (contact.status === 'active' && contact.channel === 'chat') {
    schedule(state, contact, 'inactivity', now(state) + state.params.inactivityTimeoutMs);
  }
}

/** A call's recording started, paused, resumed or stopped: a step of the contact's history, nothing more. */
export function noteRecording(
  state: AcdState,
  contactId: string,
  recordingId: string,
  action: RecordingAction,
): void {
  const contact = mustGet(state.contacts, contactId, 'Contact');
  state.events.push({
    type: 'contact.recording',
    at: now(state),
    contactId,
    agentId: contact.agentId,
    recordingId,
    action,
  });
}

/**
 * More steps of the call flow after the agent hung up (a survey): kept in the contact's history even once it has
 * ended, as the caller may still be answering when the agent's wrap-up ends it.
 */
export function noteFlow(state: AcdState, contactId: string, flow: FlowTaken): void {
  if (flow.steps.length === 0) return;
  state.events.push({ type: 'contact.flow', at: now(state), contactId, ...flow });
}

export function changeCallType(state: AcdState, contactId: string, callType: string): void {
  const contact = mustGet(state.contacts, contactId, 'Contact');
  contact.callType = callType;
  state.events.push({ type: 'contact.call_type_changed', at: now(state), contactId, callType });
}
