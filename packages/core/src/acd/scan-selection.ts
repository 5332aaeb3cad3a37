import type { AgentRuntime } from './agent-runtime.ts';
import { type ContactRuntime, queuedBefore } from './contact-runtime.ts';
import type { CsqRuntime } from './csq-runtime.ts';
import { domainOf } from './model.ts';
import type { AcdState } from './state.ts';

/**
 * The reference selection: the decisions of the CSQ indexes, found the straightforward way. For an arriving
 * contact every agent of the tenant is examined (state, capacity, skills, then the criterion's keys); for an
 * agent who frees capacity every contact waiting in the queues they serve. Tests run it next to the indexes
 * and require the same decisions; the routing benchmark measures what the indexes save.
 */
export function scanForAgent(
  state: AcdState,
  csq: CsqRuntime,
  excluded: ReadonlySet<string>,
): AgentRuntime | undefined {
  // Linear and Circular already walk the members in their order.
  if (csq.positional) return csq.pickAgent(excluded);
  const { channel, criterion, skills } = csq.config;
  const domain = domainOf(channel);
  let best: AgentRuntime | undefined;
  let bestFirst = 0;
  let bestChangedAt = 0;
  for (const agent of state.agents.values()) {
    if (!agent.canTake(channel) || !agent.meets(skills) || excluded.has(agent.id)) continue;
    const first = agent.firstKey(criterion, channel, agent.skillSum(skills));
    const changedAt = agent.changedAt(domain);
    if (
      best === undefined ||
      first < bestFirst ||
      (first === bestFirst &&
        (changedAt < bestChangedAt || (changedAt === bestChangedAt && agent.seq < best.seq)))
    ) {
      best = agent;
      bestFirst = first;
      bestChangedAt = changedAt;
    }
  }
  return best;
}

export function scanForContact(agent: AgentRuntime): ContactRuntime | undefined {
  let best: ContactRuntime | undefined;
  for (const contact of agent.sticky) {
    if (agent.canTake(contact.channel) && (best === undefined || queuedBefore(contact, best))) best = contact;
  }
  for (const membership of agent.memberships) {
    const csq = membership.csq;
    if (!agent.canTake(csq.config.channel)) continue;
    for (const contact of csq.waiting) {
      if (!contact.excluded.has(agent.id) && (best === undefined || queuedBefore(contact, best)))
        best = contact;
    }
  }
  return best;
}
