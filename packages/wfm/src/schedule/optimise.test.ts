import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSchedule } from './check.ts';
import { greedySchedule } from './greedy.ts';
import type { ScheduleInstance } from './model.ts';
import { optimiseSchedule, type ScheduleResult } from './optimise.ts';
import { loadSolver } from './solver.ts';
import { agent, at, breakRule, instance, requirement, template } from './testing/builders.ts';

const solver = await loadSolver();
const optimise = (input: ScheduleInstance): ScheduleResult => {
  const result = optimiseSchedule(input, { solver, timeLimitSeconds: 20 });
  assert.deepEqual(checkSchedule(input, result.schedule), []);
  assert.ok(
    result.bound <= result.objective + 1e-6,
    `bound ${result.bound} above objective ${result.objective}`,
  );
  return result;
};
const monday9to5 = requirement([at(0, '09:00'), at(0, '17:00'), 1]);

test('a flat requirement of 2 for 8 h with two 8-h agents is covered exactly', () => {
  const input = instance({
    workloads: [{ id: 'A', required: requirement([at(0, '09:00'), at(0, '17:00'), 2]) }],
    agents: [agent('a'), agent('b')],
  });
  const result = optimise(input);
  assert.equal(result.objective, 0);
  assert.deepEqual(
    result.schedule.shifts.map((s) => [s.agentId, s.start, s.end]),
    [
      ['a', at(0, '09:00'), at(0, '17:00')],
      ['b', at(0, '09:00'), at(0, '17:00')],
    ],
  );
  assert.equal(result.gapPct, 0);
  assert.equal(result.status, 'optimal');
});

test('a 15-min break in an 8-h shift that must cover 8 h leaves exactly one interval short', () => {
  const input = instance({
    workloads: [{ id: 'A', required: monday9to5 }],
    templates: [template('T8', 480, [breakRule()])],
    agents: [agent('a')],
  });
  const result = optimise(input);
  assert.deepEqual([result.coverage.under, result.coverage.over, result.objective], [1, 0, 3]);
  assert.ok(Math.abs(result.bound - 3) < 1e-6, 'no relaxation can avoid the break either');
});

test('two agents with a 30-min lunch each under a requirement of 2 leave 4 agent-intervals short', () => {
  const input = instance({
    workloads: [{ id: 'A', required: requirement([at(0, '09:00'), at(0, '17:00'), 2]) }],
    templates: [template('T8', 480, [breakRule({ name: 'lunch', durationMinutes: 30, paid: false })])],
    agents: [agent('a'), agent('b')],
  });
  const result = optimise(input);
  assert.deepEqual([result.coverage.under, result.coverage.over, result.objective], [4, 0, 12]);
  assert.deepEqual(
    result.schedule.shifts.map((s) => s.breaks.map((b) => b.to - b.from)),
    [[2], [2]],
  );
});

test('minimum weekly hours force a second, fully over-staffed shift', () => {
  const input = instance({
    workloads: [{ id: 'A', required: monday9to5 }],
    agents: [agent('a', { minHoursPerWeek: 16, maxHoursPerWeek: 16 })],
  });
  const result = optimise(input);
  assert.deepEqual([result.coverage.under, result.coverage.over, result.objective], [0, 32, 32]);
  assert.equal(result.schedule.shifts.length, 2);
});

test('11 h of rest between a late and an early shift cost 3 h of misplaced cover (48)', () => {
  const input = instance({
    workloads: [
      {
        id: 'A',
        required: requirement([at(0, '14:00'), at(0, '22:00'), 1], [at(1, '06:00'), at(1, '14:00'), 1]),
      },
    ],
    agents: [agent('a', { minHoursPerWeek: 16, maxHoursPerWeek: 16 })],
  });
  const result = optimise(input);
  // The two shifts need 3 h more between them than the requirement leaves: 12 intervals short (3 each) and
  // 12 over (1 each), however the 3 h are split between Monday's end and Tuesday's start.
  assert.deepEqual([result.coverage.under, result.coverage.over, result.objective], [12, 12, 48]);
});

