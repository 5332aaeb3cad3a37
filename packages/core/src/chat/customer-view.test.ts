import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AcdEvent } from '../acd/events.ts';
import { CustomerView } from './customer-view.ts';

const at = 0;
const contactId = 'c1';
const aliases: Record<string, string> = { a1: 'Sam', a2: 'Kim' };
const view = () =>
  new CustomerView(contactId, { status: 'queued', agentId: null }, (id) => aliases[id] ?? '?');

const types = (v: CustomerView, events: AcdEvent[]) =>
  events
    .flatMap((e) => v.apply(e))
    .map((f) => ('alias' in f ? `${f.type} ${f.alias}` : 'by' in f ? `${f.type} ${f.by}` : f.type));

test('the customer hears of joins, a transfer, the join timeout and the end, not of offers', () => {
  const v = view();
  assert.deepEqual(
    types(v, [
      { type: 'contact.offered', at, contactId, csqId: 'q', agentId: 'a1', deadline: null },
      { type: 'contact.join_timeout', at, contactId },
      { type: 'contact.offer_withdrawn', at, contactId, agentId: 'a1', cause: 'no_answer' },
      { type: 'contact.accepted', at, contactId, csqId: 'q', agentId: 'a1', waitedMs: 0 },
      {
        type: 'contact.transferred',
        at,
        contactId,
        fromAgentId: 'a1',
        toCsqId: null,
        toAgentId: 'a2',
        note: null,
      },
      { type: 'contact.accepted', at, contactId, csqId: 'q', agentId: 'a2', waitedMs: 0 },
      { type: 'contact.wrap_up_started', at, contactId, agentId: 'a2', endedBy: 'inactivity' },
      { type: 'contact.ended', at, contactId, outcome: 'handled', endedBy: 'inactivity', agentId: 'a2' },
    ]),
    ['join_timeout', 'agent_joined Sam', 'agent_left Sam', 'agent_joined Kim', 'ended inactivity'],
  );
  assert.equal(v.status, 'ended');
});

test('a requeue is the agent leaving; a chat abandoned in the queue ends by the customer', () => {
  const v = view();
  assert.deepEqual(
    types(v, [
      { type: 'contact.accepted', at, contactId, csqId: 'q', agentId: 'a1', waitedMs: 0 },
      { type: 'contact.queued', at, contactId, csqId: 'q2', stickyAgentId: null, cause: 'requeued' },
      { type: 'contact.ended', at, contactId, outcome: 'abandoned', endedBy: 'customer', agentId: null },
    ]),
    ['agent_joined Sam', 'agent_left Sam', 'ended customer'],
  );
});

test('a connection opened while the agent was joining is not told twice; other chats are ignored', () => {
  const v = new CustomerView(contactId, { status: 'active', agentId: 'a1' }, (id) => aliases[id] ?? '?');
  assert.deepEqual(v.hello(), { type: 'hello', status: 'active', alias: 'Sam' });
  assert.deepEqual(
    types(v, [
      { type: 'contact.accepted', at, contactId, csqId: 'q', agentId: 'a1', waitedMs: 0 },
      { type: 'contact.join_timeout', at, contactId: 'other' },
    ]),
    [],
  );
});

test('a transfer note is never in what the customer is told', () => {
  const v = view();
  const frames = [
    { type: 'contact.accepted', at, contactId, csqId: 'q', agentId: 'a1', waitedMs: 0 },
    {
      type: 'contact.transferred',
      at,
      contactId,
      fromAgentId: 'a1',
      toCsqId: 'q2',
      toAgentId: null,
      note: 'Angry, wants the manager',
    },
    { type: 'contact.queued', at, contactId, csqId: 'q2', stickyAgentId: null, cause: 'transferred' },
  ].flatMap((e) => v.apply(e as AcdEvent));
  assert.deepEqual(
    frames.map((f) => f.type),
    ['agent_joined', 'agent_left'],
  );
  assert.doesNotMatch(JSON.stringify(frames), /Angry/);
});
