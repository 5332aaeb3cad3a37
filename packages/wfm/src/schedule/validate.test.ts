import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScheduleInstance } from './model.ts';
import { prepare } from './prepare.ts';
import { agent, breakRule, instance, requirement, template } from './testing/builders.ts';
import { validateScheduleInstance } from './validate.ts';

/** Asserts the instance is refused with validation_failed, naming `field` in the message and the details. */
function refused(input: ScheduleInstance, field: string, message: RegExp): void {
  assert.throws(
    () => prepare(input),
    (error: Error & { code?: string; details?: { field?: string } }) => {
      assert.equal(error.code, 'validation_failed');
      assert.equal(error.details?.field, field);
      assert.ok(error.message.startsWith(field), error.message);
      assert.match(error.message, message);
      return true;
    },
  );
}

test('a valid instance passes', () => {
  assert.doesNotThrow(() => validateScheduleInstance(instance({ agents: [agent('a')] })));
});

test('requirements need 672 whole, non-negative numbers per workload', () => {
  refused(instance({ workloads: [{ id: 'A', required: [1, 2] }] }), 'workloads[0].required', /672 intervals/);
  const negative = requirement();
  negative[5] = -1;
  refused(
    instance({ workloads: [{ id: 'A', required: negative }] }),
    'workloads[0].required[5]',
    /whole number/,
  );
  const fraction = requirement();
  fraction[7] = 1.5;
  refused(
    instance({ workloads: [{ id: 'A', required: fraction }] }),
    'workloads[0].required[7]',
    /whole number/,
  );
  refused(instance({ workloads: [] }), 'workloads', /at least 1/);
});

test('ids must be unique', () => {
  refused(instance({ agents: [agent('a'), agent('a')] }), 'agents[1].id', /repeats "a"/);
  refused(instance({ templates: [template('T8', 480), template('T8', 240)] }), 'templates[1].id', /repeats/);
});

test('templates: lengths and break windows in whole intervals, inside the shift, in order', () => {
  refused(instance({ templates: [template('T8', 470)] }), 'templates[0].lengthMinutes', /multiple of 15/);
  refused(instance({ templates: [template('T14', 840)] }), 'templates[0].lengthMinutes', /minimum rest/);
  refused(
    instance({
      templates: [template('T8', 480, [breakRule({ earliestStartMinutes: 195, latestStartMinutes: 150 })])],
    }),
    'templates[0].breaks[0].latestStartMinutes',
    /from 195/,
  );
  refused(
    instance({
      templates: [template('T4', 240, [breakRule({ earliestStartMinutes: 210, latestStartMinutes: 240 })])],
    }),
    'templates[0].breaks[0].latestStartMinutes',
    /ending after the shift/,
  );
  refused(
    instance({ templates: [template('T8', 480, [breakRule(), breakRule({ earliestStartMinutes: 150 })])] }),
    'templates[0].breaks[1].earliestStartMinutes',
    /previous break/,
  );
  refused(
    instance({ templates: [template('T8', 480, [breakRule({ durationMinutes: 20 })])] }),
    'templates[0].breaks[0].durationMinutes',
    /multiple of 15/,
  );
});

test('agents: skills, templates, hours, days off, windows, availability and time off are checked', () => {
  refused(
    instance({ agents: [agent('a', { skills: ['Z'] })] }),
    'agents[0].skills[0]',
    /no workload \("Z"\)/,
  );
  refused(instance({ agents: [agent('a', { skills: [] })] }), 'agents[0].skills', /at least 1/);
  refused(
    instance({ agents: [agent('a', { templates: ['T9'] })] }),
    'agents[0].templates[0]',
    /no shift template/,
  );
  refused(
    instance({ agents: [agent('a', { minHoursPerWeek: 30, maxHoursPerWeek: 20 })] }),
    'agents[0].maxHoursPerWeek',
    /from 30/,
  );
  refused(
    instance({ agents: [agent('a', { daysOff: { fixed: [7] } })] }),
    'agents[0].daysOff.fixed[0]',
    /0 to 6/,
  );
  refused(instance({ agents: [agent('a', { daysOff: { count: 8 } })] }), 'agents[0].daysOff.count', /0 to 7/);
  refused(
    instance({ agents: [agent('a', { startWindows: [null] })] }),
    'agents[0].startWindows',
    /7 entries/,
  );
  refused(
    instance({
      agents: [agent('a', { startWindows: Array(7).fill({ earliestMinute: 600, latestMinute: 500 }) })],
    }),
    'agents[0].startWindows[0].latestMinute',
    /from 600/,
  );
  refused(
    instance({ agents: [agent('a', { unavailable: [{ from: 10, to: 10 }] })] }),
    'agents[0].unavailable[0].to',
    /from 11/,
  );
  refused(
    instance({ agents: [agent('a', { timeOff: [{ day: 9 }] })] }),
    'agents[0].timeOff[0].day',
    /0 to 6/,
  );
});

test('weights and rest are checked', () => {
  refused(instance({ weights: { under: -1 } }), 'weights.under', /number from 0/);
  refused(instance({ minRestMinutes: -5 }), 'minRestMinutes', /whole number/);
});

test('minimum hours the agent cannot possibly work are refused up front', () => {
  refused(
    instance({ agents: [agent('a', { minHoursPerWeek: 40, daysOff: { count: 3 } })] }),
    'agents[0].minHoursPerWeek',
    /at most 32 paid hours/,
  );
});