test('each agent covers one workload per interval, within their skills', () => {
  const input = instance({
    workloads: [
      { id: 'A', required: monday9to5 },
      { id: 'B', required: monday9to5 },
    ],
    agents: [agent('both', { skills: ['A', 'B'] }), agent('onlyA', { skills: ['A'] })],
  });
  const result = optimise(input);
  assert.equal(result.objective, 0);
  const work = Object.fromEntries(
    result.schedule.shifts.map((s) => [s.agentId, s.work.map((w) => w.workload)]),
  );
  assert.deepEqual(work, { both: ['B'], onlyA: ['A'] });
});

test('start windows, unavailability, time off and days off are honoured', () => {
  const window = { earliestMinute: 600, latestMinute: 720 };
  const late = optimise(
    instance({
      workloads: [{ id: 'A', required: monday9to5 }],
      agents: [agent('a', { startWindows: [window, null, null, null, null, null, null] })],
    }),
  );
  assert.deepEqual([late.coverage.under, late.coverage.over, late.objective], [4, 4, 16]);

  const away = optimise(
    instance({
      workloads: [{ id: 'A', required: monday9to5 }],
      agents: [
        agent('busy', { unavailable: [{ from: at(0, '08:00'), to: at(0, '12:00') }] }),
        agent('off', { timeOff: [{ day: 0 }] }),
        agent('free'),
      ],
    }),
  );
  assert.deepEqual(
    away.schedule.shifts.map((s) => s.agentId),
    ['free'],
  );

  const everyDay = requirement(
    ...Array.from({ length: 7 }, (_, d) => [at(d, '09:00'), at(d, '17:00'), 1] as [number, number, number]),
  );
  const fiveDays = optimise(
    instance({
      workloads: [{ id: 'A', required: everyDay }],
      agents: [agent('a', { daysOff: { fixed: [6], count: 2 } })],
    }),
  );
  assert.equal(fiveDays.schedule.shifts.length, 5);
  assert.ok(fiveDays.schedule.shifts.every((s) => s.day !== 6));
  assert.equal(fiveDays.objective, 2 * 32 * 3);
});

test('a contract no week can meet is reported with the agent named', () => {
  const only = (d: number, minute: number) =>
    Array.from({ length: 7 }, (_, day) =>
      day === d || day === d + 1 ? { earliestMinute: minute, latestMinute: minute } : null,
    );
  const windows = only(0, 20 * 60).map((w, d) => (d === 1 ? { earliestMinute: 360, latestMinute: 360 } : w));
  const input = instance({
    agents: [agent('ok'), agent('stuck', { minHoursPerWeek: 16, startWindows: windows })],
  });
  for (const run of [
    () => optimiseSchedule(input, { solver, timeLimitSeconds: 5 }),
    () => greedySchedule(input, { solver }),
  ])
    assert.throws(run, (error: Error & { code?: string }) => {
      assert.equal(error.code, 'validation_failed');
      assert.match(error.message, /agents\[1\] \("stuck"\): no week meets the contract/);
      return true;
    });
});

test('the same input gives the same schedule', () => {
  const input = instance({
    workloads: [
      {
        id: 'A',
        required: requirement([at(0, '07:00'), at(0, '21:00'), 2], [at(2, '08:00'), at(2, '20:00'), 3]),
      },
    ],
    templates: [template('T8', 480, [breakRule()]), template('T4', 240)],
    agents: ['a', 'b', 'c', 'd'].map((id) =>
      agent(id, {
        templates: ['T8', 'T4'],
        minHoursPerWeek: 8,
        startWindows: Array(7).fill({ earliestMinute: 360, latestMinute: 720 }),
      }),
    ),
  });
  const first = optimise(input);
  const second = optimise(input);
  assert.deepEqual(second.schedule, first.schedule);
  assert.equal(second.objective, first.objective);
  assert.deepEqual(greedySchedule(input, { solver }).schedule, greedySchedule(input, { solver }).schedule);
});

test('a time limit that is not a positive number is refused', () => {
  assert.throws(() => optimiseSchedule(instance(), { solver, timeLimitSeconds: 0 }), /timeLimitSeconds/);
});

test('without agents (or with agents who cannot work) every required interval is short', () => {
  const input = instance({
    workloads: [{ id: 'A', required: monday9to5 }],
    agents: [agent('away', { timeOff: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day })) })],
  });
  const result = optimise(input);
  assert.deepEqual([result.schedule.shifts, result.objective, result.bound], [[], 96, 96]);
  assert.equal(optimise(instance({ workloads: [{ id: 'A', required: monday9to5 }] })).objective, 96);
});
