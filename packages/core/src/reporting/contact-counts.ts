import { type AbandonRule, serviceLevel } from '../metrics/service-level.ts';
import type { ContactLeg } from './detail-records.ts';

/** Whether a leg's contact counts go to the interval it entered the CSQ in (the usual WFM choice) or ended in. */
export const INTERVAL_BASES = ['entry', 'completion'] as const;
export type IntervalBasis = (typeof INTERVAL_BASES)[number];

/**
 * Additive contact counts of a CSQ (or call type) over an interval: intervals add up to days and reports by
 * summing, and every rate is derived from the sums by `contactMetrics`.
 */
export interface ContactCounts {
  /** Legs that entered, short abandons left out. */
  offered: number;
  answered: number;
  /** Answered, and finished by the agent (ended handled, or handed on to another CSQ). */
  handled: number;
  /** Left before an agent answered, after the short-abandon threshold. */
  abandoned: number;
  abandonedInQueue: number;
  abandonedWhileOffered: number;
  /** Left sooner than the short-abandon threshold: neither offered nor abandoned. */
  shortAbandoned: number;
  /** Ended or moved on without an agent's answer (handled elsewhere). */
  dequeued: number;
  /** Still waiting or being handled when counted. */
  open: number;
  /** Waiting, and not yet past the threshold (live) or not yet ended (stored): out of the service level. */
  undecided: number;
  answeredWithinThreshold: number;
  abandonedWithinThreshold: number;
  /** Queue and ring time of answered legs. */
  answerWaitMs: number;
  /** The longest wait of a leg counted here: answered, abandoned, or (live) still waiting. */
  longestWaitMs: number;
  /** Legs whose handling ended in the interval (AHT's denominator, by completion whatever the basis). */
  handleCount: number;
  talkMs: number;
  holdMs: number;
  wrapMs: number;
  /** Offers that rang out unanswered. */
  noAnswers: number;
  transfersOut: number;
}

export const noContactCounts = (): ContactCounts => ({
  offered: 0,
  answered: 0,
  handled: 0,
  abandoned: 0,
  abandonedInQueue: 0,
  abandonedWhileOffered: 0,
  shortAbandoned: 0,
  dequeued: 0,
  open: 0,
  undecided: 0,
  answeredWithinThreshold: 0,
  abandonedWithinThreshold: 0,
  answerWaitMs: 0,
  longestWaitMs: 0,
  handleCount: 0,
  talkMs: 0,
  holdMs: 0,
  wrapMs: 0,
  noAnswers: 0,
  transfersOut: 0,
});

export const CONTACT_COUNT_FIELDS = Object.keys(noContactCounts()) as (keyof ContactCounts)[];

/** Adds `other` into `into`: sums, and the larger longest wait. */
export function addContactCounts(into: ContactCounts, other: ContactCounts): ContactCounts {
  for (const field of CONTACT_COUNT_FIELDS) {
    into[field] =
      field === 'longestWaitMs' ? Math.max(into[field], other[field]) : into[field] + other[field];
  }
  return into;
}

export interface ContactCountOptions {
  thresholdSeconds: number;
  /** Abandons after a shorter wait count as neither offered nor abandoned; 0 counts every abandon. */
  shortAbandonSeconds: number;
  /** For legs still waiting: the time counted at. Stored intervals leave it out: such legs stay undecided. */
  now?: number;
}

/**
 * Counts one leg's contact figures (everything but the handle time) into `counts`: by the interval of entry,
 * or with the `completion` basis by the interval its leg ended in (an open leg is counted only by entry).
 */
