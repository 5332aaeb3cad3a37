import type { AcdEvent, Channel } from '@switchboard/core';
import { minutesToMs } from '../agent-schedules.ts';
import type { SimulationInput } from '../input.ts';

/**
 * Watches the router's events during a simulation (pass `observe` as `onEngineEvents`) and collects every
 * broken rule: an agent holding more contacts of a channel than their capacity (an offer counts from the moment
 * it rings until it is withdrawn or the contact ends), an offer to an agent who does not meet the CSQ's skills,
 * or an offer outside the agent's shifts or during a break.
 */
export function traceChecks(input: SimulationInput) {
  const violations: string[] = [];
  const csqs = new Map(input.csqs.map((csq) => [csq.id, csq]));
  const agents = new Map(input.agents.map((agent) => [agent.id, agent]));
  const held = new Map<string, { agentId: string; channel: Channel }>();
  const load = new Map<string, number>();
  const key = (agentId: string, channel: Channel) => `${agentId}/${channel}`;

  const release = (contactId: string) => {
    const holder = held.get(contactId);
    if (holder === undefined) return;
    held.delete(contactId);
    const k = key(holder.agentId, holder.channel);
    load.set(k, (load.get(k) ?? 0) - 1);
  };

  const checkOffer = (event: Extract<AcdEvent, { type: 'contact.offered' }>) => {
    const csq = csqs.get(event.csqId);
    const agent = agents.get(event.agentId);
    if (csq === undefined || agent === undefined) {
      violations.push(`offer of ${event.contactId} names an unknown CSQ or agent`);
      return;
    }
    const k = key(agent.id, csq.channel);
    const now = (load.get(k) ?? 0) + 1;
    load.set(k, now);
    held.set(event.contactId, { agentId: agent.id, channel: csq.channel });
    const capacity = csq.channel === 'voice' ? 1 : (agent.capacity ?? { chat: 1, email: 1 })[csq.channel];
    if (now > capacity)
      violations.push(`${agent.id} holds ${now} ${csq.channel} contacts (capacity ${capacity})`);
    if (!csq.skills.every((r) => (agent.skills[r.skillId] ?? 0) >= r.minCompetence))
      violations.push(`${event.contactId} offered to ${agent.id}, who lacks the skills of ${csq.id}`);
    const onShift = agent.shifts.some(
      (shift) =>
        event.at >= minutesToMs(shift.startMinute) &&
        event.at < minutesToMs(shift.endMinute) &&
        !(shift.breaks ?? []).some(
          (b) => event.at >= minutesToMs(b.startMinute) && event.at < minutesToMs(b.endMinute),
        ),
    );
    if (!onShift)
      violations.push(`${event.contactId} offered to ${agent.id} off shift or on break at ${event.at}`);
  };

  const observe = (events: readonly AcdEvent[]) => {
    for (const event of events) {
      if (event.type === 'contact.offered') checkOffer(event);
      else if (event.type === 'contact.offer_withdrawn' || event.type === 'contact.ended')
        release(event.contactId);
    }
  };
  return { observe, violations };
}
