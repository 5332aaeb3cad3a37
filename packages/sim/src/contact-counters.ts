import type { SimContact } from './event-queue.ts';

/** Raw counts of one CSQ in one interval; report.ts derives the rates from them. */
export class IntervalCounts {
  /** Contacts that arrived, short abandons included. */
  arrivals = 0;
  shortAbandoned = 0;
  abandoned = 0;
  abandonedWithinThreshold = 0;
  answered = 0;
  answeredWithinThreshold = 0;
  /** Answered the moment they arrived (no queue, no ring): 1 − this ÷ offered estimates P(wait). */
  answeredAtOnce = 0;
  /** Summed wait of answered contacts: queue and ring time. */
  answerWaitMs = 0;
  handled = 0;
  /** Still in the system when the simulation ended (waiting, talking or in wrap-up). */
  unfinished = 0;
  longestWaitMs = 0;
  /** AHT is reported in the interval where wrap-up ends (METRICS.md); these two count by that interval. */
  wrapUpsEnded = 0;
  handleMs = 0;

  add(other: IntervalCounts): void {
    this.arrivals += other.arrivals;
    this.shortAbandoned += other.shortAbandoned;
    this.abandoned += other.abandoned;
    this.abandonedWithinThreshold += other.abandonedWithinThreshold;
    this.answered += other.answered;
    this.answeredWithinThreshold += other.answeredWithinThreshold;
    this.answeredAtOnce += other.answeredAtOnce;
    this.answerWaitMs += other.answerWaitMs;
    this.handled += other.handled;
    this.unfinished += other.unfinished;
    this.longestWaitMs = Math.max(this.longestWaitMs, other.longestWaitMs);
    this.wrapUpsEnded += other.wrapUpsEnded;
    this.handleMs += other.handleMs;
  }
}

/**
 * Counts every contact outcome per CSQ and interval. A contact is counted in the interval it arrived in (offered,
 * answered, handled, abandoned, waits); only the handle time goes to the interval where its wrap-up ended.
 */
export class ContactCounters {
  readonly #intervalMs: number;
  readonly #thresholdMs: readonly number[];
  readonly #shortAbandonMs: number;
  /** [csq][interval], grown as the day runs on. */
  readonly #rows: IntervalCounts[][];

  constructor(intervalMs: number, thresholdMsPerCsq: readonly number[], shortAbandonMs: number) {
    this.#intervalMs = intervalMs;
    this.#thresholdMs = thresholdMsPerCsq;
    this.#shortAbandonMs = shortAbandonMs;
    this.#rows = thresholdMsPerCsq.map(() => []);
  }

  /** The counts of one CSQ in one interval (zeros if nothing happened there). */
  at(csq: number, interval: number): IntervalCounts {
    const rows = this.#rows[csq] as IntervalCounts[];
    while (rows.length <= interval) rows.push(new IntervalCounts());
    return rows[interval] as IntervalCounts;
  }

  #ofArrival(contact: SimContact): IntervalCounts {
    return this.at(contact.csq, Math.floor(contact.arrivedAt / this.#intervalMs));
  }

  arrived(contact: SimContact): void {
    this.#ofArrival(contact).arrivals++;
  }

  answered(contact: SimContact, at: number): void {
    const counts = this.#ofArrival(contact);
    const wait = at - contact.arrivedAt;
    counts.answered++;
    counts.answerWaitMs += wait;
    if (wait === 0) counts.answeredAtOnce++;
    if (wait <= (this.#thresholdMs[contact.csq] as number)) counts.answeredWithinThreshold++;
    if (wait > counts.longestWaitMs) counts.longestWaitMs = wait;
  }

  handled(contact: SimContact, at: number): void {
    this.#ofArrival(contact).handled++;
    const ended = this.at(contact.csq, Math.floor(at / this.#intervalMs));
    ended.wrapUpsEnded++;
    ended.handleMs += at - contact.acceptedAt;
  }

  abandoned(contact: SimContact, at: number): void {
    const counts = this.#ofArrival(contact);
    const wait = at - contact.arrivedAt;
    if (wait < this.#shortAbandonMs) {
      counts.shortAbandoned++;
      return;
    }
    counts.abandoned++;
    if (wait <= (this.#thresholdMs[contact.csq] as number)) counts.abandonedWithinThreshold++;
    if (wait > counts.longestWaitMs) counts.longestWaitMs = wait;
  }

  /** A contact the simulation ends with: still waiting (its wait so far counts as a wait), talking or wrapping up. */
  unfinished(contact: SimContact, at: number): void {
    const counts = this.#ofArrival(contact);
    counts.unfinished++;
    const waiting = contact.status === 'queued' || contact.status === 'offered';
    if (waiting && at - contact.arrivedAt > counts.longestWaitMs)
      counts.longestWaitMs = at - contact.arrivedAt;
  }

  /** How many intervals hold any count. */
  get intervalCount(): number {
    return Math.max(0, ...this.#rows.map((rows) => rows.length));
  }
}