export function countLeg(counts: ContactCounts, leg: ContactLeg, options: ContactCountOptions): void {
  const thresholdMs = options.thresholdSeconds * 1000;
  const outcome = leg.outcome;
  counts.noAnswers += leg.noAnswers;
  counts.transfersOut += leg.transfersOut;
  if (leg.answeredAt !== null) {
    const wait = leg.answeredAt - leg.enteredAt;
    counts.offered++;
    counts.answered++;
    counts.answerWaitMs += wait;
    counts.longestWaitMs = Math.max(counts.longestWaitMs, wait);
    if (wait <= thresholdMs) counts.answeredWithinThreshold++;
    if (outcome === null) counts.open++;
    else if (outcome !== 'abandoned' && outcome !== 'abandoned_while_offered' && outcome !== 'dequeued')
      counts.handled++;
    return;
  }
  if (leg.endedAt === null || outcome === null) {
    counts.offered++;
    counts.open++;
    if (options.now === undefined) {
      counts.undecided++;
      return;
    }
    const waited = options.now - leg.enteredAt;
    counts.longestWaitMs = Math.max(counts.longestWaitMs, waited);
    if (waited <= thresholdMs) counts.undecided++;
    return;
  }
  const waited = leg.endedAt - leg.enteredAt;
  if (outcome === 'abandoned' || outcome === 'abandoned_while_offered') {
    if (waited < options.shortAbandonSeconds * 1000) {
      counts.shortAbandoned++;
      return;
    }
    counts.offered++;
    counts.abandoned++;
    if (outcome === 'abandoned') counts.abandonedInQueue++;
    else counts.abandonedWhileOffered++;
    counts.longestWaitMs = Math.max(counts.longestWaitMs, waited);
    if (waited <= thresholdMs) counts.abandonedWithinThreshold++;
    return;
  }
  counts.offered++;
  counts.dequeued++;
  counts.longestWaitMs = Math.max(counts.longestWaitMs, waited);
}

/** Counts one answered leg's handle time into the interval where its handling ended. */
export function countHandling(counts: ContactCounts, leg: ContactLeg): void {
  if (leg.answeredAt === null || leg.handleEndedAt === null) return;
  counts.handleCount++;
  counts.talkMs += leg.talkMs;
  counts.holdMs += leg.holdMs;
  counts.wrapMs += leg.wrapMs;
}

/** The instant that places a leg's contact figures in an interval under a basis; null: not placed yet. */
export function legPlacedAt(leg: ContactLeg, basis: IntervalBasis): number | null {
  return basis === 'entry' ? leg.enteredAt : leg.endedAt;
}

/**
 * Counts legs into buckets: each leg's contact figures into the bucket of its placing instant under the basis
 * (open legs under `completion` are left out until they end), its handle time into the bucket of when its
 * handling ended. `bucketOf` names the bucket, e.g. the CSQ and the interval.
 */
export function countLegs<Key>(
  legs: Iterable<ContactLeg>,
  bucketOf: (leg: ContactLeg, at: number) => Key,
  options: ContactCountOptions,
  basis: IntervalBasis = 'entry',
): Map<Key, ContactCounts> {
  const buckets = new Map<Key, ContactCounts>();
  const countsAt = (leg: ContactLeg, at: number): ContactCounts => {
    const key = bucketOf(leg, at);
    const counts = buckets.get(key) ?? noContactCounts();
    buckets.set(key, counts);
    return counts;
  };
  for (const leg of legs) {
    const placedAt = legPlacedAt(leg, basis);
    if (placedAt !== null) countLeg(countsAt(leg, placedAt), leg, options);
    if (leg.answeredAt !== null && leg.handleEndedAt !== null)
      countHandling(countsAt(leg, leg.handleEndedAt), leg);
  }
  return buckets;
}

export interface ContactMetrics {
  serviceLevel: number | null;
  /** Answer wait ÷ answered, seconds. */
  asaSeconds: number | null;
  /** (Talk + hold + wrap-up) ÷ legs whose handling ended, seconds. */
  ahtSeconds: number | null;
  /** Abandoned ÷ offered. */
  abandonRate: number | null;
  longestWaitSeconds: number;
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

/**
 * The rates of METRICS.md from summed counts. Legs whose service-level fate is unknown (waiting, within the
 * threshold) are left out of the service level; an open leg past the threshold counts against it.
 */
export function contactMetrics(counts: ContactCounts, rule: AbandonRule): ContactMetrics {
  return {
    serviceLevel: serviceLevel(
      {
        offered: counts.offered - counts.undecided,
        answeredWithinThreshold: counts.answeredWithinThreshold,
        abandoned: counts.abandoned,
        abandonedWithinThreshold: counts.abandonedWithinThreshold,
        dequeued: counts.dequeued,
      },
      rule,
    ),
    asaSeconds: ratio(counts.answerWaitMs / 1000, counts.answered),
    ahtSeconds: ratio((counts.talkMs + counts.holdMs + counts.wrapMs) / 1000, counts.handleCount),
    abandonRate: ratio(counts.abandoned, counts.offered),
    longestWaitSeconds: counts.longestWaitMs / 1000,
  };
}
