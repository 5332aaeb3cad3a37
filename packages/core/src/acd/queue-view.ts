import type { AgentState, CsqConfig, SkillRequirement } from './model.ts';
import type { ContactView } from './view.ts';

/** What a supervisor's queue view counts agents by; Active shows as busy, Work as wrap-up. */
export interface AgentStateCounts {
  ready: number;
  notReady: number;
  reserved: number;
  busy: number;
  wrapUp: number;
  loggedOut: number;
}

const COUNTED_AS: Record<AgentState, keyof AgentStateCounts> = {
  ready: 'ready',
  not_ready: 'notReady',
  reserved: 'reserved',
  active: 'busy',
  work: 'wrapUp',
  logged_out: 'loggedOut',
};

export function countAgentStates(states: Iterable<AgentState>): AgentStateCounts {
  const counts: AgentStateCounts = { ready: 0, notReady: 0, reserved: 0, busy: 0, wrapUp: 0, loggedOut: 0 };
  for (const state of states) counts[COUNTED_AS[state]]++;
  return counts;
}

/** Contacts waiting in a CSQ now (sticky emails waiting for one of its agents included) and the longest wait. */
export function waitingIn(
  contacts: Iterable<Pick<ContactView, 'csqId' | 'status' | 'queuedAt'>>,
  csqId: string,
  now: number,
): { waiting: number; longestWaitSeconds: number } {
  let waiting = 0;
  let oldest = now;
  for (const contact of contacts) {
    if (contact.csqId !== csqId || contact.status !== 'queued') continue;
    waiting++;
    oldest = Math.min(oldest, contact.queuedAt);
  }
  return { waiting, longestWaitSeconds: Math.max(0, Math.floor((now - oldest) / 1000)) };
}

/** An agent's competence in each skill a CSQ requires, in the CSQ's order, and their sum (Most Skilled's key). */
export function competencesFor(requirements: readonly SkillRequirement[], skills: Record<string, number>) {
  const competences = requirements.map((r) => ({
    skillId: r.skillId,
    minCompetence: r.minCompetence,
    competence: skills[r.skillId] ?? 0,
  }));
  return { competences, skillSum: competences.reduce((sum, s) => sum + s.competence, 0) };
}

/**
 * How a CSQ's resources are listed: by the criterion's standing order where it has one (competence sums,
 * the agent order), else by name. Criteria that rank by live figures (time Ready, contacts handled, handle
 * time) list by name, since their order changes with every contact.
 */
export type ResourceOrder = 'skill_sum_desc' | 'skill_sum_asc' | 'agent_order' | 'name';

export function resourceOrderOf(criterion: CsqConfig['criterion']): ResourceOrder {
  switch (criterion) {
    case 'most_skilled':
      return 'skill_sum_desc';
    case 'least_skilled':
      return 'skill_sum_asc';
    case 'linear':
    case 'circular':
      return 'agent_order';
    default:
      return 'name';
  }
}

export interface RankableResource {
  agentId: string;
  name: string;
  skillSum: number;
}

/**
 * Sorts a CSQ's resources as its criterion ranks them (see resourceOrderOf); ties, and agents missing from the
 * agent order (who come last), go by name, then id.
 */
export function rankResources<T extends RankableResource>(
  csq: Pick<CsqConfig, 'criterion' | 'agentOrder'>,
  resources: readonly T[],
): T[] {
  const orderedBy = resourceOrderOf(csq.criterion);
  const position = new Map((csq.agentOrder ?? []).map((id, i) => [id, i]));
  const byName = (a: T, b: T) =>
    a.name.localeCompare(b.name) || (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0);
  const first = (a: T, b: T): number => {
    switch (orderedBy) {
      case 'skill_sum_desc':
        return b.skillSum - a.skillSum;
      case 'skill_sum_asc':
        return a.skillSum - b.skillSum;
      case 'agent_order':
        return (position.get(a.agentId) ?? Infinity) - (position.get(b.agentId) ?? Infinity) || 0;
      default:
        return 0;
    }
  };
  return [...resources].sort((a, b) => first(a, b) || byName(a, b));
}
