/** The benchmark's world: constants, deterministic randomness and the agents and CSQs built from SEED. */

import type {
  AgentConfig,
  Channel,
  CsqConfig,
  SelectionCriterion,
} from '../../packages/core/src/acd/model.ts';
import { mulberry32 } from '../../packages/core/src/random.ts';

export const SEED = 20260105;
export const SKILLS = 20;
export const CSQS = 200;
/** Skills each agent has (competence 1–10 each). */
export const SKILLS_PER_AGENT = 4;
/**
 * Arrivals per CSQ member, by channel. A voice call takes the whole agent (and most agents take no call while
 * chatting), so voice queues get fewer contacts per member than chat and email ones, or they would grow without end.
 */
const ARRIVAL_WEIGHT: Record<Channel, number> = { chat: 1, email: 1, voice: 0.25 };
/** Offered load as a share of the agents' chat sessions. */
export const LOAD = 0.97;

export const between = (rng: () => number, min: number, max: number): number =>
  min + Math.floor(rng() * (max - min + 1));

// ---------------------------------------------------------------------------------------------------------
// World

export interface World {
  agents: AgentConfig[];
  csqs: CsqConfig[];
  /** Cumulative arrival weights per CSQ (membership count), for picking a contact's CSQ. */
  cumulativeWeight: number[];
  /** Mean time between arrivals, ms. */
  meanGapMs: number;
  meanCsqsPerAgent: number;
  csqsWithoutMembers: number;
}

const skillId = (s: number): string => `s${s}`;

function pickDistinct(rng: () => number, count: number, from: number): number[] {
  const picked: number[] = [];
  while (picked.length < count) {
    const s = Math.floor(rng() * from);
    if (!picked.includes(s)) picked.push(s);
  }
  return picked;
}

/** Mean time a contact holds an agent's session (ring + handle + wrap-up), ms; see `contactTimes`. */
const MEAN_HOLD_MS = 3_500 + 165_000 + 12_500;

export function buildWorld(agentCount: number): World {
  const rng = mulberry32(SEED);
  const csqs: CsqConfig[] = [];
  for (let q = 0; q < CSQS; q++) {
    const channel: Channel = q % 10 === 8 ? 'email' : q % 10 === 9 ? 'voice' : 'chat';
    const criterion: SelectionCriterion = rng() < 0.5 ? 'longest_available' : 'most_skilled';
    const single = rng() < 0.3;
    const skills = pickDistinct(rng, single ? 1 : 2, SKILLS).map((s) => ({
      skillId: skillId(s),
      minCompetence: single ? between(rng, 7, 10) : between(rng, 1, 6),
    }));
    csqs.push({ id: `q${q}`, channel, skills, criterion });
  }
  const agents: AgentConfig[] = [];
  for (let a = 0; a < agentCount; a++) {
    const skills: Record<string, number> = {};
    for (const s of pickDistinct(rng, SKILLS_PER_AGENT, SKILLS)) skills[skillId(s)] = between(rng, 1, 10);
    agents.push({
      id: `a${a}`,
      skills,
      capacity: { chat: between(rng, 1, 3), email: between(rng, 1, 3) },
      offerChatWhileOnVoice: rng() < 0.2,
      offerVoiceWhileOnChat: rng() < 0.2,
    });
  }
  const members = csqs.map(
    (q) => agents.filter((a) => q.skills.every((r) => (a.skills[r.skillId] ?? 0) >= r.minCompetence)).length,
  );
  const cumulativeWeight: number[] = [];
  let weight = 0;
  members.forEach((m, q) => {
    weight += m * ARRIVAL_WEIGHT[csqs[q]!.channel];
    cumulativeWeight.push(weight);
  });
  const memberships = members.reduce((sum, m) => sum + m, 0);
  const sessions = agents.reduce((sum, a) => sum + a.capacity.chat, 0);
  return {
    agents,
    csqs,
    cumulativeWeight,
    meanGapMs: MEAN_HOLD_MS / (LOAD * sessions),
    meanCsqsPerAgent: memberships / agentCount,
    csqsWithoutMembers: members.filter((m) => m === 0).length,
  };
}
