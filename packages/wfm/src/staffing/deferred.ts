/**
 * Deferred work (email, tasks): no caller waits on the line, so no queueing formula applies; what matters is
 * that every item is answered within the response time R of its arrival. A fluid model:
 * - items of interval j arrive evenly over it, each bringing AHT_j seconds of work, and are due R later;
 * - agents work in arrival order (which is deadline order, R being the same for all), each doing at most
 *   maxOccupancy × interval length of work per interval, and never work that has not arrived;
 * - an interval gets the fewest whole agents such that all work due by any moment of the interval is done
 *   by that moment, given what earlier intervals left over. Due work grows piecewise linearly (kinks at
 *   jL + R) and capacity linearly, so it is enough to check the interval's end and the kink inside it.
 * So work is staffed as late as its deadlines allow; anything an interval's rounding up leaves spare works
 * ahead on the backlog. Work due after the last interval is left in its backlog.
 */

import type { IntervalDemand } from './types.ts';
import { ceilWhole } from './whole-numbers.ts';

export interface DeferredSettings {
  intervalSeconds: number;
  responseSeconds: number;
  maxOccupancy: number;
  openingBacklog?: IntervalDemand;
}

export interface DeferredInterval {
  agents: number;
  /** Work done in the interval ÷ the agents' time in it (0 without agents). */
  occupancy: number;
  /** Items arrived but not yet answered at the interval's end (fractional: a fluid model). */
  backlog: number;
}

export function staffDeferredWork(
  intervals: readonly IntervalDemand[],
  settings: DeferredSettings,
): DeferredInterval[] {
  const { intervalSeconds: length, responseSeconds, maxOccupancy } = settings;
  const arrivals = new ArrivalCurve(intervals, length, settings.openingBacklog);
  const perAgent = maxOccupancy * length;
  const staffed: DeferredInterval[] = [];
  let done = 0;
  for (let i = 0; i < intervals.length; i++) {
    const start = i * length;
    const end = start + length;
    let needed = (arrivals.workBy(end - responseSeconds) - done) / perAgent;
    const kink = firstKinkAfter(start, length, responseSeconds);
    if (kink < end) {
      const dueAtKink = arrivals.workBy(kink - responseSeconds) - done;
      needed = Math.max(needed, dueAtKink / (maxOccupancy * (kink - start)));
    }
    const agents = needed > 0 ? ceilWhole(needed) : 0;
    const doneBy = Math.min(arrivals.workBy(end), done + agents * perAgent);
    staffed.push({
      agents,
      occupancy: agents > 0 ? (doneBy - done) / (agents * length) : 0,
      backlog: snapToZero(arrivals.itemsBy(end) - arrivals.itemsWithin(doneBy)),
    });
    done = doneBy;
  }
  return staffed;
}

/** Rounding noise of a difference of cumulative sums is not a backlog. */
const snapToZero = (items: number): number => (items > 1e-9 ? items : 0);

/** The first moment jL + R (j ≥ 0 whole) strictly after `start`. */
function firstKinkAfter(start: number, length: number, responseSeconds: number): number {
  const kink = responseSeconds + length * Math.max(0, Math.ceil((start - responseSeconds) / length));
  return kink > start ? kink : kink + length;
}

/** Cumulative work and items arrived by each moment, and the items that a given amount of work covers. */
class ArrivalCurve {
  private readonly length: number;
  private readonly work: Float64Array;
  private readonly items: Float64Array;
  /** Cumulative work and items at the start of each interval (index count: the totals). */
  private readonly workBefore: Float64Array;
  private readonly itemsBefore: Float64Array;
  private readonly openingWork: number;
  private readonly openingItems: number;
  private cursor = 0;

  constructor(intervals: readonly IntervalDemand[], length: number, opening: IntervalDemand | undefined) {
    this.length = length;
    this.openingItems = opening?.volume ?? 0;
    this.openingWork = opening && opening.volume > 0 ? opening.volume * opening.ahtSeconds : 0;
    const count = intervals.length;
    this.work = new Float64Array(count);
    this.items = new Float64Array(count);
    this.workBefore = new Float64Array(count + 1);
    this.itemsBefore = new Float64Array(count + 1);
    this.workBefore[0] = this.openingWork;
    this.itemsBefore[0] = this.openingItems;
    intervals.forEach((demand, j) => {
      const work = demand.volume > 0 ? demand.volume * demand.ahtSeconds : 0;
      this.work[j] = work;
      this.items[j] = demand.volume;
      this.workBefore[j + 1] = (this.workBefore[j] as number) + work;
      this.itemsBefore[j + 1] = (this.itemsBefore[j] as number) + demand.volume;
    });
  }

  /** Work arrived by time t (the opening backlog arrives at 0). */
  workBy(t: number): number {
    return this.cumulative(t, this.work, this.workBefore);
  }

  itemsBy(t: number): number {
    return this.cumulative(t, this.items, this.itemsBefore);
  }

  /** Items fully or partly covered by the first `work` seconds of work, in arrival order. */
  itemsWithin(work: number): number {
    if (work <= 0) return 0;
    if (work <= this.openingWork) return (this.openingItems * work) / this.openingWork;
    const count = this.work.length;
    while (this.cursor < count && (this.workBefore[this.cursor + 1] as number) < work) this.cursor++;
    if (this.cursor === count) return this.itemsBefore[count] as number;
    const j = this.cursor;
    const share = (work - (this.workBefore[j] as number)) / (this.work[j] as number);
    return (this.itemsBefore[j] as number) + (this.items[j] as number) * Math.min(1, share);
  }

  private cumulative(t: number, perInterval: Float64Array, before: Float64Array): number {
    if (t < 0) return 0;
    const count = perInterval.length;
    const j = Math.floor(t / this.length);
    if (j >= count) return before[count] as number;
    return (before[j] as number) + ((perInterval[j] as number) * (t - j * this.length)) / this.length;
  }
}
