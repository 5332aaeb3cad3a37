import { activeWith } from './contact-commands.ts';
import { type AgentState, domainOf } from './model.ts';
import type { AcdState } from './state.ts';

export interface TransferTargets {
  /** CSQs of the contact's channel, with how many of their agents could be offered it now. */
  csqs: { csqId: string; available: number }[];
  /** Signed-in agents besides the one transferring; `available` when a direct transfer would be offered now. */
  agents: { agentId: string; state: AgentState; available: boolean }[];
}

/** Where an agent may hand an active contact on, and who could take it now. */
export function transferTargets(state: AcdState, agentId: string, contactId: string): TransferTargets {
  const { contact } = activeWith(state, agentId, contactId);
  const domain = domainOf(contact.channel);
  const csqs: TransferTargets['csqs'] = [];
  for (const csq of state.csqs.values()) {
    if (csq.config.channel !== contact.channel) continue;
    let available = 0;
    for (const member of csq.members.keys())
      if (member.id !== agentId && member.canTake(contact.channel)) available++;
    csqs.push({ csqId: csq.config.id, available });
  }
  const agents: TransferTargets['agents'] = [];
  for (const agent of state.agents.values()) {
    if (agent.id === agentId || agent.chosen(domain) === 'logged_out') continue;
    // A direct transfer ignores the blending switches, as transferContact does.
    agents.push({
      agentId: agent.id,
      state: agent.shown(domain),
      available: agent.canTake(contact.channel, true),
    });
  }
  return { csqs, agents };
}
