import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LiveEvent } from '../api/types.ts';
import { changesFiguresOf } from './figures-changed.ts';

const event = (type: string, agentId?: string): LiveEvent => ({ type, at: '2026-03-02T10:00:00Z', agentId });
const mine = new Set(['ana', 'bob']);

test("the figures reload on a state change or an ended wrap-up of the supervisor's own agents only", () => {
  assert.equal(changesFiguresOf(mine, event('agent.state_changed', 'ana')), true);
  assert.equal(changesFiguresOf(mine, event('contact.wrap_up_ended', 'bob')), true);
  assert.equal(changesFiguresOf(mine, event('agent.state_changed', 'eve')), false, 'another team');
  assert.equal(changesFiguresOf(mine, event('contact.wrap_up_ended', 'eve')), false, 'another team');
  assert.equal(changesFiguresOf(mine, event('contact.accepted', 'ana')), false);
  assert.equal(changesFiguresOf(mine, event('agent.state_changed')), false);
});

test('before the first figures arrive, any state change may concern them', () => {
  assert.equal(changesFiguresOf(null, event('agent.state_changed', 'eve')), true);
  assert.equal(changesFiguresOf(null, event('contact.offered', 'eve')), false);
});
