/** Something that sits in at most one IndexedHeap at a time and knows its slot there (-1 when in none). */
export interface HeapNode {
  heapIndex: number;
}

/**
 * A binary min-heap ordered by `before` whose nodes know their slot, so a node can be removed or re-keyed in
 * place in O(log n). The router keeps its queues, available agents and timers in these: nothing goes stale and
 * nothing is allocated per update. A node's ordering keys may change only through `update` (or while it is out).
 */
export class IndexedHeap<T extends HeapNode> {
  readonly #items: T[] = [];
  readonly #before: (a: T, b: T) => boolean;

  constructor(before: (a: T, b: T) => boolean) {
    this.#before = before;
  }

  get size(): number {
    return this.#items.length;
  }

  /** Whether this node sits in this heap. */
  has(node: T): boolean {
    return node.heapIndex >= 0 && this.#items[node.heapIndex] === node;
  }

  /** Every node, in no particular order. */
  values(): readonly T[] {
    return this.#items;
  }

  peek(): T | undefined {
    return this.#items[0];
  }

  push(node: T): void {
    node.heapIndex = this.#items.length;
    this.#items.push(node);
    this.#siftUp(node.heapIndex);
  }

  pop(): T | undefined {
    const top = this.#items[0];
    if (top !== undefined) this.remove(top);
    return top;
  }

  remove(node: T): void {
    const items = this.#items;
    const i = node.heapIndex;
    node.heapIndex = -1;
    const last = items.pop() as T;
    if (last === node) return;
    items[i] = last;
    last.heapIndex = i;
    this.#restore(i);
  }

  /** Call after changing the ordering keys of a node that is in the heap. */
  update(node: T): void {
    this.#restore(node.heapIndex);
  }

  /** Removes every node. */
  clear(): void {
    for (const node of this.#items) node.heapIndex = -1;
    this.#items.length = 0;
  }

  /** The nodes in heap order (not sorted). */
  *[Symbol.iterator](): IterableIterator<T> {
    yield* this.#items;
  }

  #restore(i: number): void {
    if (i > 0 && this.#before(this.#items[i] as T, this.#items[(i - 1) >> 1] as T)) this.#siftUp(i);
    else this.#siftDown(i);
  }

  #siftUp(start: number): void {
    const items = this.#items;
    const node = items[start] as T;
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as T;
      if (!this.#before(node, p)) break;
      items[i] = p;
      p.heapIndex = i;
      i = parent;
    }
    items[i] = node;
    node.heapIndex = i;
  }

  #siftDown(start: number): void {
    const items = this.#items;
    const n = items.length;
    const node = items[start] as T;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && this.#before(items[right] as T, items[left] as T)) child = right;
      const c = items[child] as T;
      if (!this.#before(c, node)) break;
      items[i] = c;
      c.heapIndex = i;
      i = child;
    }
    items[i] = node;
    node.heapIndex = i;
  }
}
