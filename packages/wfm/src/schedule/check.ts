import {
  DAYS,
  DEFAULT_MIN_REST_MINUTES,
  HORIZON,
  INTERVAL_MINUTES,
  INTERVALS_PER_DAY,
  type Schedule,
  type ScheduleAgent,
  type ScheduledShift,
  type ScheduleInstance,
  type ShiftTemplate,
} from './model.ts';
import { validateScheduleInstance } from './validate.ts';

export type ScheduleViolationRule =
  | 'unknown_agent'
  | 'template'
  | 'horizon'
  | 'start_window'
  | 'day_off'
  | 'unavailable'
  | 'breaks'
  | 'work'
  | 'skill'
  | 'one_shift_per_day'
  | 'rest'
  | 'days_off_count'
  | 'hours';

export interface ScheduleViolation {
  agentId: string;
  rule: ScheduleViolationRule;
  message: string;
}

const toMinutes = (intervals: number) => intervals * INTERVAL_MINUTES;

/** Intervals the agent may not work and days they may not start a shift. */
function blocked(agent: ScheduleAgent): { intervals: Uint8Array; days: Set<number> } {
  const intervals = new Uint8Array(HORIZON);
  const days = new Set(agent.daysOff?.fixed ?? []);
  for (const range of agent.unavailable ?? []) intervals.fill(1, range.from, range.to);
  for (const off of agent.timeOff ?? []) {
    if ('day' in off) {
      days.add(off.day);
      intervals.fill(1, off.day * INTERVALS_PER_DAY, (off.day + 1) * INTERVALS_PER_DAY);
    } else intervals.fill(1, off.from, off.to);
  }
  return { intervals, days };
}

function checkBreaksAndWork(
  shift: ScheduledShift,
  template: ShiftTemplate,
  agent: ScheduleAgent,
  report: Report,
): void {
  const rules = template.breaks;
  if (shift.breaks.length !== rules.length)
    report('breaks', `has ${shift.breaks.length} breaks; template ${template.id} has ${rules.length}.`);
  const expected = new Uint8Array(HORIZON);
  expected.fill(1, Math.max(0, shift.start), Math.min(HORIZON, shift.end));
  shift.breaks.forEach((placed, k) => {
    const rule = rules[k];
    if (rule === undefined) return;
    const offset = toMinutes(placed.from - shift.start);
    if (placed.name !== rule.name)
      report('breaks', `break ${k} is "${placed.name}", the template says "${rule.name}".`);
    if (toMinutes(placed.to - placed.from) !== rule.durationMinutes)
      report(
        'breaks',
        `${rule.name} ${k} lasts ${toMinutes(placed.to - placed.from)} min, not ${rule.durationMinutes}.`,
      );
    if (offset < rule.earliestStartMinutes || offset > rule.latestStartMinutes)
      report('breaks', `${rule.name} ${k} starts ${offset} min into the shift, outside its window.`);
    for (let i = placed.from; i < placed.to; i++) {
      if (expected[i] !== 1)
        report('breaks', `${rule.name} ${k} overlaps another break or leaves the shift.`);
      expected[i] = 0;
    }
  });
  const skills = new Set(agent.skills);
  const seen = new Uint8Array(HORIZON);
  for (const segment of shift.work) {
    if (!skills.has(segment.workload))
      report('skill', `works "${segment.workload}", not one of the agent's skills.`);
    for (let i = segment.from; i < segment.to; i++) {
      if (expected[i] !== 1 || seen[i] === 1)
        report('work', `works interval ${i}, outside the shift or twice.`);
      seen[i] = 1;
    }
  }
  for (let i = shift.start; i < shift.end; i++)
    if (expected[i] === 1 && seen[i] !== 1) report('work', `interval ${i} of the shift has no workload.`);
}

type Report = (rule: ScheduleViolationRule, message: string) => void;

