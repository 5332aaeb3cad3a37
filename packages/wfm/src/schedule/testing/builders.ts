import {
  type BreakRule,
  HORIZON,
  INTERVALS_PER_DAY,
  type ScheduleAgent,
  type ScheduleInstance,
  type ShiftTemplate,
} from '../model.ts';

/** Interval index of a time of day ('HH:MM') on day d. */
export const at = (d: number, hhmm: string): number =>
  d * INTERVALS_PER_DAY + Number(hhmm.slice(0, 2)) * 4 + Number(hhmm.slice(3)) / 15;

/** A requirement curve: `value` agents over [from, to), none elsewhere. */
export function requirement(...spans: [from: number, to: number, value: number][]): number[] {
  const required = new Array<number>(HORIZON).fill(0);
  for (const [from, to, value] of spans) required.fill(value, from, to);
  return required;
}

export const breakRule = (overrides: Partial<BreakRule> = {}): BreakRule => ({
  name: 'break',
  durationMinutes: 15,
  earliestStartMinutes: 120,
  latestStartMinutes: 180,
  paid: true,
  ...overrides,
});

export const template = (id: string, lengthMinutes: number, breaks: BreakRule[] = []): ShiftTemplate => ({
  id,
  lengthMinutes,
  breaks,
});

export const agent = (id: string, overrides: Partial<ScheduleAgent> = {}): ScheduleAgent => ({
  id,
  skills: ['A'],
  templates: ['T8'],
  minHoursPerWeek: 0,
  maxHoursPerWeek: 40,
  ...overrides,
});

/** One workload "A" (no requirement unless given), an 8-hour template T8 without breaks, no agents. */
export const instance = (overrides: Partial<ScheduleInstance> = {}): ScheduleInstance => ({
  workloads: [{ id: 'A', required: requirement() }],
  templates: [template('T8', 480)],
  agents: [],
  ...overrides,
});
