import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSchedule, type ScheduleViolationRule } from './check.ts';
import type { ScheduledShift } from './model.ts';
import { agent, at, breakRule, instance, template } from './testing/builders.ts';

const input = instance({
  workloads: [
    { id: 'A', required: new Array(672).fill(0) },
    { id: 'B', required: new Array(672).fill(0) },
  ],
  templates: [template('T8', 480, [breakRule()]), template('T4', 240)],
  agents: [
    agent('a', {
      minHoursPerWeek: 8,
      maxHoursPerWeek: 16,
      daysOff: { fixed: [6], count: 4 },
      startWindows: Array(7).fill({ earliestMinute: 8 * 60, latestMinute: 10 * 60 }),
      unavailable: [{ from: at(1, '00:00'), to: at(1, '12:00') }],
      timeOff: [{ day: 3 }],
    }),
  ],
});

/** An 8-h T8 shift of agent a starting at `hhmm` on day d, its break `breakAfter` minutes in, all on A. */
function shift(d: number, hhmm: string, breakAfter = 120): ScheduledShift {
  const start = at(d, hhmm);
  const breakFrom = start + breakAfter / 15;
  return {
    agentId: 'a',
    templateId: 'T8',
    day: d,
    start,
    end: start + 32,
    breaks: [{ name: 'break', from: breakFrom, to: breakFrom + 1 }],
    work: [
      { workload: 'A', from: start, to: breakFrom },
      { workload: 'A', from: breakFrom + 1, to: start + 32 },
    ],
  };
}

const rules = (...shifts: ScheduledShift[]): ScheduleViolationRule[] =>
  [...new Set(checkSchedule(input, { shifts }).map((v) => v.rule))].sort();

test('a schedule within every rule has no violations', () => {
  assert.deepEqual(checkSchedule(input, { shifts: [shift(0, '09:00')] }), []);
  assert.deepEqual(rules(shift(0, '09:00'), shift(4, '08:00', 180)), []);
});

test('shifts of unknown agents or on templates the agent may not work are reported', () => {
  assert.deepEqual(rules(shift(0, '09:00'), { ...shift(2, '09:00'), agentId: 'z' }), ['unknown_agent']);
  assert.deepEqual(rules({ ...shift(0, '09:00'), templateId: 'T9' }), ['hours', 'template']);
  assert.deepEqual(rules({ ...shift(0, '09:00'), end: at(0, '09:00') + 30 }), ['template', 'work']);
});

test('start windows, fixed days off, time off and unavailability are reported', () => {
  assert.deepEqual(rules(shift(0, '10:15')), ['start_window']);
  assert.deepEqual(rules(shift(6, '09:00')), ['day_off']);
  assert.deepEqual(rules(shift(3, '09:00')), ['day_off', 'unavailable']);
  assert.deepEqual(rules(shift(1, '09:00')), ['unavailable']);
});

test('breaks outside their window, missing or mislabelled are reported', () => {
  assert.deepEqual(rules(shift(0, '09:00', 60)), ['breaks']);
  assert.deepEqual(rules({ ...shift(0, '09:00'), breaks: [] }), ['breaks', 'work']);
  const renamed = shift(0, '09:00');
  assert.deepEqual(rules({ ...renamed, breaks: [{ ...renamed.breaks[0]!, name: 'lunch' }] }), ['breaks']);
});

test('work outside the skills, during a break or missing is reported', () => {
  const s = shift(0, '09:00');
  assert.deepEqual(rules({ ...s, work: [{ ...s.work[0]!, workload: 'B' }, s.work[1]!] }), ['skill']);
  assert.deepEqual(rules({ ...s, work: [s.work[0]!] }), ['work']);
  assert.deepEqual(rules({ ...s, work: [{ workload: 'A', from: s.start, to: s.end }] }), ['work']);
});

test('two shifts a day, short rest, too few days off and hours out of range are reported', () => {
  assert.deepEqual(rules(shift(0, '08:00'), shift(0, '10:00')), ['one_shift_per_day', 'rest']);
  assert.deepEqual(rules(shift(0, '09:00'), shift(2, '09:00'), shift(4, '09:00'), shift(5, '09:00')), [
    'days_off_count',
    'hours',
  ]);
  assert.deepEqual(rules(), ['hours']);
  const anyTime = { ...input, agents: [agent('a', { maxHoursPerWeek: 16 })] };
  const rests = (...shifts: ScheduledShift[]) => checkSchedule(anyTime, { shifts }).map((v) => v.rule);
  assert.deepEqual(rests(shift(0, '14:00'), shift(1, '06:00')), ['rest']);
  assert.deepEqual(rests(shift(0, '14:00'), shift(1, '09:00')), []);
});
