import { completeContact, declineOffer, endWrapUp } from './contact-commands.ts';
import type { Timer } from './contact-runtime.ts';
import { declineInvite } from './group-chat.ts';
import { enqueue } from './routing.ts';
import { type AcdState, now } from './state.ts';

/** Fires every timer due by now, in deadline order. */
export function fireDueTimers(state: AcdState): void {
  const at = now(state);
  for (let timer = state.timers.takeDue(at); timer; timer = state.timers.takeDue(at)) fire(state, timer);
}

/** When the next timer is due, if any is set. */
export function nextDeadline(state: AcdState): number | null {
  return state.timers.peek()?.due ?? null;
}

function fire(state: AcdState, timer: Timer): void {
  const contact = timer.contact;
  if (contact === null) return;
  switch (timer.kind) {
    case 'no_answer':
      if (contact.status === 'offered' && contact.agentId)
        declineOffer(state, contact.agentId, contact.id, 'no_answer');
      return;
    case 'join':
      if (contact.status === 'queued' && !contact.joinTimeoutSent) {
        contact.joinTimeoutSent = true;
        state.events.push({ type: 'contact.join_timeout', at: now(state), contactId: contact.id });
      }
      return;
    case 'inactivity':
      if (contact.status === 'active' && contact.agentId)
        completeContact(state, contact.agentId, contact.id, 'inactivity');
      return;
    case 'sticky':
      if (contact.status === 'queued' && contact.stickyAgentId !== null) {
        contact.stickyAgentId = null;
        enqueue(state, contact, 'sticky_timeout');
      }
      return;
    case 'invite':
      if (contact.invite !== null) declineInvite(state, contact.invite.agentId, contact.id, 'no_answer');
      return;
    case 'wrap_up':
      if (contact.status === 'wrap_up' && contact.agentId)
        endWrapUp(state, contact.agentId, contact.id, { reasons: [] });
      return;
  }
}
