import { PerformanceObserver } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Db } from '../../packages/server/src/db/database.ts';
import { captureTenant } from '../../packages/server/src/reporting/capture.ts';
import { INTERVAL_TABLES } from '../../packages/server/src/reporting/interval-tables.repository.ts';
import { OPEN_HOURS } from './center.ts';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const QUARTER_MS = 15 * MINUTE_MS;
/** The default capture delay: the minute job's run at `end + delay` closes the interval ending at `end`. */
const CAPTURE_DELAY_MS = 2 * MINUTE_MS;

export interface TimedClose {
  ms: number;
  interval: number;
  gcMs: number;
}

export interface ReplayedCloses {
  /**
   * Each close's run: the interval that ended counted from the records and the trace, and its rows written; with
   * the interval's start and the garbage collectors' pauses in the run.
   */
  closes: TimedClose[];
  /** Every other run: the contacts of the minute folded, their records written. */
  minuteRuns: number[];
}

/**
 * Replays the minute job of a running server over the open hours of `day` (a UTC midnight), minute by minute, as
 * if the day were happening now: every interval of the day open, every contact's records and every interval row
 * from the start of the open hours written as new (they are forgotten first), each close starting from where the
 * minute runs before it left the process, and each interval closed at its end plus the capture delay. The
 * capture's own code on the stored history does all the work; each run from the opening is timed. The day's rows
 * and records are all written again by the end, as they were.
 */
export async function replayCloses(db: Db, tenantId: string, day: number): Promise<ReplayedCloses> {
  const open = day + OPEN_HOURS.from * HOUR_MS;
  const close = day + OPEN_HOURS.to * HOUR_MS;
  // From the interval before the opening, whose close is not timed: it reads the agents' states from the trace,
  // as a server's first close after a start does, and leaves them with the process for the next one.
  const from = open - QUARTER_MS;
  await forget(db, tenantId, from, close);
  await db
    .updateTable('report_captures')
    .set({
      captured_until: new Date(from),
      folded_until: new Date(from - CAPTURE_DELAY_MS),
      recount: '[]',
    })
    .where('tenant_id', '=', tenantId)
    .execute();
  const times: ReplayedCloses = { closes: [], minuteRuns: [] };
  const pauses: { start: number; duration: number }[] = [];
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, duration: entry.duration });
  });
  gc.observe({ entryTypes: ['gc'] });
  const runs: { start: number; end: number; interval: number }[] = [];
  for (let at = from + MINUTE_MS; at <= close + CAPTURE_DELAY_MS; at += MINUTE_MS) {
    const t = performance.now();
    await captureTenant(db, tenantId, at);
    const end = performance.now();
    // A turn of the event loop, as the job runner gives between runs: the collectors' pauses are reported in it.
    await new Promise((resolve) => setImmediate(resolve));
    const closed = at - CAPTURE_DELAY_MS;
    if (closed <= open) continue;
    if ((closed - open) % QUARTER_MS === 0) runs.push({ start: t, end, interval: closed - QUARTER_MS });
    else times.minuteRuns.push(end - t);
  }
  for (const entry of gc.takeRecords()) pauses.push({ start: entry.startTime, duration: entry.duration });
  gc.disconnect();
  for (const run of runs) {
    const within = pauses.filter((pause) => pause.start >= run.start && pause.start < run.end);
    times.closes.push({
      ms: run.end - run.start,
      interval: run.interval,
      gcMs: within.reduce((sum, pause) => sum + pause.duration, 0),
    });
  }
  return times;
}

/** Forgets the interval rows from `from` to `to` and the records of every contact with an event between them. */
async function forget(db: Db, tenantId: string, from: number, to: number): Promise<void> {
  for (const table of [...INTERVAL_TABLES, 'interval_hashes'])
    await sql`delete from ${sql.table(table)} where tenant_id = ${tenantId}
      and interval_start >= ${new Date(from)} and interval_start < ${new Date(to)}`.execute(db);
  await sql`update contact_legs set records_hash = null
    where tenant_id = ${tenantId} and leg = 0 and contact_id in (
      select contact_id from contact_events
      where tenant_id = ${tenantId} and at >= ${new Date(from)} and at < ${new Date(to)})`.execute(db);
}
