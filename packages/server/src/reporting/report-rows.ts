import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import {
  dayBounds,
  formatLocalDate,
  type IntervalMinutes,
  instant,
  intervalAt,
  intervalsBetween,
  isoWithOffset,
  localDateAt,
  type ReportColumn,
  text,
  zoneOffsetMs,
} from '@switchboard/core';
import type { ReportRequest } from './report-request.ts';

export type Cell = string | number | null;
/** One row of a report by column name, as templates that build rows one field at a time make it. */
export type Row = Record<string, Cell>;
/** One row of a report as its cells, in the order of the report's columns: how reports are kept and sent. */
export type Cells = Cell[];

/** Cells with their JSON text, without the brackets ('' for none). */
export interface CellsAndText {
  cells: Cells;
  text: string;
}

export function withText(cells: Cells): CellsAndText {
  return { cells, text: JSON.stringify(cells).slice(1, -1) };
}

/**
 * Rows' JSON texts, each row three parts (its time, its key, its figures) made once and shared by every row that
 * has them: rows are joined into text only when sent, with nothing made per row before.
 */
export class RowTexts {
  readonly #times: string[];
  readonly #keys: string[];
  readonly #figures: string[];

  constructor(times: string[] = [], keys: string[] = [], figures: string[] = []) {
    this.#times = times;
    this.#keys = keys;
    this.#figures = figures;
  }

  get length(): number {
    return this.#figures.length;
  }

  add(time: string, key: string, figures: string): void {
    this.#times.push(time);
    this.#keys.push(key);
    this.#figures.push(figures);
  }

  slice(from: number, to: number): RowTexts {
    return new RowTexts(
      this.#times.slice(from, to),
      this.#keys.slice(from, to),
      this.#figures.slice(from, to),
    );
  }

  /** Rows `from` to `to` as JSON arrays separated by commas. */
  join(from: number, to: number): string {
    const parts: string[] = [];
    for (let i = from; i < Math.min(to, this.length); i++) {
      parts.push(i === from ? '[' : ',[');
      let empty = true;
      for (const text of [this.#times[i], this.#keys[i], this.#figures[i]] as string[]) {
        if (text === '') continue;
        if (!empty) parts.push(',');
        parts.push(text);
        empty = false;
      }
      parts.push(']');
    }
    return parts.join('');
  }
}

/** A row's cells in the order of `columns` (a column the row lacks is null). */
export const cellsOf = (columns: readonly ReportColumn[], row: Row): Cells =>
  columns.map((column) => row[column.name] ?? null);

/** Rows as their cells, in the order of `columns`. */
export const asCells = (columns: readonly ReportColumn[], rows: readonly Row[]): Cells[] =>
  rows.map((row) => cellsOf(columns, row));

/** One row of a report's time axis: an interval of the chosen size, or a local day. */
export interface Bucket {
  start: number;
  end: number;
  label: string;
  /** The zone's offset at its start, ms east of UTC. */
  offsetMs: number;
}

export const TIME_COLUMNS: readonly ReportColumn[] = [
  instant('intervalStart', 'Interval start'),
  text('intervalLabel', 'Interval'),
];

const label = (at: number, offsetMs: number) => {
  const local = new Date(at + offsetMs).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
};

/** The rows of the report's time axis, covering the whole range with no gaps. */
export function bucketsOf(request: ReportRequest): Bucket[] {
  const { timeZone, rowMinutes, start, end } = request;
  if (rowMinutes === 'day') {
    const buckets: Bucket[] = [];
    for (let at = start; at < end; ) {
      const date = localDateAt(timeZone, at);
      const day = dayBounds(timeZone, date);
      buckets.push({
        start: day.start,
        end: day.end,
        label: formatLocalDate(date),
        offsetMs: zoneOffsetMs(timeZone, day.start),
      });
      at = day.end;
    }
    return buckets;
  }
  return intervalsBetween(timeZone, rowMinutes, start, end).map((interval) => ({
    start: interval.start,
    end: interval.end,
    label: label(interval.start, interval.offsetMinutes * 60_000),
    offsetMs: interval.offsetMinutes * 60_000,
  }));
}

/** The bucket an interval row starting at `at` adds into. */
export function bucketStartOf(request: ReportRequest, at: number): number {
  if (request.rowMinutes === 'day')
    return dayBounds(request.timeZone, localDateAt(request.timeZone, at)).start;
  return intervalAt(request.timeZone, request.rowMinutes as IntervalMinutes, at).start;
}

/** The cells of `TIME_COLUMNS` for one bucket. */
export const timeCells = (bucket: Bucket): Cells => [
  isoWithOffset(bucket.start, bucket.offsetMs),
  bucket.label,
];

/** Counts summed per bucket (its start; 0 for a summarized report) and key. */
export class BucketSums<C extends object> {
  readonly #buckets = new Map<number, Map<string, C>>();
  /** Sums made here; a bucket of one stored row holds that row's counts as they are, never changed. */
  readonly #owned = new WeakSet<C>();
  /** Buckets taken as they are from elsewhere (a cache): copied before anything is added to them. */
  readonly #borrowed = new WeakSet<Map<string, C>>();

