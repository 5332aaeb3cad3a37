import { ManualClock } from '../../packages/core/src/clock.ts';
import { mulberry32 } from '../../packages/core/src/random.ts';
import { ACCEPT, COMPLETE, type Contacts, CREATE, END_WRAP_UP, type Kind, type Router } from './routers.ts';
import { between, SEED, type World } from './world.ts';

// ---------------------------------------------------------------------------------------------------------
// Driver

/** Offers per command, in command order: pairs[start[i]..start[i+1]) are command i's (contact, agent) pairs. */
export interface OfferLog {
  start: number[];
  pairs: number[];
}

export interface DriveOptions {
  /** Stop once this many decisions have been made. */
  stopAfter: number;
  /** Commands issued once this many decisions have been made are measured. */
  measureFrom: number;
  /** Record every command's offers here (engine), or check them against it (baseline). */
  log: OfferLog;
  mode: 'record' | 'check';
  /** Check mode: before this many decisions, apply the logged offers instead of searching. */
  replayUntil?: number;
  /** Also total the first this-many measured decisions on their own (to compare equal windows). */
  firstWindow?: number;
}

export interface Measured {
  decisions: number;
  commands: number;
  ns: number;
  /** Per-decision latency samples, µs. */
  latencyUs: Float64Array;
  onArrival: number;
  onRelease: number;
  /** Sampled every 64 measured commands: agents holding a contact, contacts waiting, CSQs with someone waiting. */
  busyPct: number;
  meanWaiting: number;
  csqsWaitingPct: number;
  simulatedSeconds: number;
  firstWindow: { decisions: number; ns: number };
  /** Distinct contacts offered over the whole run. */
  contactsOffered: number;
}

const earlier = (aAt: number, aOrder: number, bAt: number, bOrder: number): boolean =>
  aAt !== bAt ? aAt < bAt : aOrder < bOrder;

/** The driver's pending actions, a binary min-heap on (time, insertion order) kept in typed arrays so that the
 * driver itself allocates next to nothing while commands are timed. */
export class ActionQueue {
  #at = new Float64Array(1 << 12);
  #order = new Float64Array(1 << 12);
  /** contact × 4 + kind */
  #payload = new Int32Array(1 << 12);
  #size = 0;
  #pushed = 0;

  /** Time of the earliest action, or Infinity. */
  nextAt(): number {
    return this.#size === 0 ? Number.POSITIVE_INFINITY : this.#at[0]!;
  }

  push(at: number, kind: Kind, contact: number): void {
    if (this.#size === this.#at.length) this.#grow();
    const order = this.#pushed++;
    let i = this.#size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!earlier(at, order, this.#at[parent]!, this.#order[parent]!)) break;
      this.#move(parent, i);
      i = parent;
    }
    this.#set(i, at, order, contact * 4 + kind);
  }

  /** Removes the earliest action; returns its payload (contact × 4 + kind). */
  pop(): number {
    const top = this.#payload[0]!;
    const last = --this.#size;
    const at = this.#at[last]!;
    const order = this.#order[last]!;
    const payload = this.#payload[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (
        right < last &&
        earlier(this.#at[right]!, this.#order[right]!, this.#at[child]!, this.#order[child]!)
      )
        child = right;
      if (!earlier(this.#at[child]!, this.#order[child]!, at, order)) break;
      this.#move(child, i);
      i = child;
    }
    this.#set(i, at, order, payload);
    return top;
  }

  #move(from: number, to: number): void {
    this.#at[to] = this.#at[from]!;
    this.#order[to] = this.#order[from]!;
    this.#payload[to] = this.#payload[from]!;
  }

