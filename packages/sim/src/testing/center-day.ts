import type { SimulatedAgent, SimulatedCsq, SimulationInput } from '../input.ts';
import { SeededRandom } from '../random.ts';

/** Arrivals per half hour over 24 hours: quiet at night, a morning and an afternoon peak. */
export function dailyProfile(peakPerHalfHour: number): number[] {
  return Array.from({ length: 48 }, (_, slot) => {
    const hour = slot / 2;
    const morning = Math.exp(-(((hour - 10.5) / 2) ** 2));
    const afternoon = 0.8 * Math.exp(-(((hour - 15) / 2) ** 2));
    return Math.round(peakPerHalfHour * Math.max(0.02, morning + afternoon));
  });
}

/**
 * A realistic day for benchmarks and examples: 12 CSQs (6 voice, 4 chat, 2 email) on 6 skills, `agents`
 * multi-skilled agents on 8-hour shifts (staggered from 06:00 to 14:00) with two 15-minute breaks, lognormal
 * handle times, wrap-up, exponential patience and a 2-second answer delay.
 */
export function centerDay(agents: number, seed = 1): SimulationInput {
  const random = new SeededRandom(seed, 999);
  const skills = ['billing', 'sales', 'support', 'tech', 'french', 'vip'];
  const csqs: SimulatedCsq[] = Array.from({ length: 12 }, (_, i) => {
    const channel = i < 6 ? 'voice' : i < 10 ? 'chat' : 'email';
    return {
      id: `csq-${i + 1}`,
      channel,
      skills: [{ skillId: skills[i % skills.length] as string, minCompetence: 1 + (i % 3) }],
      criterion: channel === 'voice' && i % 2 === 0 ? 'most_skilled' : 'longest_available',
      arrivals: {
        intervalMinutes: 30,
        volumes: dailyProfile(channel === 'email' ? agents / 6 : agents / 2.2),
      },
      handleTime: { kind: 'lognormal', meanSeconds: channel === 'email' ? 420 : 240, cv: 0.7 },
      wrapUp: { kind: 'exponential', meanSeconds: 20 },
      ...(channel === 'email' ? {} : { patience: { kind: 'exponential', meanSeconds: 120 } }),
    };
  });
  const staff: SimulatedAgent[] = Array.from({ length: agents }, (_, i) => {
    const agentSkills: Record<string, number> = {};
    for (const skill of skills)
      if (random.uniform() < 0.45) agentSkills[skill] = 1 + Math.floor(random.uniform() * 10);
    const start = 360 + 30 * (i % 17);
    return {
      id: `agent-${i + 1}`,
      skills: agentSkills,
      capacity: { chat: 2, email: 2 },
      shifts: [
        {
          startMinute: start,
          endMinute: start + 480,
          breaks: [
            { startMinute: start + 120, endMinute: start + 135, reasonCode: 1 },
            { startMinute: start + 330, endMinute: start + 345, reasonCode: 1 },
          ],
        },
      ],
    };
  });
  return { seed, reportIntervalMinutes: 15, csqs, agents: staff, answerDelaySeconds: 2 };
}
