import { invalid } from '../errors.ts';
import { AgentRuntime } from './agent-runtime.ts';
import { end } from './contact-commands.ts';
import type { ContactRuntime } from './contact-runtime.ts';
import { CsqRuntime } from './csq-runtime.ts';
import { leaveOnSignOut, withdrawInvite } from './group-chat.ts';
import {
  type AgentConfig,
  CHANNEL_PARAM_LIMITS,
  type ChosenState,
  type CsqConfig,
  DIGITAL_CRITERIA,
  type Domain,
  domainOf,
} from './model.ts';
import { dispatchAgent, enqueue, release, withdrawOffer } from './routing.ts';
import { type AcdState, mustGet, now, refreshAgent, refuse } from './state.ts';

/** Adds an agent or changes their skills and capacity; applies to the next routing decision. */
export function upsertAgent(state: AcdState, config: AgentConfig): void {
  checkAgent(config);
  let agent = state.agents.get(config.id);
  if (agent) agent.configure(config);
  else {
    agent = new AgentRuntime(config, state.nextSeq++, now(state));
    state.agents.set(config.id, agent);
  }
  for (const csq of state.csqs.values()) updateMembership(csq, agent);
  releaseStickyElsewhere(state, agent);
  refreshAgent(state, agent, null);
  dispatchAgent(state, agent);
}

/** Emails waiting for an agent who no longer serves their CSQ go to the CSQ for anyone. */
function releaseStickyElsewhere(state: AcdState, agent: AgentRuntime): void {
  for (const contact of [...agent.sticky]) {
    if (agent.csqs.has(contact.csqId)) continue;
    contact.stickyAgentId = null;
    enqueue(state, contact, 'system');
  }
}

export function configureCsq(state: AcdState, config: CsqConfig): void {
  if (config.channel !== 'voice' && !DIGITAL_CRITERIA.includes(config.criterion)) {
    throw invalid(`The ${config.criterion} criterion is for voice queues only.`);
  }
  for (const r of config.skills) {
    if (!Number.isInteger(r.minCompetence) || r.minCompetence < 1 || r.minCompetence > 10) {
      throw invalid('A minimum competence is a whole number from 1 to 10.');
    }
  }
  const existing = state.csqs.get(config.id);
  if (existing && existing.config.channel !== config.channel && existing.waitingCount > 0) {
    throw refuse(`CSQ ${config.id} has contacts waiting; its channel cannot change now.`);
  }
  const csq = existing ?? new CsqRuntime(config);
  csq.config = config;
  state.csqs.set(config.id, csq);
  for (const agent of state.agents.values()) updateMembership(csq, agent);
  csq.reorder();
  for (const agent of csq.members.keys()) dispatchAgent(state, agent);
}

export function removeCsq(state: AcdState, csqId: string): void {
  const csq = mustGet(state.csqs, csqId, 'CSQ');
  const inUse = [...state.contacts.values()].some((c) => c.csqId === csqId);
  if (inUse) throw refuse(`CSQ ${csqId} still has contacts; it can be removed once they are done.`);
  for (const agent of [...csq.members.keys()]) csq.leave(agent);
  state.csqs.delete(csqId);
}

function updateMembership(csq: CsqRuntime, agent: AgentRuntime): void {
  const qualifies = agent.meets(csq.config.skills);
  const membership = csq.members.get(agent);
  if (qualifies && membership) membership.skillSum = agent.skillSum(csq.config.skills);
  else if (qualifies) csq.join(agent, agent.skillSum(csq.config.skills));
  else if (membership) csq.leave(agent);
}

/**
 * The agent chooses Ready, Not Ready (with a reason code) or Logged Out on one domain. Signing out hands every
 * contact of that domain back to its queue; voice cannot sign out in the middle of a call.
 */
export function setAgentState(
  state: AcdState,
  agentId: string,
  domain: Domain,
  chosen: ChosenState,
  reasonCode: number | null = null,
): void {
  const agent = mustGet(state.agents, agentId, 'Agent');
  if (chosen === 'ready' && reasonCode !== null) throw invalid('Ready takes no reason code.');
  if (chosen === 'logged_out') {
    const contacts = [...agent.contacts].map((id) => mustGet(state.contacts, id, 'Contact'));
    const mine = contacts.filter((c) => domainOf(c.channel) === domain);
    if (domain === 'voice' && mine.some((c) => c.status === 'active')) {
      throw refuse('End the call before signing out of voice.');
    }
    agent.choose(domain, chosen, reasonCode);
    for (const contact of mine) handBack(state, agent, contact);
  } else {
    agent.choose(domain, chosen, reasonCode);
  }
  refreshAgent(state, agent, 'agent');
  dispatchAgent(state, agent);
}

/** What happens to an agent's contact when they sign out or drop. */
function handBack(state: AcdState, agent: AgentRuntime, contact: ContactRuntime): void {
  if (leaveOnSignOut(state, contact, agent)) return;
  if (contact.status === 'offered') {
    withdrawOffer(state, contact, agent, 'logout');
    enqueue(state, contact, 'logout');
  } else if (contact.status === 'active') {
    withdrawInvite(state, contact, 'logout');
    release(state, contact, agent);
    contact.stickyAgentId = null;
    contact.queuedAt = now(state);
    enqueue(state, contact, 'logout');
  } else if (contact.status === 'wrap_up') {
    agent.addContacts(contact.channel, -1, 0);
    agent.contacts.delete(contact.id);
    end(state, contact, 'handled', 'logout', agent.id);
  }
}

function checkAgent(config: AgentConfig): void {
  const { min, max } = CHANNEL_PARAM_LIMITS.capacity;
  for (const channel of ['chat', 'email'] as const) {
    const value = config.capacity[channel];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw invalid(`Maximum ${channel} sessions must be a whole number from ${min} to ${max}.`);
    }
  }
  for (const [skillId, competence] of Object.entries(config.skills)) {
    if (!Number.isInteger(competence) || competence < 1 || competence > 10) {
      throw invalid(`Competence in ${skillId} must be a whole number from 1 to 10.`);
    }
  }
}
