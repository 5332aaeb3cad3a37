/** A contact as the simulator follows it (the engine keeps its own record; this one carries the samples). */
export interface SimContact {
  id: string;
  csq: number;
  arrivedAt: number;
  status: 'queued' | 'offered' | 'active' | 'wrap_up' | 'ended';
  agentId: string | null;
  /** Drawn on arrival, so that changing the staffing does not change which customer gets which sample. */
  handleMs: number;
  wrapUpMs: number;
  patienceMs: number;
  /** Bumped on every change; a scheduled action made under an older epoch is stale and does nothing. */
  epoch: number;
}

export type SimEventKind =
  | 'arrival'
  | 'accept'
  | 'complete'
  | 'end_wrap_up'
  | 'abandon'
  | 'shift_start'
  | 'break_start'
  | 'break_end'
  | 'shift_end';

/** Something the simulator will do at `at` (ms from the start of the day). One shape for every kind. */
export interface SimEvent {
  at: number;
  /** Scheduling order: events due at the same millisecond happen in the order they were scheduled. */
  seq: number;
  kind: SimEventKind;
  contact: SimContact | null;
  epoch: number;
  /** The CSQ (arrival) or agent (schedule changes) by position in the input. */
  index: number;
  reasonCode: number | null;
}

export function simEvent(
  at: number,
  kind: SimEventKind,
  contact: SimContact | null,
  index = -1,
  reasonCode: number | null = null,
): SimEvent {
  return { at, seq: 0, kind, contact, epoch: contact?.epoch ?? 0, index, reasonCode };
}

const before = (a: SimEvent, b: SimEvent): boolean => (a.at !== b.at ? a.at < b.at : a.seq < b.seq);

/** A binary min-heap of events, soonest first. */
export class EventQueue {
  readonly #items: SimEvent[] = [];
  #seq = 0;

  get size(): number {
    return this.#items.length;
  }

  peek(): SimEvent | undefined {
    return this.#items[0];
  }

  schedule(
    at: number,
    kind: SimEventKind,
    contact: SimContact | null,
    index = -1,
    reasonCode: number | null = null,
  ): void {
    const event = simEvent(at, kind, contact, index, reasonCode);
    event.seq = this.#seq++;
    const items = this.#items;
    let i = items.length;
    items.push(event);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = items[parent] as SimEvent;
      if (!before(event, above)) break;
      items[i] = above;
      i = parent;
    }
    items[i] = event;
  }

  pop(): SimEvent | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    const n = items.length;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && before(items[right] as SimEvent, items[left] as SimEvent)) child = right;
      const next = items[child] as SimEvent;
      if (!before(next, last)) break;
      items[i] = next;
      i = child;
    }
    items[i] = last;
    return top;
  }
}
