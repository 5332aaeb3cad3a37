import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ChatMonitors } from './monitoring.ts';

const step = fc.record({
  op: fc.constantFrom('watch', 'unwatch', 'barge', 'leave', 'end'),
  chat: fc.constantFrom('c1', 'c2'),
  user: fc.constantFrom('s1', 's2', 's3'),
});

test('whoever barged in also monitors; ended chats keep no one; stopping monitoring leaves the chat', () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
      const monitors = new ChatMonitors();
      for (const { op, chat, user } of steps) {
        if (op === 'end') {
          const barged = monitors.barged(chat);
          assert.deepEqual(monitors.end(chat), barged, 'end answers who had barged in');
        } else monitors[op](chat, user);
        for (const u of ['s1', 's2', 's3'])
          for (const c of ['c1', 'c2'])
            assert.equal(monitors.watchedBy(u).includes(c), monitors.watchers(c).includes(u));
        assert.deepEqual(
          monitors.chats().sort(),
          ['c1', 'c2'].filter((c) => monitors.watchers(c).length > 0),
        );
        if (op === 'unwatch') assert.equal(monitors.hasBarged(chat, user), false);
        if (op === 'end') assert.deepEqual([monitors.watchers(chat), monitors.barged(chat)], [[], []]);
        for (const c of ['c1', 'c2'])
          for (const u of monitors.barged(c)) assert.ok(monitors.watchers(c).includes(u));
      }
      assert.ok(monitors.size <= 2);
    }),
  );
});

test('answers whether something changed, so starts are audited once', () => {
  const monitors = new ChatMonitors();
  assert.equal(monitors.watch('c', 's'), true);
  assert.equal(monitors.watch('c', 's'), false);
  assert.equal(monitors.barge('c', 's'), true);
  assert.equal(monitors.barge('c', 's'), false);
  assert.equal(monitors.leave('c', 's'), true);
  assert.deepEqual(monitors.watchers('c'), ['s']);
  assert.equal(monitors.unwatch('c', 's'), false);
  assert.deepEqual(monitors.watchers('c'), []);
});