  /** Takes `keys` as the bucket's sums, without copying them (they must not change while these are read). */
  adopt(bucket: number, keys: Map<string, C>): void {
    this.#buckets.set(bucket, keys);
    this.#borrowed.add(keys);
  }

  get(bucket: number, key: string): C | undefined {
    return this.#buckets.get(bucket)?.get(key);
  }

  /** A bucket's sums by key (nothing when no key has any). */
  bucket(bucket: number): ReadonlyMap<string, C> | undefined {
    return this.#buckets.get(bucket);
  }

  add(bucket: number, key: string, counts: C, zero: () => C, add: (into: C, other: C) => C): void {
    let keys = this.#buckets.get(bucket);
    if (!keys || this.#borrowed.has(keys)) {
      keys = new Map(keys);
      this.#buckets.set(bucket, keys);
    }
    const existing = keys.get(key);
    if (existing === undefined) {
      keys.set(key, counts);
      return;
    }
    const sum = add(this.#owned.has(existing) ? existing : add(zero(), existing), counts);
    this.#owned.add(sum);
    keys.set(key, sum);
  }

  *entries(): Generator<[bucket: number, key: string, counts: C]> {
    for (const [bucket, keys] of this.#buckets) for (const [key, counts] of keys) yield [bucket, key, counts];
  }
}

/** Rows handled between two turns of the event loop: a large report never holds the server for long. */
export const ROWS_PER_TURN = 4_000;

/** Sums keyed counts into buckets × keys; `add` adds one stored row into an accumulator. */
export async function summed<C extends object>(
  request: ReportRequest,
  rows: readonly { at: number; key: string; counts: C }[],
  zero: () => C,
  add: (into: C, other: C) => C,
): Promise<BucketSums<C>> {
  const sums = new BucketSums<C>();
  // Rows share a few thousand starts at most: each start's bucket is worked out once.
  const buckets = new Map<number, number>();
  const bucketOf = (at: number) => {
    let bucket = buckets.get(at);
    if (bucket === undefined) {
      bucket = request.summarize ? 0 : bucketStartOf(request, at);
      buckets.set(at, bucket);
    }
    return bucket;
  };
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await nextTurnOfEventLoop();
    const row = rows[i] as (typeof rows)[number];
    sums.add(bucketOf(row.at), row.key, row.counts, zero, add);
  }
  return sums;
}

export const iso = (value: Date | null) => (value === null ? null : value.toISOString());
export const secondsBetween = (from: Date | null, to: Date | null) =>
  from === null || to === null ? null : (to.getTime() - from.getTime()) / 1000;