  #set(i: number, at: number, order: number, payload: number): void {
    this.#at[i] = at;
    this.#order[i] = order;
    this.#payload[i] = payload;
  }

  #grow(): void {
    const n = this.#at.length * 2;
    const at = new Float64Array(n);
    const order = new Float64Array(n);
    const payload = new Int32Array(n);
    at.set(this.#at);
    order.set(this.#order);
    payload.set(this.#payload);
    this.#at = at;
    this.#order = order;
    this.#payload = payload;
  }
}

/** Adds `delta` to counts[i] and returns the new count. */
function bump(counts: Int32Array, i: number, delta: number): number {
  const value = counts[i]! + delta;
  counts[i] = value;
  return value;
}

export function drive(
  world: World,
  make: (clock: ManualClock, contacts: Contacts) => Router,
  options: DriveOptions,
): Measured {
  const clock = new ManualClock();
  const contacts: Contacts = { csq: [], priority: [] };
  const router = make(clock, contacts);
  const agentCount = world.agents.length;
  for (let a = 0; a < agentCount; a++) {
    clock.advance(7);
    router.login(a);
  }
  const arrivals = mulberry32(SEED ^ 0x5bd1e995);
  const ringMs: number[] = [];
  const handleMs: number[] = [];
  const wrapMs: number[] = [];
  const agentOf: number[] = [];
  const inHand = new Int32Array(agentCount);
  const pending = new ActionQueue();
  const waitingIn = new Int32Array(world.csqs.length);
  let csqsWaiting = 0;

  const { log, mode, stopAfter, measureFrom } = options;
  const replayUntil = options.replayUntil ?? 0;
  const firstWindow = options.firstWindow ?? 0;
  const totalWeight = world.cumulativeWeight[world.cumulativeWeight.length - 1]!;
  const latency: number[] = [];
  const out: number[] = [];
  const start = clock.now();
  let nextArrival = start + 1;
  let created = 0;
  let decisions = 0;
  let busy = 0;
  let command = 0;
  let measuredStart = -1;
  let collected = false;
  let searching = false;
  const m = {
    decisions: 0,
    commands: 0,
    ns: 0,
    onArrival: 0,
    onRelease: 0,
    samples: 0,
    busy: 0,
    waiting: 0,
    csqsWaiting: 0,
  };
  const first = { decisions: 0, ns: 0 };

  while (decisions < stopAfter) {
    let kind: Kind;
    let contact: number;
    let at = pending.nextAt();
    if (at <= nextArrival) {
      const payload = pending.pop();
      kind = (payload & 3) as Kind;
      contact = payload >> 2;
    } else {
      kind = CREATE;
      contact = created++;
      at = nextArrival;
      const pick = arrivals() * totalWeight;
      let q = 0;
      while (world.cumulativeWeight[q]! <= pick) q++;
      contacts.csq.push(q);
      agentOf.push(-1);
      if (bump(waitingIn, q, 1) === 1) csqsWaiting++;
      contacts.priority.push(arrivals() < 0.1 ? 8 : 5);
      const channel = world.csqs[q]!.channel;
      // Handle times stay below the 10-minute chat inactivity timeout and rings below the no-answer timeout.
      ringMs.push(between(arrivals, 1_000, 6_000));
      handleMs.push(
        Math.min(
          540_000,
          30_000 + Math.round(-Math.log(1 - arrivals()) * (channel === 'voice' ? 150_000 : 135_000)),
        ),
      );
      wrapMs.push(between(arrivals, 5_000, 20_000));
      nextArrival += Math.max(1, Math.round(-Math.log(1 - arrivals()) * world.meanGapMs));
    }
    clock.advance(at - clock.now());

    out.length = 0;
    const replay =
      mode === 'check' && decisions < replayUntil
        ? log.pairs.slice(log.start[command], log.start[command + 1])
        : null;
    // Start the measured window on a clean heap, so that it does not pay for the garbage of the set-up.
    if (!collected && decisions >= measureFrom) {
      collected = true;
      (globalThis as { gc?: () => void }).gc?.();
    }
    if (!searching && replay === null) {
      searching = true;
      router.beginOwnSearch?.();
    }
    const ns = router.exec(kind, contact, agentOf[contact]!, out, replay);

    if (mode === 'record') {
      log.start[command] = log.pairs.length;
      for (const v of out) log.pairs.push(v);
      log.start[command + 1] = log.pairs.length;
    } else if (replay === null) {
      const from = log.start[command];
      const to = log.start[command + 1];
      if (from === undefined || to === undefined)
        throw new Error(`Baseline ran past the engine's log (command ${command}).`);
      let same = to - from === out.length;
      for (let i = 0; same && i < out.length; i++) same = log.pairs[from + i] === out[i];
      if (!same) {
        throw new Error(
          `Baseline and engine disagree at command ${command} (kind ${kind}, contact c${contact}): engine offered ` +
            `${JSON.stringify(log.pairs.slice(from, to))}, baseline ${JSON.stringify(out)} (pairs of contact, agent).`,
        );
      }
    }

    const offers = out.length / 2;
    if (decisions >= measureFrom) {
      if (measuredStart < 0) measuredStart = at;
      m.decisions += offers;
      m.commands++;
      m.ns += ns;
      if (offers > 0) {
        for (let i = 0; i < offers; i++) latency.push(ns / offers / 1_000);
        if (kind === CREATE) m.onArrival += offers;
        else m.onRelease += offers;
      }
      if (first.decisions < firstWindow) {
        first.decisions += offers;
        first.ns += ns;
      }
      if ((m.commands & 63) === 0) {
        m.samples++;
        m.busy += busy;
        // Each contact is offered exactly once (nobody declines, nothing requeues).
        m.waiting += created - decisions;
        m.csqsWaiting += csqsWaiting;
      }
    }
    decisions += offers;
    command++;

    // The driver's reactions: agents answer, handle, wrap up.
    if (kind === END_WRAP_UP) {
      const a = agentOf[contact]!;
      if (bump(inHand, a, -1) === 0) busy--;
    } else if (kind === ACCEPT) pending.push(at + handleMs[contact]!, COMPLETE, contact);
    else if (kind === COMPLETE) pending.push(at + wrapMs[contact]!, END_WRAP_UP, contact);
    for (let i = 0; i < out.length; i += 2) {
      const c = out[i]!;
      const a = out[i + 1]!;
      const q = contacts.csq[c]!;
      agentOf[c] = a;
      if (bump(inHand, a, 1) === 1) busy++;
      if (bump(waitingIn, q, -1) === 0) csqsWaiting--;
      if (world.csqs[q]!.channel === 'email') pending.push(at + handleMs[c]!, COMPLETE, c);
      else pending.push(at + ringMs[c]!, ACCEPT, c);
    }
  }
  let offered = 0;
  for (const a of agentOf) if (a >= 0) offered++;
  return {
    decisions: m.decisions,
    commands: m.commands,
    ns: m.ns,
    latencyUs: Float64Array.from(latency),
    onArrival: m.onArrival,
    onRelease: m.onRelease,
    busyPct: m.samples ? (100 * m.busy) / m.samples / agentCount : 0,
    meanWaiting: m.samples ? m.waiting / m.samples : 0,
    csqsWaitingPct: m.samples ? (100 * m.csqsWaiting) / m.samples / world.csqs.length : 0,
    simulatedSeconds: measuredStart < 0 ? 0 : (clock.now() - measuredStart) / 1_000,
    firstWindow: first,
    contactsOffered: offered,
  };
}
