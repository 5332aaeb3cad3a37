import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Heap } from './heap.ts';

test('pops in order, whatever the pushes (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.integer()), fc.array(fc.boolean()), (values, drops) => {
      const heap = new Heap<number>((a, b) => a < b);
      for (const v of values) heap.push(v);
      const dropped = new Set(values.filter((_, i) => drops[i]));
      heap.retain((v) => !dropped.has(v));
      const out: number[] = [];
      for (let v = heap.pop(); v !== undefined; v = heap.pop()) out.push(v);
      assert.deepEqual(
        out,
        values.filter((v) => !dropped.has(v)).sort((a, b) => a - b),
      );
    }),
  );
});
