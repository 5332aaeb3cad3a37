import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { IndexedHeap } from './heap.ts';

interface Node {
  key: number;
  heapIndex: number;
}

const op = fc.oneof(
  fc.record({ kind: fc.constant('push' as const), key: fc.integer({ min: -50, max: 50 }) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rekey' as const), pick: fc.nat(), key: fc.integer({ min: -50, max: 50 }) }),
  fc.record({ kind: fc.constant('pop' as const) }),
);

test('after any pushes, removals, re-keys and pops, the heap holds exactly the live nodes and pops them in order (property)', () => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
      const heap = new IndexedHeap<Node>((a, b) => a.key < b.key);
      const live: Node[] = [];
      for (const o of ops) {
        if (o.kind === 'push') {
          const node = { key: o.key, heapIndex: -1 };
          heap.push(node);
          live.push(node);
        } else if (o.kind === 'pop') {
          const top = heap.pop();
          if (live.length === 0) assert.equal(top, undefined);
          else {
            assert.ok(top);
            assert.equal(top.key, Math.min(...live.map((n) => n.key)));
            live.splice(live.indexOf(top), 1);
            assert.equal(top.heapIndex, -1);
          }
        } else if (live.length > 0) {
          const node = live[o.pick % live.length] as Node;
          if (o.kind === 'remove') {
            heap.remove(node);
            live.splice(live.indexOf(node), 1);
            assert.equal(heap.has(node), false);
          } else {
            node.key = o.key;
            heap.update(node);
          }
        }
        assert.equal(heap.size, live.length);
        for (const node of live) assert.ok(heap.has(node));
      }
      const out: number[] = [];
      for (let n = heap.pop(); n !== undefined; n = heap.pop()) out.push(n.key);
      assert.deepEqual(
        out,
        live.map((n) => n.key).sort((a, b) => a - b),
      );
    }),
  );
});
