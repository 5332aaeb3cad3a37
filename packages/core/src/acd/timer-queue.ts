import { IndexedHeap } from './heap.ts';

/**
 * A deadline as the queue sees it. `due`/`dueOrder` are the deadline as it stands (Infinity once cancelled);
 * `at`/`order` are the keys it is filed under while `heapIndex` ≥ 0, never later than `due`.
 */
export interface QueuedTimer {
  heapIndex: number;
  at: number;
  order: number;
  due: number;
  dueOrder: number;
}

const dueBefore = (a: QueuedTimer, b: QueuedTimer): boolean =>
  a.at !== b.at ? a.at < b.at : a.order < b.order;

/**
 * All pending deadlines, soonest first (ties in the order they were set). Cancelling a deadline or moving it
 * later costs nothing until it would have come due: only then is it dropped or filed again.
 */
export class TimerQueue<T extends QueuedTimer> {
  readonly #heap = new IndexedHeap<T>(dueBefore);
  #set = 0;

  /** Sets (or moves) the timer's deadline. */
  schedule(timer: T, at: number): void {
    const order = this.#set++;
    timer.due = at;
    timer.dueOrder = order;
    if (timer.heapIndex >= 0 && at > timer.at) return;
    timer.at = at;
    timer.order = order;
    if (timer.heapIndex >= 0) this.#heap.update(timer);
    else this.#heap.push(timer);
  }

  cancel(timer: T): void {
    timer.due = Number.POSITIVE_INFINITY;
  }

  /** Cancels the timer and lets go of it now (its owner is gone). */
  drop(timer: T): void {
    timer.due = Number.POSITIVE_INFINITY;
    if (timer.heapIndex >= 0) this.#heap.remove(timer);
  }

  /** The deadline that comes due first, or undefined when none is set. */
  peek(): T | undefined {
    for (let timer = this.#heap.peek(); timer; timer = this.#heap.peek()) {
      if (timer.due === timer.at && timer.dueOrder === timer.order) return timer;
      if (timer.due === Number.POSITIVE_INFINITY) this.#heap.remove(timer);
      else {
        timer.at = timer.due;
        timer.order = timer.dueOrder;
        this.#heap.update(timer);
      }
    }
    return undefined;
  }

  /** Removes and returns the first deadline if it is due by `now`; it counts as cancelled from then on. */
  takeDue(now: number): T | undefined {
    const timer = this.peek();
    if (timer === undefined || timer.due > now) return undefined;
    this.#heap.remove(timer);
    timer.due = Number.POSITIVE_INFINITY;
    return timer;
  }
}
