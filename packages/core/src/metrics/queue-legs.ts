import type { Outcome } from '../acd/model.ts';
import { localDateAt, localToInstant } from '../calendar/zoned-time.ts';
import { type AbandonRule, serviceLevel } from './service-level.ts';

/**
 * The contact events that decide a CSQ's contact metrics; the engine's events of these types fit as they are,
 * and storage's rows can be read back into them.
 */
export type LegEvent =
  | { type: 'contact.queued'; contactId: string; at: number; csqId: string; cause: string | null }
  | { type: 'contact.accepted'; contactId: string; at: number }
  | { type: 'contact.transferred'; contactId: string; at: number; toCsqId: string | null }
  | { type: 'contact.ended'; contactId: string; at: number; outcome: Outcome };

export const LEG_EVENT_TYPES = [
  'contact.queued',
  'contact.accepted',
  'contact.transferred',
  'contact.ended',
] as const satisfies readonly LegEvent['type'][];

/**
 * Causes of `contact.queued` that start a new leg: a new contact (no cause), a transfer to a CSQ, a requeue.
 * Any other cause (an offer not answered or declined, a sign-out, recovery, a sticky timeout) puts the same
 * leg back in line.
 */
const NEW_LEG_CAUSES: ReadonlySet<string | null> = new Set([null, 'transferred', 'requeued']);

/** One stay of a contact in one CSQ, from queue entry until it ended or moved on. */
export interface QueueLeg {
  contactId: string;
  csqId: string;
  enteredAt: number;
  /** When an agent first accepted it in this CSQ. */
  answeredAt: number | null;
  /** How it finished: the contact's outcome, or `moved` when transferred or requeued to a CSQ; null while open. */
  end: { at: number; outcome: Outcome | 'moved' } | null;
}

/**
 * Folds contact events, in the order they happened, into legs. Events of a contact whose current leg began
 * before the first event given are skipped until it enters a CSQ again.
 */
export function legsOf(events: Iterable<LegEvent>): QueueLeg[] {
  const legs: QueueLeg[] = [];
  const open = new Map<string, QueueLeg>();
  const close = (contactId: string, at: number, outcome: Outcome | 'moved') => {
    const leg = open.get(contactId);
    if (!leg) return;
    leg.end = { at, outcome };
    open.delete(contactId);
  };
  for (const event of events) {
    switch (event.type) {
      case 'contact.queued': {
        if (!NEW_LEG_CAUSES.has(event.cause)) break;
        close(event.contactId, event.at, 'moved');
        const leg: QueueLeg = {
          contactId: event.contactId,
          csqId: event.csqId,
          enteredAt: event.at,
          answeredAt: null,
          end: null,
        };
        legs.push(leg);
        open.set(event.contactId, leg);
        break;
      }
      case 'contact.accepted': {
        const leg = open.get(event.contactId);
        if (leg && leg.answeredAt === null) leg.answeredAt = event.at;
        break;
      }
      case 'contact.transferred':
        if (event.toCsqId !== null) close(event.contactId, event.at, 'moved');
        break;
      case 'contact.ended':
        close(event.contactId, event.at, event.outcome);
        break;
    }
  }
  return legs;
}

export interface QueueDayOptions {
  /** Legs that entered before this instant (epoch ms) are not counted. */
  from: number;
  now: number;
  thresholdSeconds: number;
  abandons: AbandonRule;
  /** Abandons after a shorter wait count as neither offered nor abandoned; 0 counts every abandon. */
  shortAbandonSeconds: number;
}

export interface QueueDayStats {
  /** Legs that entered the CSQ in the period, short abandons left out. */
  offered: number;
  /** Accepted by an agent (in progress or finished). */
  answered: number;
  /** Answered and finished: ended handled, or handed on to a CSQ by the agent. */
  handled: number;
  /** The customer left before an agent accepted: in queue or while it was offered. */
  abandoned: number;
  /** Withdrawn without an agent (handled elsewhere). */
  dequeued: number;
  answeredWithinThreshold: number;
  abandonedWithinThreshold: number;
  /** Waiting (or offered) and not yet past the threshold: their service-level fate is not known yet. */
  undecided: number;
  serviceLevel: number | null;
}

/**
 * Contact metrics of one CSQ's legs over a period, per METRICS.md: offered by interval of entry; wait timed
 * from queue entry, ring time included. Contacts still waiting count against the service level once they have
 * waited past the threshold; until then they are left out of it.
 */
export function queueDayStats(legs: Iterable<QueueLeg>, options: QueueDayOptions): QueueDayStats {
  const thresholdMs = options.thresholdSeconds * 1000;
  const shortMs = options.shortAbandonSeconds * 1000;
  const stats: QueueDayStats = {
    offered: 0,
    answered: 0,
    handled: 0,
    abandoned: 0,
    dequeued: 0,
    answeredWithinThreshold: 0,
    abandonedWithinThreshold: 0,
    undecided: 0,
    serviceLevel: null,
  };
  for (const leg of legs) {
    if (leg.enteredAt < options.from || leg.enteredAt > options.now) continue;
    const outcome = leg.end?.outcome;
    if (leg.answeredAt !== null) {
      stats.offered++;
      stats.answered++;
      if (leg.answeredAt - leg.enteredAt <= thresholdMs) stats.answeredWithinThreshold++;
      if (outcome === 'handled' || outcome === 'moved') stats.handled++;
    } else if (leg.end && (outcome === 'abandoned' || outcome === 'abandoned_while_offered')) {
      const waited = leg.end.at - leg.enteredAt;
      if (waited < shortMs) continue;
      stats.offered++;
      stats.abandoned++;
      if (waited <= thresholdMs) stats.abandonedWithinThreshold++;
    } else if (leg.end) {
      // Dequeued, or moved on without an agent's answer: handled elsewhere.
      stats.offered++;
      stats.dequeued++;
    } else {
      stats.offered++;
      if (options.now - leg.enteredAt <= thresholdMs) stats.undecided++;
    }
  }
  stats.serviceLevel = serviceLevel(
    {
      offered: stats.offered - stats.undecided,
      answeredWithinThreshold: stats.answeredWithinThreshold,
      abandoned: stats.abandoned,
      abandonedWithinThreshold: stats.abandonedWithinThreshold,
      dequeued: stats.dequeued,
    },
    options.abandons,
  );
  return stats;
}

/** Midnight that began the local day at `atMs` in an IANA time zone (UTC when none is given). */
export function startOfDay(atMs: number, timeZone = 'UTC'): number {
  return localToInstant(timeZone, localDateAt(timeZone, atMs), 0);
}
