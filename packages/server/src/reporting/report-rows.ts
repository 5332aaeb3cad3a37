import {
  dayBounds,
  formatLocalDate,
  type IntervalMinutes,
  instant,
  intervalAt,
  intervalsBetween,
  localDateAt,
  localIso,
  type ReportColumn,
  text,
  zoneOffsetMs,
} from '@switchboard/core';
import type { ReportRequest } from './report-request.ts';

export type Row = Record<string, string | number | null>;

/** One row of a report's time axis: an interval of the chosen size, or a local day. */
export interface Bucket {
  start: number;
  end: number;
  label: string;
}

export const TIME_COLUMNS: readonly ReportColumn[] = [
  instant('intervalStart', 'Interval start'),
  text('intervalLabel', 'Interval'),
];

const label = (timeZone: string, at: number) => {
  const local = new Date(at + zoneOffsetMs(timeZone, at)).toISOString();
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
      buckets.push({ start: day.start, end: day.end, label: formatLocalDate(date) });
      at = day.end;
    }
    return buckets;
  }
  return intervalsBetween(timeZone, rowMinutes, start, end).map((interval) => ({
    start: interval.start,
    end: interval.end,
    label: label(timeZone, interval.start),
  }));
}

/** The bucket an interval row starting at `at` adds into. */
export function bucketStartOf(request: ReportRequest, at: number): number {
  if (request.rowMinutes === 'day')
    return dayBounds(request.timeZone, localDateAt(request.timeZone, at)).start;
  return intervalAt(request.timeZone, request.rowMinutes as IntervalMinutes, at).start;
}

export const timeCells = (request: ReportRequest, bucket: Bucket): Row => ({
  intervalStart: localIso(request.timeZone, bucket.start),
  intervalLabel: bucket.label,
});

/** Sums keyed counts into buckets × keys; `add` adds one stored row into an accumulator. */
export function summed<C>(
  request: ReportRequest,
  rows: Iterable<{ at: number; key: string; counts: C }>,
  zero: () => C,
  add: (into: C, other: C) => C,
): Map<string, C> {
  const sums = new Map<string, C>();
  for (const row of rows) {
    const id = `${request.summarize ? 0 : bucketStartOf(request, row.at)}|${row.key}`;
    sums.set(id, add(sums.get(id) ?? zero(), row.counts));
  }
  return sums;
}

export const iso = (value: Date | null) => (value === null ? null : value.toISOString());
export const secondsBetween = (from: Date | null, to: Date | null) =>
  from === null || to === null ? null : (to.getTime() - from.getTime()) / 1000;
