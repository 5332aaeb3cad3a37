import {
  addDays,
  formatLocalDate,
  type LocalDate,
  localDateAt,
  localToInstant,
  zoneOffsetMs,
} from '../calendar/zoned-time.ts';

/** The reporting interval sizes a tenant may choose (PRODUCT.md C7). */
export const INTERVAL_MINUTES = [15, 30, 60] as const;
export type IntervalMinutes = (typeof INTERVAL_MINUTES)[number];
export const DEFAULT_INTERVAL_MINUTES: IntervalMinutes = 15;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Every zone's offset, and every change of it, is a whole number of quarter-hours. */
const STEP_MS = 15 * MINUTE_MS;

/** One reporting interval of a local day: its instants, and the wall-clock time it begins at. */
export interface ReportInterval {
  /** Epoch ms of its first instant. */
  start: number;
  /** Epoch ms just after it: the next interval's start. */
  end: number;
  /** The local date of the day it belongs to. */
  date: LocalDate;
  /** The wall-clock time it begins at, `HH:mm`; on a fall-back day two intervals show the same. */
  localTime: string;
  /** The zone's offset from UTC at its start, in minutes (so `01:00` before and after a fall-back differ). */
  offsetMinutes: number;
}

const pad = (value: number) => String(value).padStart(2, '0');

function wallMinuteOfDay(timeZone: string, at: number): number {
  const local = at + zoneOffsetMs(timeZone, at);
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

const dayCache = new Map<string, readonly ReportInterval[]>();

/**
 * The intervals that really occur on a local day in a zone: each begins when the wall clock shows a multiple of
 * `minutes` past midnight. A spring-forward day has fewer (92 quarter-hours where the clock jumps an hour), a
 * fall-back day more (100: the repeated hour twice, told apart by `offsetMinutes`).
 *
 * @example intervalsOfDay('Europe/Berlin', { year: 2026, month: 3, day: 29 }, 15).length // 92
 */
export function intervalsOfDay(
  timeZone: string,
  date: LocalDate,
  minutes: IntervalMinutes,
): readonly ReportInterval[] {
  const key = `${timeZone} ${formatLocalDate(date)} ${minutes}`;
  const cached = dayCache.get(key);
  if (cached) return cached;
  const dayStart = localToInstant(timeZone, date, 0);
  const dayEnd = localToInstant(timeZone, addDays(date, 1), 0);
  const starts: number[] = [dayStart];
  for (let at = dayStart + STEP_MS; at < dayEnd; at += STEP_MS) {
    if (wallMinuteOfDay(timeZone, at) % minutes === 0) starts.push(at);
  }
  const intervals = starts.map((start, index): ReportInterval => {
    const minute = wallMinuteOfDay(timeZone, start);
    return {
      start,
      end: starts[index + 1] ?? dayEnd,
      date,
      localTime: `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`,
      offsetMinutes: zoneOffsetMs(timeZone, start) / MINUTE_MS,
    };
  });
  if (dayCache.size > 2000) dayCache.clear();
  dayCache.set(key, intervals);
  return intervals;
}

/** The interval an instant falls in. */
export function intervalAt(timeZone: string, minutes: IntervalMinutes, at: number): ReportInterval {
  const intervals = intervalsOfDay(timeZone, localDateAt(timeZone, at), minutes);
  let low = 0;
  let high = intervals.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((intervals[middle] as ReportInterval).start <= at) low = middle;
    else high = middle - 1;
  }
  return intervals[low] as ReportInterval;
}

/** The intervals from the one holding `from` up to the last beginning before `to`. */
export function intervalsBetween(
  timeZone: string,
  minutes: IntervalMinutes,
  from: number,
  to: number,
): ReportInterval[] {
  const result: ReportInterval[] = [];
  let date = localDateAt(timeZone, from);
  for (;;) {
    for (const interval of intervalsOfDay(timeZone, date, minutes)) {
      if (interval.end <= from) continue;
      if (interval.start >= to) return result;
      result.push(interval);
    }
    date = addDays(date, 1);
  }
}

/** An interval's start as ISO-8601 with the zone's offset at that instant, e.g. `2026-10-25T02:15:00+01:00`. */
export const localIso = (timeZone: string, at: number): string =>
  isoWithOffset(at, zoneOffsetMs(timeZone, at));

/** An instant as ISO-8601 with the offset given (ms east of UTC), e.g. an interval's `offsetMinutes`. */
export function isoWithOffset(at: number, offset: number): string {
  const local = new Date(at + offset).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / MINUTE_MS;
  return `${local}${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** A local day's first and last instant (exclusive), the span "today" and report days cover. */
export function dayBounds(timeZone: string, date: LocalDate): { start: number; end: number } {
  return { start: localToInstant(timeZone, date, 0), end: localToInstant(timeZone, addDays(date, 1), 0) };
}

/** Midnight that began the local day at `atMs` in an IANA time zone (UTC when none is given). */
export function startOfDay(atMs: number, timeZone = 'UTC'): number {
  return localToInstant(timeZone, localDateAt(timeZone, atMs), 0);
}
