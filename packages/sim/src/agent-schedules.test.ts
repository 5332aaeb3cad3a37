import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scheduleChanges } from './agent-schedules.ts';
import { buildAgent } from './testing/builders.ts';

const M = 60_000;

test('a shift becomes log in, breaks, log out, in time order', () => {
  const agent = buildAgent('ana', {
    shifts: [
      { startMinute: 0, endMinute: 60, breaks: [{ startMinute: 20, endMinute: 30, reasonCode: 5 }] },
      { startMinute: 90, endMinute: 120 },
    ],
  });
  assert.deepEqual(scheduleChanges(agent), [
    { at: 0, kind: 'shift_start', reasonCode: null },
    { at: 20 * M, kind: 'break_start', reasonCode: 5 },
    { at: 30 * M, kind: 'break_end', reasonCode: null },
    { at: 60 * M, kind: 'shift_end', reasonCode: null },
    { at: 90 * M, kind: 'shift_start', reasonCode: null },
    { at: 120 * M, kind: 'shift_end', reasonCode: null },
  ]);
});

test('changes in the same millisecond collapse to the last, so the agent is never Ready in between', () => {
  const agent = buildAgent('ana', {
    shifts: [
      {
        startMinute: 0,
        endMinute: 60,
        breaks: [
          { startMinute: 0, endMinute: 15, reasonCode: 1 },
          { startMinute: 15, endMinute: 30, reasonCode: 2 },
          { startMinute: 45, endMinute: 60, reasonCode: 3 },
        ],
      },
      { startMinute: 60, endMinute: 90 },
    ],
  });
  assert.deepEqual(scheduleChanges(agent), [
    { at: 0, kind: 'shift_start', reasonCode: 1 },
    { at: 15 * M, kind: 'break_start', reasonCode: 2 },
    { at: 30 * M, kind: 'break_end', reasonCode: null },
    { at: 45 * M, kind: 'break_start', reasonCode: 3 },
    { at: 60 * M, kind: 'shift_start', reasonCode: null },
    { at: 90 * M, kind: 'shift_end', reasonCode: null },
  ]);
});
