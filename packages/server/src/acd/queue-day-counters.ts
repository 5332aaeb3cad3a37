import {
  type AcdEvent,
  addContactCounts,
  type ContactCounts,
  type ContactLeg,
  countLeg,
  DetailRecordFold,
  noContactCounts,
} from '@switchboard/core';
import type { Db } from '../db/database.ts';
import { detailRecordsRepository } from '../reporting/detail-records.repository.ts';
import type { AcdRuntime } from './acd-runtime.ts';

const DAY_MS = 86_400_000;
/** Closed legs are kept this long, so a change of zone or threshold recounts the day from memory. */
const KEPT_MS = 2 * DAY_MS;

export interface DayRules {
  /** When the tenant's day began (its zone). */
  dayStart: number;
  now: number;
  shortAbandonSeconds: number;
  thresholdSecondsOf: (csqId: string) => number;
  /** Every CSQ's threshold, so that a changed one recounts. */
  thresholdsKey: string;
}

/** One tenant's legs of the last two days, folded as the router commits them, with today's counts kept running. */
class TenantQueueDay {
  readonly #open = new Set<ContactLeg>();
  #closed: ContactLeg[] = [];
  readonly #fold = new DetailRecordFold((leg) => this.#open.add(leg));
  #running: { key: string; rules: DayRules; counts: Map<string, ContactCounts> } | null = null;

  apply(events: readonly AcdEvent[]): void {
    for (const event of events) this.#fold.apply(event);
    for (const leg of this.#open) {
      if (leg.outcome === null) continue;
      this.#open.delete(leg);
      this.#closed.push(leg);
      const running = this.#running;
      if (running && leg.enteredAt >= running.rules.dayStart) countInto(running.counts, leg, running.rules);
    }
  }

  /** Today's counts per CSQ: the closed legs' running sums, and the open legs counted as of now. */
  today(rules: DayRules): Map<string, ContactCounts> {
    const key = `${rules.dayStart} ${rules.shortAbandonSeconds} ${rules.thresholdsKey}`;
    if (this.#running?.key !== key) {
      this.#closed = this.#closed.filter((leg) => leg.enteredAt >= rules.now - KEPT_MS);
      const counts = new Map<string, ContactCounts>();
      for (const leg of this.#closed) if (leg.enteredAt >= rules.dayStart) countInto(counts, leg, rules);
      this.#running = { key, rules, counts };
    }
    const result = new Map<string, ContactCounts>();
    for (const [csqId, counts] of this.#running.counts)
      result.set(csqId, addContactCounts(noContactCounts(), counts));
    for (const leg of this.#open)
      if (leg.enteredAt >= rules.dayStart && leg.enteredAt <= rules.now) countInto(result, leg, rules);
    return result;
  }
}

function countInto(counts: Map<string, ContactCounts>, leg: ContactLeg, rules: DayRules): void {
  let csq = counts.get(leg.csqId);
  if (!csq) {
    csq = noContactCounts();
    counts.set(leg.csqId, csq);
  }
  countLeg(csq, leg, {
    thresholdSeconds: rules.thresholdSecondsOf(leg.csqId),
    shortAbandonSeconds: rules.shortAbandonSeconds,
    now: rules.now,
  });
}

/**
 * Each CSQ's contact figures of the day so far, kept running from the router's committed events instead of reading
 * the day's events again on every refresh. Each tenant's state is read from storage once, as its router is built.
 */
export class QueueDayCounters {
  readonly #db: Db;
  readonly #now: () => number;
  readonly #tenants = new Map<string, { day: TenantQueueDay; stop: () => void }>();

  constructor(db: Db, acd: AcdRuntime, now: () => number) {
    this.#db = db;
    this.#now = now;
    acd.onLoad(async (tenantId) => {
      const day = new TenantQueueDay();
      const since = new Date(this.#now() - KEPT_MS);
      const contactIds = await this.#contactsSince(tenantId, since);
      day.apply(await detailRecordsRepository.eventsOf(this.#db, tenantId, contactIds));
      this.#tenants.get(tenantId)?.stop();
      const stop = acd.committed.subscribe(tenantId, (events) => day.apply(events));
      this.#tenants.set(tenantId, { day, stop });
    });
  }

  /** Today's counts per CSQ of a tenant whose router is loaded (load it first). */
  today(tenantId: string, rules: DayRules): Map<string, ContactCounts> {
    return this.#tenants.get(tenantId)?.day.today(rules) ?? new Map();
  }

  /** Contacts created since `since`, and any still open. */
  async #contactsSince(tenantId: string, since: Date): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('contacts')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where((eb) => eb.or([eb('created_at', '>=', since), eb('status', '<>', 'ended')]))
      .execute();
    return rows.map((row) => row.id);
  }
}
