/**
 * The benchmark's week (deterministic from the seed): two workloads (voice, chat) with an intraday double-peak
 * weekday curve and lighter weekends, full-time agents on 8.5-hour shifts (lunch and two breaks, 40 paid hours,
 * two days off, early/day/late start windows, some with fixed weekends) and part-time agents on 4- or 6-hour
 * shifts (20–30 hours; some students only available weekday afternoons), a few agents with days of time off.
 * The requirement is scaled so that the agents' paid time roughly covers it.
 */

import { mulberry32 } from '../../packages/core/src/random.ts';
import type {
  ScheduleAgent,
  ScheduleInstance,
  ShiftTemplate,
  StartWindow,
} from '../../packages/wfm/src/schedule/index.ts';

export const SEED = 20_261_123;
const DAYS = 7;
const PER_DAY = 96;
/** Share of the agents' on-duty time the requirement asks for. */
export const LOAD = 0.97;

const rest = (name: string, from: number, to: number, duration = 15, paid = true) => ({
  name,
  durationMinutes: duration,
  earliestStartMinutes: from,
  latestStartMinutes: to,
  paid,
});

export const TEMPLATES: ShiftTemplate[] = [
  {
    id: 'FT8',
    lengthMinutes: 510,
    breaks: [rest('break', 90, 150), rest('lunch', 210, 300, 30, false), rest('break', 360, 420)],
  },
  { id: 'PT4', lengthMinutes: 240, breaks: [rest('break', 90, 150)] },
  { id: 'PT6', lengthMinutes: 360, breaks: [rest('break', 90, 135), rest('break', 240, 285)] },
];
/** Intervals on duty (shift minus breaks) per shift, for sizing the requirement. */
const ON_DUTY = { FT8: 30, PT4: 15, PT6: 22 } as const;

const window = (from: string, to: string): StartWindow => {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  return { earliestMinute: minutes(from), latestMinute: minutes(to) };
};
const FT_WINDOWS = [window('06:00', '08:00'), window('08:00', '10:30'), window('11:00', '13:30')];
const PT_WINDOW = window('08:00', '17:30');

function buildAgents(count: number, next: () => number): { agents: ScheduleAgent[]; onDuty: number[] } {
  const agents: ScheduleAgent[] = [];
  const onDuty = [0, 0, 0]; // voice-only, chat-only, both
  for (let a = 0; a < count; a++) {
    const r = next();
    const skillSet = r < 0.5 ? 0 : r < 0.75 ? 1 : 2;
    const skills = [['voice'], ['chat'], ['voice', 'chat']][skillSet] as string[];
    const fullTime = next() < 0.65;
    const agent: ScheduleAgent = fullTime
      ? {
          id: `ft${a}`,
          skills,
          templates: ['FT8'],
          minHoursPerWeek: 40,
          maxHoursPerWeek: 40,
          daysOff: next() < 0.25 ? { fixed: [5, 6], count: 2 } : { count: 2 },
          startWindows: Array(DAYS).fill(FT_WINDOWS[Math.floor(next() * 3)]),
        }
      : {
          id: `pt${a}`,
          skills,
          templates: ['PT4', 'PT6'],
          minHoursPerWeek: 20,
          maxHoursPerWeek: 30,
          daysOff: { count: 2 },
          startWindows: Array(DAYS).fill(PT_WINDOW),
          ...(next() < 0.4
            ? { unavailable: [0, 1, 2, 3, 4].map((d) => ({ from: d * PER_DAY, to: d * PER_DAY + 52 })) }
            : {}),
        };
    if (next() < 0.04) {
      const first = Math.floor(next() * 5);
      const days = 1 + Math.floor(next() * 3);
      const credit = fullTime ? 480 : 240;
      agent.timeOff = Array.from({ length: days }, (_, k) => ({ day: first + k, creditedMinutes: credit }));
    }
    const paidHours = fullTime ? 40 - (agent.timeOff?.length ?? 0) * 8 : 25;
    onDuty[skillSet] =
      (onDuty[skillSet] ?? 0) + (fullTime ? (paidHours / 8) * ON_DUTY.FT8 : (paidHours / 5) * 18.5);
    agents.push(agent);
  }
  return { agents, onDuty };
}

/** Relative demand at a time of day (hours) on a weekday: two peaks, open `open`–`close`. */
function curve(hour: number, open: number, close: number, peaks: readonly [number, number][]): number {
  if (hour < open || hour >= close) return 0;
  return 0.35 + peaks.reduce((sum, [at, width]) => sum + Math.exp(-(((hour - at) / width) ** 2)), 0);
}

function requirement(total: number, shape: (day: number, hour: number) => number): number[] {
  const raw = Array.from({ length: DAYS * PER_DAY }, (_, i) =>
    shape(Math.floor(i / PER_DAY), ((i % PER_DAY) + 0.5) / 4),
  );
  const scale = total / raw.reduce((sum, x) => sum + x, 0);
  return raw.map((x) => Math.round(x * scale));
}

export function buildInstance(agentCount: number, seed = SEED): ScheduleInstance {
  const { agents, onDuty } = buildAgents(agentCount, mulberry32(seed));
  const [voiceOnly = 0, chatOnly = 0, both = 0] = onDuty;
  const voiceShare = (voiceOnly + both * 0.6) / (voiceOnly + chatOnly + both);
  const total = LOAD * (voiceOnly + chatOnly + both);
  const weekend = (day: number) => (day >= 5 ? 0.5 : 1);
  const voice = requirement(total * voiceShare, (day, hour) =>
    day >= 5
      ? weekend(day) * curve(hour, 8, 20, [[12, 2.5]])
      : curve(hour, 7, 22, [
          [10.5, 1.6],
          [15, 2],
        ]),
  );
  const chat = requirement(total * (1 - voiceShare), (day, hour) =>
    day >= 5
      ? weekend(day) * curve(hour, 9, 20, [[14, 3]])
      : curve(hour, 8, 21, [
          [11, 1.8],
          [19, 1.5],
        ]),
  );
  return {
    workloads: [
      { id: 'voice', required: voice },
      { id: 'chat', required: chat },
    ],
    templates: TEMPLATES,
    agents,
    minRestMinutes: 660,
    weights: { under: 3, over: 1 },
  };
}
