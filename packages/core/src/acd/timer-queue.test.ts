import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type QueuedTimer, TimerQueue } from './timer-queue.ts';

interface T extends QueuedTimer {
  name: number;
}

const op = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), timer: fc.nat(7), delay: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant('cancel' as const), timer: fc.nat(7) }),
  fc.record({ kind: fc.constant('drop' as const), timer: fc.nat(7) }),
  fc.record({ kind: fc.constant('advance' as const), by: fc.integer({ min: 0, max: 20 }) }),
);

test('timers fire once, when due, soonest first and in the order set, whatever was moved or cancelled (property)', () => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 150 }), (ops) => {
      const queue = new TimerQueue<T>();
      const timers: T[] = Array.from({ length: 8 }, (_, name) => ({
        name,
        heapIndex: -1,
        at: 0,
        order: 0,
        due: Number.POSITIVE_INFINITY,
        dueOrder: 0,
      }));
      // The model: each timer's deadline and the order it was set in, or none.
      const model = new Map<number, { at: number; order: number }>();
      let now = 0;
      let order = 0;
      for (const o of ops) {
        if (o.kind === 'set') {
          queue.schedule(timers[o.timer] as T, now + o.delay);
          model.set(o.timer, { at: now + o.delay, order: order++ });
        } else if (o.kind === 'cancel' || o.kind === 'drop') {
          if (o.kind === 'cancel') queue.cancel(timers[o.timer] as T);
          else queue.drop(timers[o.timer] as T);
          model.delete(o.timer);
        } else {
          now += o.by;
          const expected = [...model]
            .filter(([, d]) => d.at <= now)
            .sort(([, a], [, b]) => a.at - b.at || a.order - b.order)
            .map(([name]) => name);
          const fired: number[] = [];
          for (let t = queue.takeDue(now); t; t = queue.takeDue(now)) fired.push(t.name);
          assert.deepEqual(fired, expected);
          for (const name of fired) model.delete(name);
        }
        const soonest = [...model].sort(([, a], [, b]) => a.at - b.at || a.order - b.order)[0];
        assert.equal(queue.peek()?.name, soonest?.[0]);
      }
    }),
  );
});
