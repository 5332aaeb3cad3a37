/**
 * Erlang B and Erlang C (M/M/n): Poisson arrivals, exponential handle times, n identical agents, first come
 * first served, callers who wait as long as it takes.
 *
 * Everything starts from the Erlang B recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)): positive terms
 * only, no factorial, no power, no overflow at any n or A (it underflows gracefully to 0 when n is far above
 * A, where waiting is impossible anyway).
 */

import type { QueueMeasures } from './measures.ts';

/** Erlang B: the share of arrivals an n-server loss system turns away, at offered load A Erlangs. */
export function erlangB(agents: number, load: number): number {
  if (load === 0) return agents === 0 ? 1 : 0;
  // The same recursion on 1/B: 1/B(n) = 1 + (n/A)·(1/B(n−1)). n/A does not depend on the previous step, so
  // only a multiply and an add sit on the chain (a division per step would); 1/B grows to Infinity where
  // B underflows, and 1/Infinity is that 0.
  let inverse = 1;
  for (let n = 1; n <= agents; n++) inverse = 1 + inverse * (n / load);
  return 1 / inverse;
}

/** One step of the recursion: B(n) from B(n − 1). */
export const nextErlangB = (agents: number, load: number, previous: number): number =>
  (load * previous) / (agents + load * previous);

/** B(0), B(1), … for one load, computed once and extended as far as a search reaches. */
export class ErlangBTable {
  readonly load: number;
  // A plain array: a search allocates one per interval, and small arrays are far cheaper than typed ones.
  private readonly values: number[] = [1];

  constructor(load: number) {
    this.load = load;
  }

  at(agents: number): number {
    const values = this.values;
    let blocking = values[values.length - 1] as number;
    for (let n = values.length; n <= agents; n++) {
      blocking = nextErlangB(n, this.load, blocking);
      values.push(blocking);
    }
    return values[agents] as number;
  }
}

/** Erlang C, the probability that an arrival waits, from Erlang B at the same n: n·B / (n − A·(1 − B)). */
export function erlangCFromBlocking(agents: number, load: number, blocking: number): number {
  if (agents <= load) return 1;
  return (agents * blocking) / (agents - load * (1 - blocking));
}

/** Erlang C: the probability that an arrival has to wait (1 when n ≤ A: the queue grows without bound). */
export const erlangC = (agents: number, load: number): number =>
  erlangCFromBlocking(agents, load, erlangB(agents, load));

export interface ErlangCInput {
  agents: number;
  /** Offered load A = arrival rate × AHT, in Erlangs. */
  loadErlangs: number;
  ahtSeconds: number;
  /** The service level threshold t: answered within t seconds of arriving. */
  answerWithinSeconds: number;
}

/**
 * Erlang C measures at n agents from B(n):
 * - wait probability C;
 * - service level P(W ≤ t) = 1 − C·e^(−(n − A)·t / AHT) (immediate answers included);
 * - ASA = E[W] = C·AHT / (n − A), over every contact (all are answered);
 * - occupancy A / n.
 * With n ≤ A the queue is unstable: C = 1, SL = 0, ASA = Infinity, occupancy 1.
 */
export const erlangCMeasuresFromBlocking = (input: ErlangCInput, blocking: number): QueueMeasures =>
  erlangCMeasuresAt(input.agents, input.loadErlangs, input.ahtSeconds, input.answerWithinSeconds, blocking);

/** erlangCMeasuresFromBlocking with positional arguments, for the per-interval loop. */
export function erlangCMeasuresAt(
  agents: number,
  load: number,
  ahtSeconds: number,
  answerWithinSeconds: number,
  blocking: number,
): QueueMeasures {
  if (load === 0) return idleMeasures();
  if (agents <= load) {
    return {
      waitProbability: 1,
      serviceLevel: 0,
      asaSeconds: Number.POSITIVE_INFINITY,
      meanWaitSeconds: Number.POSITIVE_INFINITY,
      abandonProbability: 0,
      occupancy: 1,
    };
  }
  const waiting = erlangCFromBlocking(agents, load, blocking);
  const spare = agents - load;
  const asa = (waiting * ahtSeconds) / spare;
  return {
    waitProbability: waiting,
    serviceLevel: 1 - waiting * Math.exp((-spare * answerWithinSeconds) / ahtSeconds),
    asaSeconds: asa,
    meanWaitSeconds: asa,
    abandonProbability: 0,
    occupancy: load / agents,
  };
}

export const erlangCMeasures = (input: ErlangCInput): QueueMeasures =>
  erlangCMeasuresFromBlocking(input, erlangB(input.agents, input.loadErlangs));

/** No contacts: nothing waits, nothing is abandoned, every agent is idle. */
export const idleMeasures = (): QueueMeasures => ({
  waitProbability: 0,
  serviceLevel: 1,
  asaSeconds: 0,
  meanWaitSeconds: 0,
  abandonProbability: 0,
  occupancy: 0,
});
