import {
  type AgentView,
  DOMAINS,
  type Domain,
  externalState,
  type ReasonCodeKind,
  takesReasonCode,
} from '@switchboard/core';
import type { queueViews } from '../acd/queues.service.ts';
import type { RealtimePerson } from './realtime.repository.ts';

/** Reason codes' labels by kind and code. */
export type ReasonLabels = Map<string, string>;
export const reasonKey = (kind: ReasonCodeKind, code: number) => `${kind} ${code}`;

function presentDomain(agent: AgentView, domain: Domain, labels: ReasonLabels) {
  const internal = agent.state[domain];
  const state = externalState(domain, internal, agent.chosen[domain]);
  const code = takesReasonCode(state) ? agent.reasonCode[domain] : null;
  const kind: ReasonCodeKind = state === 'LOGOUT' ? 'logout' : 'not_ready';
  return {
    state,
    internalState: internal,
    reasonCode: code === null ? null : { code, label: labels.get(reasonKey(kind, code)) ?? null },
    since: new Date(agent.changedAt[domain]).toISOString(),
  };
}

/** One agent's real-time state for integrators: who, their team, and per domain the external state. */
export function presentAgentState(person: RealtimePerson, agent: AgentView, labels: ReasonLabels) {
  return {
    agentId: person.id,
    username: person.username,
    name: person.display_name,
    team: person.team_id === null ? null : { id: person.team_id, name: person.team_name ?? '' },
    ...(Object.fromEntries(DOMAINS.map((d) => [d, presentDomain(agent, d, labels)])) as Record<
      Domain,
      ReturnType<typeof presentDomain>
    >),
  };
}

/** A row of the supervisor's queue view. */
type QueueRow = Awaited<ReturnType<typeof queueViews>>[number];

/** One CSQ's real-time figures for integrators, from a row of the queue view. */
export function presentQueueStats(row: QueueRow) {
  const { today } = row;
  return {
    csqId: row.csqId,
    name: row.name,
    channel: row.channel,
    waiting: row.waiting,
    longestWaitSeconds: row.longestWaitSeconds,
    agents: row.agents,
    today: {
      since: today.since,
      offered: today.offered,
      answered: today.answered,
      handled: today.handled,
      abandoned: today.abandoned,
      serviceLevel: today.serviceLevel,
      serviceLevelSeconds: today.serviceLevelSeconds,
    },
  };
}
