import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PLANNING_QUEUE_LIMIT, runPlanningTask } from './planning-runner.ts';

test('planning tasks run one at a time in a worker; more than the queue holds are refused at once with 429', async () => {
  // A forecast with no history: the worker refuses it as the engine would in place.
  const task = () =>
    runPlanningTask({
      kind: 'forecast',
      input: { history: { intervalMinutes: 15, timeZone: 'UTC', intervals: [] } },
      firstDay: { year: 2026, month: 12, day: 7 },
      days: 1,
    });
  const runs = Array.from({ length: PLANNING_QUEUE_LIMIT + 1 }, task);
  const settled = await Promise.allSettled(runs);
  const codes = settled.map((outcome) =>
    outcome.status === 'rejected' ? (outcome.reason as { code?: string }).code : 'resolved',
  );
  assert.deepEqual(codes.slice(0, PLANNING_QUEUE_LIMIT), new Array(PLANNING_QUEUE_LIMIT).fill('no_history'));
  assert.equal(codes.at(-1), 'too_many_attempts');
  // Once they are done, the queue takes work again.
  await assert.rejects(task(), { code: 'no_history' });
});
