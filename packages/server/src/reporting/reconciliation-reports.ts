import assert from 'node:assert/strict';
import {
  addContactCounts,
  type ContactCounts,
  dayBounds,
  formatLocalDate,
  intervalAt,
  intervalsOfDay,
  noContactCounts,
} from '@switchboard/core';
import { call } from '../testing/test-app.ts';
import { adminOf, type Center, TIME_ZONE } from './reconciliation-center.ts';
import type { Keyed } from './reconciliation-expected.ts';

export type Rows = 'quarter' | 'hour' | 'day' | 'summary';
type ReportRow = Record<string, string | number | null>;

const QUERY: Record<Rows, string> = {
  quarter: 'rows=15',
  hour: 'rows=60',
  day: 'rows=day',
  summary: 'summarize=true',
};

/** A report of the center's day through the API, every page. */
export async function report(center: Center, template: string, rows: Rows, extra = ''): Promise<ReportRow[]> {
  const date = formatLocalDate(center.date);
  const all: ReportRow[] = [];
  let cursor: string | null = null;
  do {
    const page = `${cursor === null ? '' : `&cursor=${cursor}`}&limit=200`;
    const url = `/reports/${template}?from=${date}&to=${date}&${QUERY[rows]}${extra}${page}`;
    const r = await call(center.server, await adminOf(center), 'GET', url);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    all.push(...r.body.rows);
    cursor = r.body.next;
  } while (cursor !== null);
  return all;
}

/** The row a quarter-hour starting at `at` adds into. */
export function bucketOf(center: Center, rows: Rows, at: number): number {
  if (rows === 'quarter') return at;
  if (rows === 'hour') return intervalAt(TIME_ZONE, 60, at).start;
  return dayBounds(TIME_ZONE, center.date).start;
}

/** Stored CSQ interval rows summed into the report's rows: `<row start>|<csqId>`, zeros where nothing. */
export function expectedCsqRows(center: Center, rows: Rows, stored: Keyed<ContactCounts>) {
  const sums = new Map<string, ContactCounts>();
  for (const interval of intervalsOfDay(TIME_ZONE, center.date, 15))
    for (const csq of Object.values(center.csqs))
      sums.set(`${bucketOf(center, rows, interval.start)}|${csq.id}`, noContactCounts());
  for (const [key, counts] of stored) {
    const [start, csqId] = key.split('|') as [string, string];
    const id = `${bucketOf(center, rows, Number(start))}|${csqId}`;
    const into = sums.get(id);
    assert.ok(into, `a stored row outside the day: ${key}`);
    addContactCounts(into, counts);
  }
  return sums;
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

/** The report's figures recomputed by hand from summed counts (docs/metrics.md, abandons counted against). */
export function figuresOf(counts: ContactCounts) {
  return {
    offered: counts.offered,
    answered: counts.answered,
    handled: counts.handled,
    abandoned: counts.abandoned,
    abandonedInQueue: counts.abandonedInQueue,
    abandonedWhileOffered: counts.abandonedWhileOffered,
    shortAbandoned: counts.shortAbandoned,
    dequeued: counts.dequeued,
    answeredWithinThreshold: counts.answeredWithinThreshold,
    abandonedWithinThreshold: counts.abandonedWithinThreshold,
    serviceLevel: ratio(counts.answeredWithinThreshold, counts.offered - counts.undecided - counts.dequeued),
    asaSeconds: ratio(counts.answerWaitMs, counts.answered * 1000),
    ahtSeconds: ratio(counts.talkMs + counts.holdMs + counts.wrapMs, counts.handleCount * 1000),
    handleCount: counts.handleCount,
    talkSeconds: counts.talkMs / 1000,
    holdSeconds: counts.holdMs / 1000,
    wrapSeconds: counts.wrapMs / 1000,
    abandonRate: ratio(counts.abandoned, counts.offered),
    longestWaitSeconds: counts.longestWaitMs / 1000,
    noAnswers: counts.noAnswers,
    transfersOut: counts.transfersOut,
  };
}

/** Equal figure by figure; rates (divisions done in another order) to 1e-12. */
export function assertFigures(actual: ReportRow, expected: ReturnType<typeof figuresOf>, where: string) {
  for (const [name, value] of Object.entries(expected)) {
    const got = actual[name];
    if (typeof value === 'number' && typeof got === 'number' && !Number.isInteger(value))
      assert.ok(Math.abs(got - value) < 1e-12, `${where} ${name}: ${got} ≠ ${value}`);
    else assert.equal(got, value, `${where} ${name}`);
  }
}
