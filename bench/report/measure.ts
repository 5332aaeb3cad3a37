import type { LocalDate } from '@switchboard/core';
import { sql } from 'kysely';
import type { Db } from '../../packages/server/src/db/database.ts';
import { recaptureDay, refreshStatistics } from '../../packages/server/src/reporting/capture.ts';
import { replayCloses, type TimedClose } from './closes.ts';
import type { History } from './history.ts';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const QUARTER_MS = 15 * MINUTE_MS;
/** The default capture delay (minutes): a capture at `end + delay` takes the interval ending at `end`. */
const CAPTURE_DELAY_MS = 2 * 60_000;
/** The weekdays at the end of the history whose minute job is replayed, each close timed (see `replayCloses`). */
const CLOSE_DAYS = 3;
export const RAW_RUNS = 5;

export const percentile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number);
};
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

export const localDateOf = (ms: number): LocalDate => {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface CaptureFigures {
  recapture_all_s: number;
  recapture_day_s: number;
  recapture_days_s: number[];
  /** A day recaptured for the first time (every record and interval row written): the median over the history. */
  recapture_day_first_s: number;
  interval_p50_ms: number;
  interval_p99_ms: number;
  interval_max_ms: number;
  /** The minute job's other runs over the same hours: a minute's contacts folded, their records written. */
  minute_run_p50_ms: number;
  minute_run_p99_ms: number;
  legs: number;
  raw_groupby_ms: number[];
  raw_groupby_rows: number;
}

/**
 * With the real capture code on the history: every day recaptured in order (the whole history: every record and
 * row written), then three weekdays recaptured again as the nightly job does (every contact folded and every
 * interval counted again, only what changed written; one day's time: the median), then the minute job of the
 * last weekdays' open hours replayed as a running server runs it, every interval's close timed (see `replayCloses`).
 */
export async function measureCapture(
  db: Db,
  history: History,
  progress: (line: string) => void,
): Promise<CaptureFigures> {
  const now = Date.now();
  const { tenantId, from, days } = history;
  const started = performance.now();
  const firstTimes: number[] = [];
  for (let d = 0; d < days; d++) {
    const t = performance.now();
    await recaptureDay(db, tenantId, localDateOf(from + d * DAY_MS), now);
    firstTimes.push((performance.now() - t) / 1000);
    // As the nightly job does after its recapture.
    await refreshStatistics(db);
    if ((d + 1) % 10 === 0 || d + 1 === days)
      progress(
        `  recaptured ${d + 1}/${days} days in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
  }
  const recaptureAll = (performance.now() - started) / 1000;
  const legs = Number(
    (
      await db
        .selectFrom('contact_legs')
        .select(sql<string>`count(*)`.as('n'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirstOrThrow()
    ).n,
  );

  const weekdays = Array.from({ length: days }, (_, d) => from + d * DAY_MS).filter((day) => {
    const weekday = new Date(day).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  });
  const dayTimes: number[] = [];
  for (const day of [weekdays.at(-1), weekdays.at(-6), weekdays[0]].filter((d) => d !== undefined)) {
    const t = performance.now();
    await recaptureDay(db, tenantId, localDateOf(day), now);
    dayTimes.push((performance.now() - t) / 1000);
  }
  progress(`  one day recaptured in ${dayTimes.map((s) => s.toFixed(2)).join(', ')} s`);

  const closes: TimedClose[] = [];
  const minuteTimes: number[] = [];
  for (const day of weekdays.slice(-CLOSE_DAYS)) {
    const replayed = await replayCloses(db, tenantId, day);
    closes.push(...replayed.closes);
    minuteTimes.push(...replayed.minuteRuns);
  }
  const intervalTimes = closes.map((close) => close.ms);
  const ms = (values: number[], q: number) => percentile(values, q).toFixed(1);
  // The slowest closes with their interval (UTC) and the collectors' pauses in them.
  const slowest = [...closes]
    .sort((x, y) => y.ms - x.ms)
    .slice(0, 3)
    .map(
      ({ ms: time, interval, gcMs }) =>
        `${time.toFixed(0)} ms (${new Date(interval).toISOString().slice(11, 16)} UTC, GC ${gcMs.toFixed(0)} ms)`,
    );
  progress(
    `  ${intervalTimes.length} intervals closed: p50 ${ms(intervalTimes, 0.5)} ms, p90 ${ms(intervalTimes, 0.9)} ms, p99 ${ms(intervalTimes, 0.99)} ms, the slowest ${slowest.join(', ')}; the ${minuteTimes.length} minute runs between them: p50 ${ms(minuteTimes, 0.5)} ms, p99 ${ms(minuteTimes, 0.99)} ms`,
  );
  const raw = await measureRawGroupBy(db, history);
  return {
    recapture_all_s: round(recaptureAll),
    recapture_day_s: round(percentile(dayTimes, 0.5), 2),
    recapture_days_s: dayTimes.map((s) => round(s, 2)),
    recapture_day_first_s: round(percentile(firstTimes, 0.5), 2),
    interval_p50_ms: round(percentile(intervalTimes, 0.5)),
    interval_p99_ms: round(percentile(intervalTimes, 0.99)),
    interval_max_ms: round(Math.max(...intervalTimes)),
    minute_run_p50_ms: round(percentile(minuteTimes, 0.5)),
    minute_run_p99_ms: round(percentile(minuteTimes, 0.99)),
    legs,
    raw_groupby_ms: raw.times,
    raw_groupby_rows: raw.rows,
  };
}

/** The last 31 days of the history: the range of the 31-day report. */
export function reportRange(history: History): { from: number; to: number } {
  const to = history.from + history.days * DAY_MS;
  return { from: to - 31 * DAY_MS, to };
}

/**
 * The reference: the 31-day CSQ activity at 15-minute rows computed in one SQL GROUP BY over the raw legs
 * (offered, answered, abandoned, handled, answer wait, talk, hold, wrap, per CSQ and quarter of an hour).
 */
async function measureRawGroupBy(db: Db, history: History): Promise<{ times: number[]; rows: number }> {
  const range = reportRange(history);
  const times: number[] = [];
  let rows = 0;
  for (let n = 0; n < RAW_RUNS; n++) {
    const t = performance.now();
    const result = await sql`
      select csq_id,
        to_timestamp(floor(extract(epoch from entered_at) / 900) * 900) as interval_start,
        count(*) as offered,
        count(answered_at) as answered,
        count(*) filter (where outcome in ('abandoned', 'abandoned_while_offered')) as abandoned,
        count(*) filter (where outcome = 'handled') as handled,
        count(*) filter (where answered_at - entered_at <= interval '20 seconds') as answered_within_threshold,
        coalesce(sum(extract(epoch from answered_at - entered_at) * 1000), 0) as answer_wait_ms,
        coalesce(max(extract(epoch from coalesce(answered_at, ended_at) - entered_at) * 1000), 0) as longest_wait_ms,
        sum(talk_ms) as talk_ms, sum(hold_ms) as hold_ms, sum(wrap_ms) as wrap_ms,
        sum(no_answers) as no_answers, sum(transfers_out) as transfers_out
      from contact_legs
      where tenant_id = ${history.tenantId} and entered_at >= ${new Date(range.from)}
        and entered_at < ${new Date(range.to)}
      group by 1, 2
      order by 2, 1`.execute(db);
    times.push(round(performance.now() - t));
    rows = result.rows.length;
  }
  return { times, rows };
}

/**
 * Leaves the capture position, and the fold's, at the last interval closed by now (the history ends before it):
 * the running server's minute job then has nothing to catch up, and captures only what the load itself brings
 * (the bench decides what else runs).
 */
export async function settleCapture(db: Db, history: History): Promise<void> {
  const horizon = Math.floor((Date.now() - CAPTURE_DELAY_MS) / QUARTER_MS) * QUARTER_MS;
  await db
    .updateTable('report_captures')
    .set({ captured_until: new Date(horizon), folded_until: new Date(horizon), recount: '[]' })
    .where('tenant_id', '=', history.tenantId)
    .execute();
}
