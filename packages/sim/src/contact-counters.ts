import {
  type AcdEvent,
  addContactCounts,
  type ContactCounts,
  type ContactLeg,
  countLegs,
  detailRecordsOf,
  noContactCounts,
} from '@switchboard/core';

/** A CSQ's counts in an interval: core's contact counts, and one figure only the simulator keeps. */
export interface SimCounts extends ContactCounts {
  /** Answered the moment they arrived (no queue, no ring): 1 − this ÷ offered estimates P(wait). */
  answeredAtOnce: number;
}

export const noSimCounts = (): SimCounts => ({ ...noContactCounts(), answeredAtOnce: 0 });

export function addSimCounts(into: SimCounts, other: SimCounts): SimCounts {
  addContactCounts(into, other);
  into.answeredAtOnce += other.answeredAtOnce;
  return into;
}

/**
 * Keeps the router's contact events and, when the day is over, counts them per CSQ and interval with core's
 * reporting (detail records, then `countLegs`): contact figures in the interval a contact arrived in, handle
 * time in the interval its wrap-up ended, contacts still waiting at the end counted as of then.
 */
export class ContactCounters {
  readonly #intervalMs: number;
  readonly #csqIds: readonly string[];
  readonly #thresholdSeconds: readonly number[];
  readonly #shortAbandonSeconds: number;
  readonly #events: AcdEvent[] = [];
  /** [csq][interval], filled by `finish`. */
  readonly #rows: SimCounts[][];

  constructor(
    intervalMs: number,
    csqIds: readonly string[],
    thresholdSeconds: readonly number[],
    shortAbandonSeconds: number,
  ) {
    this.#intervalMs = intervalMs;
    this.#csqIds = csqIds;
    this.#thresholdSeconds = thresholdSeconds;
    this.#shortAbandonSeconds = shortAbandonSeconds;
    this.#rows = csqIds.map(() => []);
  }

  record(events: readonly AcdEvent[]): void {
    for (const event of events) if (event.type !== 'agent.state_changed') this.#events.push(event);
  }

  /** Counts everything recorded, as of `endMs` (the simulation's end). */
  finish(endMs: number): void {
    const byCsq = new Map<string, ContactLeg[]>(this.#csqIds.map((id) => [id, []]));
    for (const leg of detailRecordsOf(this.#events).legs) byCsq.get(leg.csqId)?.push(leg);
    const intervalOf = (_leg: ContactLeg, at: number) => Math.floor(at / this.#intervalMs);
    for (const [csq, id] of this.#csqIds.entries()) {
      const legs = byCsq.get(id) ?? [];
      const options = {
        thresholdSeconds: this.#thresholdSeconds[csq] as number,
        shortAbandonSeconds: this.#shortAbandonSeconds,
        now: endMs,
      };
      for (const [interval, counts] of countLegs(legs, intervalOf, options))
        addContactCounts(this.at(csq, interval), counts);
      for (const leg of legs)
        if (leg.answeredAt === leg.enteredAt) this.at(csq, intervalOf(leg, leg.enteredAt)).answeredAtOnce++;
    }
    this.#events.length = 0;
  }

  /** The counts of one CSQ in one interval (zeros if nothing happened there). */
  at(csq: number, interval: number): SimCounts {
    const rows = this.#rows[csq] as SimCounts[];
    while (rows.length <= interval) rows.push(noSimCounts());
    return rows[interval] as SimCounts;
  }

  /** How many intervals hold any count. */
  get intervalCount(): number {
    return Math.max(0, ...this.#rows.map((rows) => rows.length));
  }
}
