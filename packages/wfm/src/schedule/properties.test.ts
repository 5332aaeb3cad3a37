import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkSchedule } from './check.ts';
import { evaluateSchedule } from './coverage.ts';
import { greedySchedule } from './greedy.ts';
import type { ScheduleAgent, ScheduleInstance } from './model.ts';
import { optimiseSchedule } from './optimise.ts';
import { loadSolver } from './solver.ts';
import { at, breakRule, requirement, template } from './testing/builders.ts';

const solver = await loadSolver();

const TEMPLATES = [
  template('T8', 480, [
    breakRule({ earliestStartMinutes: 90, latestStartMinutes: 150 }),
    breakRule({
      name: 'lunch',
      durationMinutes: 30,
      earliestStartMinutes: 180,
      latestStartMinutes: 270,
      paid: false,
    }),
  ]),
  template('T6', 360, [breakRule({ earliestStartMinutes: 90, latestStartMinutes: 150 })]),
  template('T4', 240),
];

const block = fc.record({
  day: fc.nat(2),
  hour: fc.integer({ min: 6, max: 14 }),
  hours: fc.integer({ min: 2, max: 10 }),
  agents: fc.integer({ min: 1, max: 3 }),
});

const agentArbitrary = (id: string, workloads: string[]): fc.Arbitrary<ScheduleAgent> =>
  fc
    .record({
      skills: fc.subarray(workloads, { minLength: 1 }),
      templates: fc.subarray(['T8', 'T6', 'T4'], { minLength: 1 }),
      earliest: fc.integer({ min: 6 * 4, max: 12 * 4 }),
      width: fc.nat(12),
      minHours: fc.constantFrom(0, 4, 8),
      extraHours: fc.constantFrom(8, 16, 24),
      daysOff: fc.nat(3),
      unavailable: fc.option(fc.tuple(fc.nat(2), fc.integer({ min: 1, max: 40 })), { nil: undefined }),
      timeOffDay: fc.option(fc.nat(6), { nil: undefined }),
    })
    .map((a) => ({
      id,
      skills: a.skills,
      templates: a.templates,
      minHoursPerWeek: a.minHours,
      maxHoursPerWeek: a.minHours + a.extraHours,
      daysOff: { count: a.daysOff },
      startWindows: Array(7).fill({
        earliestMinute: a.earliest * 15,
        latestMinute: (a.earliest + a.width) * 15,
      }),
      ...(a.unavailable
        ? {
            unavailable: [
              { from: at(a.unavailable[0], '10:00'), to: at(a.unavailable[0], '10:00') + a.unavailable[1] },
            ],
          }
        : {}),
      ...(a.timeOffDay === undefined ? {} : { timeOff: [{ day: a.timeOffDay, creditedMinutes: 60 }] }),
    }));

/** Small random weeks: one or two workloads, a few blocks of requirement, one to four agents. */
const instances: fc.Arbitrary<ScheduleInstance> = fc
  .record({
    workloads: fc.constantFrom<string[]>(['A'], ['A', 'B']),
    agentCount: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ workloads, agentCount }) =>
    fc.record({
      workloads: fc.tuple(
        ...workloads.map((id) =>
          fc.array(block, { minLength: 1, maxLength: 3 }).map((blocks) => ({
            id,
            required: requirement(
              ...blocks.map((b): [number, number, number] => {
                const from = at(b.day, `${String(b.hour).padStart(2, '0')}:00`);
                return [from, from + 4 * b.hours, b.agents];
              }),
            ),
          })),
        ),
      ),
      agents: fc.tuple(
        ...Array.from({ length: agentCount }, (_, k) => agentArbitrary(`agent${k}`, workloads)),
      ),
      templates: fc.constant(TEMPLATES),
    }),
  );

const isContractError = (error: unknown) =>
  (error as { code?: string }).code === 'validation_failed' &&
  /no week meets the contract/.test(String(error));

test('optimised and greedy schedules never break a rule, and no schedule beats the reported bound', () => {
  fc.assert(
    fc.property(instances, (input) => {
      let result: ReturnType<typeof optimiseSchedule>;
      try {
        result = optimiseSchedule(input, { solver, timeLimitSeconds: 5 });
      } catch (error) {
        assert.ok(isContractError(error), String(error));
        assert.throws(() => greedySchedule(input, { solver }), isContractError);
        return;
      }
      assert.deepEqual(checkSchedule(input, result.schedule), []);
      assert.equal(result.objective, evaluateSchedule(input, result.schedule).objective);
      assert.ok(result.lpBound !== null && result.lpBound <= result.objective + 1e-6);
      assert.ok(result.bound <= result.objective + 1e-6);
      const greedy = greedySchedule(input, { solver });
      assert.deepEqual(checkSchedule(input, greedy.schedule), []);
      // The bound holds for every valid schedule of the instance, the greedy one included.
      assert.ok(
        result.bound <= greedy.objective + 1e-6,
        `bound ${result.bound} > greedy ${greedy.objective}`,
      );
    }),
    { numRuns: 25 },
  );
});
