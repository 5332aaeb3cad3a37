import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chatDurations } from './record.ts';

const t = Date.UTC(2026, 11, 5, 9);

test('a handled chat: wait to answer, talk to the end of the conversation, then wrap-up', () => {
  assert.deepEqual(
    chatDurations({
      queuedAt: t,
      acceptedAt: t + 12_000,
      wrapUpAt: t + 312_000,
      endedAt: t + 342_000,
      outcome: 'handled',
    }),
    { waitSeconds: 12, talkSeconds: 300, wrapUpSeconds: 30, outcome: 'handled' },
  );
});

test('a group chat the customer left while a second agent was being invited counts as abandoned', () => {
  const stages = { queuedAt: t, acceptedAt: t + 5_000, wrapUpAt: t + 65_000, endedAt: t + 70_000 };
  assert.equal(
    chatDurations({ ...stages, outcome: 'handled', leftWhileInviting: true }).outcome,
    'abandoned',
  );
  assert.equal(chatDurations({ ...stages, outcome: 'handled', leftWhileInviting: false }).outcome, 'handled');
});

test('a chat the customer left while it was being offered counts as abandoned, its wait up to then', () => {
  assert.deepEqual(
    chatDurations({
      queuedAt: t,
      acceptedAt: null,
      wrapUpAt: null,
      endedAt: t + 40_000,
      outcome: 'abandoned_while_offered',
    }),
    { waitSeconds: 40, talkSeconds: null, wrapUpSeconds: null, outcome: 'abandoned' },
  );
  assert.equal(
    chatDurations({ queuedAt: t, acceptedAt: null, wrapUpAt: null, endedAt: null, outcome: null }).outcome,
    'open',
  );
});