function checkShift(
  shift: ScheduledShift,
  agent: ScheduleAgent,
  templates: Map<string, ShiftTemplate>,
  report: Report,
): void {
  const template = templates.get(shift.templateId);
  if (template === undefined || !agent.templates.includes(shift.templateId)) {
    report('template', `works template "${shift.templateId}", which the agent may not work.`);
    return;
  }
  if (shift.end - shift.start !== template.lengthMinutes / INTERVAL_MINUTES)
    report(
      'template',
      `lasts ${toMinutes(shift.end - shift.start)} min, template ${template.id} lasts ${template.lengthMinutes}.`,
    );
  if (shift.start < 0 || shift.end > HORIZON || Math.floor(shift.start / INTERVALS_PER_DAY) !== shift.day) {
    report(
      'horizon',
      `runs from interval ${shift.start} to ${shift.end}: outside the week or not on day ${shift.day}.`,
    );
    return;
  }
  const { intervals, days } = blocked(agent);
  if (days.has(shift.day)) report('day_off', `starts on day ${shift.day}, a fixed day off or time off.`);
  const window = agent.startWindows?.[shift.day];
  const minute = toMinutes(shift.start - shift.day * INTERVALS_PER_DAY);
  if (
    window === null ||
    (window !== undefined && (minute < window.earliestMinute || minute > window.latestMinute))
  )
    report(
      'start_window',
      `starts at minute ${minute} of day ${shift.day}, outside the agent's start window.`,
    );
  if (intervals.subarray(shift.start, shift.end).includes(1))
    report('unavailable', `overlaps a time the agent is unavailable or on time off.`);
  checkBreaksAndWork(shift, template, agent, report);
}

function checkWeek(
  shifts: ScheduledShift[],
  agent: ScheduleAgent,
  instance: ScheduleInstance,
  report: Report,
): void {
  const templates = new Map(instance.templates.map((t) => [t.id, t]));
  const minRest = instance.minRestMinutes ?? DEFAULT_MIN_REST_MINUTES;
  const sorted = [...shifts].sort((a, b) => a.start - b.start);
  const days = new Set<number>();
  let paid = (agent.timeOff ?? []).reduce((sum, off) => sum + (off.creditedMinutes ?? 0), 0);
  sorted.forEach((shift, k) => {
    if (days.has(shift.day)) report('one_shift_per_day', `has more than one shift on day ${shift.day}.`);
    days.add(shift.day);
    const next = sorted[k + 1];
    if (next !== undefined && toMinutes(next.start - shift.end) < minRest)
      report(
        'rest',
        `rests ${toMinutes(next.start - shift.end)} min between shifts at ${shift.start} and ${next.start}.`,
      );
    const template = templates.get(shift.templateId);
    paid +=
      (template?.lengthMinutes ?? 0) -
      (template?.breaks ?? []).reduce((s, b) => s + (b.paid ? 0 : b.durationMinutes), 0);
  });
  const daysOff = DAYS - days.size;
  if (daysOff < (agent.daysOff?.count ?? 0))
    report('days_off_count', `has ${daysOff} days off, fewer than ${agent.daysOff?.count}.`);
  const hours = paid / 60;
  if (hours < agent.minHoursPerWeek - 1e-9 || hours > agent.maxHoursPerWeek + 1e-9)
    report('hours', `is paid ${hours} h, outside ${agent.minHoursPerWeek}–${agent.maxHoursPerWeek} h.`);
}

/**
 * Every contract, template and rest rule the schedule breaks, one entry per breach (an empty list: the schedule
 * is valid). Throws `invalid` when the instance itself is not valid.
 */
export function checkSchedule(instance: ScheduleInstance, schedule: Schedule): ScheduleViolation[] {
  validateScheduleInstance(instance);
  const violations: ScheduleViolation[] = [];
  const templates = new Map(instance.templates.map((t) => [t.id, t]));
  const byAgent = new Map<string, ScheduledShift[]>(instance.agents.map((agent) => [agent.id, []]));
  for (const shift of schedule.shifts) {
    const list = byAgent.get(shift.agentId);
    if (list === undefined)
      violations.push({
        agentId: shift.agentId,
        rule: 'unknown_agent',
        message: `No agent "${shift.agentId}".`,
      });
    else list.push(shift);
  }
  for (const agent of instance.agents) {
    const shifts = byAgent.get(agent.id) ?? [];
    for (const shift of shifts)
      checkShift(shift, agent, templates, (rule, message) =>
        violations.push({ agentId: agent.id, rule, message: `Shift of day ${shift.day}: ${message}` }),
      );
    checkWeek(shifts, agent, instance, (rule, message) =>
      violations.push({ agentId: agent.id, rule, message: `Agent ${agent.id} ${message}` }),
    );
  }
  return violations;
}
