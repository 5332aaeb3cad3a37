import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { EventQueue } from './event-queue.ts';

test('events come out soonest first, and in scheduling order within a millisecond', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 20 })), (times) => {
      const queue = new EventQueue();
      times.forEach((at, index) => {
        queue.schedule(at, 'arrival', null, index);
      });
      const out: { at: number; index: number }[] = [];
      for (let event = queue.pop(); event; event = queue.pop())
        out.push({ at: event.at, index: event.index });
      const expected = times
        .map((at, index) => ({ at, index }))
        .sort((a, b) => a.at - b.at || a.index - b.index);
      assert.deepEqual(out, expected);
      assert.equal(queue.size, 0);
    }),
  );
});
