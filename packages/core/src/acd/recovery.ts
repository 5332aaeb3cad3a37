import { invalid } from '../errors.ts';
import { upsertAgent } from './agent-commands.ts';
import { type ContactRuntime, newContactRuntime } from './contact-runtime.ts';
import { type AgentConfig, type ChosenState, DOMAINS, type Domain } from './model.ts';
import { dispatchAgent, enqueue } from './routing.ts';
import { type AcdState, now, refreshAgent, schedule } from './state.ts';
import type { ContactView } from './view.ts';

export interface AgentSnapshot {
  config: AgentConfig;
  chosen: Record<Domain, ChosenState>;
  reasonCode: Record<Domain, number | null>;
}

/** A contact as storage kept it (the router's view of it); enough to put it back exactly where it was. */
export type ContactSnapshot = Omit<ContactView, 'status' | 'direction'> & {
  status: 'queued' | 'offered' | 'active' | 'wrap_up';
  /** Inbound unless told. */
  direction?: ContactView['direction'];
};

/**
 * Rebuilds the router after a restart: agents come back in their chosen states, waiting contacts keep their
 * place and waiting time, offers that were ringing go back to the queue, and contacts in progress stay with
 * their agents. Then every free agent takes what waits.
 */
/** Guests stay in the chat; an invitation that was ringing stops (its invitee may be asked again). */
function restoreGroup(state: AcdState, contact: ContactRuntime, snapshot: ContactSnapshot): void {
  contact.decliners = [...(snapshot.decliners ?? [])];
  for (const guest of snapshot.guests ?? []) {
    const agent = state.agents.get(guest.agentId);
    if (!agent || agent.id === contact.agentId) continue;
    contact.guests.push({ ...guest });
    agent.contacts.add(contact.id);
    agent.addContacts('chat', 1, 1);
  }
  if (snapshot.invite)
    state.events.push({
      type: 'contact.invite_ended',
      at: now(state),
      contactId: contact.id,
      agentId: snapshot.invite.agentId,
      inviterId: snapshot.invite.inviterId,
      cause: 'recovered',
    });
}

export function restore(state: AcdState, agents: AgentSnapshot[], contacts: ContactSnapshot[]): void {
  if (state.agents.size > 0 || state.contacts.size > 0)
    throw invalid('Restore works on an empty router only.');
  for (const snapshot of agents) {
    upsertAgent(state, snapshot.config);
    const agent = state.agents.get(snapshot.config.id);
    if (!agent) continue;
    for (const domain of DOMAINS) {
      agent.choose(domain, snapshot.chosen[domain], snapshot.reasonCode[domain]);
    }
  }
  const at = now(state);
  const ordered = [...contacts].sort((a, b) => a.seq - b.seq);
  state.nextSeq = Math.max(state.nextSeq, ...ordered.map((c) => c.seq + 1));
  const requeue: ContactRuntime[] = [];
  for (const snapshot of ordered) {
    if (!state.csqs.has(snapshot.csqId)) continue;
    const contact = newContactRuntime(snapshot, snapshot.seq, snapshot.createdAt);
    contact.queuedAt = snapshot.queuedAt;
    contact.direction = snapshot.direction ?? 'inbound';
    contact.excluded = new Set(snapshot.excluded);
    contact.stickyAgentId = snapshot.stickyAgentId;
    contact.joinTimeoutSent = snapshot.joinTimeoutSent;
    state.contacts.set(contact.id, contact);
    const agent = snapshot.agentId ? state.agents.get(snapshot.agentId) : undefined;
    if ((snapshot.status === 'active' || snapshot.status === 'wrap_up') && agent) {
      contact.status = snapshot.status;
      contact.agentId = agent.id;
      contact.acceptedAt = snapshot.acceptedAt;
      contact.wrapUpAt = snapshot.wrapUpAt;
      agent.contacts.add(contact.id);
      agent.addContacts(contact.channel, 1, snapshot.status === 'active' ? 1 : 0);
      if (snapshot.status === 'active') restoreGroup(state, contact, snapshot);
      if (snapshot.status === 'active') {
        if (contact.channel === 'chat')
          schedule(state, contact, 'inactivity', at + state.params.inactivityTimeoutMs);
      } else if (state.params.wrapUpTimeoutMs !== null) {
        schedule(state, contact, 'wrap_up', (snapshot.wrapUpAt ?? at) + state.params.wrapUpTimeoutMs);
      }
    } else {
      if (contact.stickyAgentId) {
        schedule(state, contact, 'sticky', contact.createdAt + state.params.stickyEmailTimeoutMs);
      }
      requeue.push(contact);
    }
  }
  for (const agent of state.agents.values()) refreshAgent(state, agent, 'recovered');
  for (const contact of requeue) enqueue(state, contact, 'recovered');
  for (const agent of state.agents.values()) dispatchAgent(state, agent);
}
