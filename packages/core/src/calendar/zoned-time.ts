/**
 * Wall-clock time in an IANA time zone and the way back to an instant, using only Intl: the zone
 * rules come from the ICU data built into the runtime, so no time-zone database is shipped here.
 */

export const MINUTES_PER_DAY = 1440;
const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const DAY_MS = MINUTES_PER_DAY * MINUTE_MS;

/** A calendar date with no time zone; month and day count from 1. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

interface WallTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The canonical name of an IANA time zone, or null when the runtime does not know it. */
export function canonicalTimeZone(name: string): string | null {
  if (name.trim() === '') return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Epoch milliseconds of a wall time read as if it were UTC (years below 100 are not shifted to 19xx). */
export function utcMs(date: LocalDate, minuteOfDay = 0, second = 0): number {
  const day = new Date(0);
  day.setUTCFullYear(date.year, date.month - 1, date.day);
  return day.getTime() + minuteOfDay * MINUTE_MS + second * SECOND_MS;
}

function dateOfUtcMs(ms: number): LocalDate {
  const day = new Date(ms);
  return { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOfUtcMs(utcMs(date) + days * DAY_MS);
}

/** 0 = Monday … 6 = Sunday. */
export function dayOfWeek(date: LocalDate): number {
  return (new Date(utcMs(date)).getUTCDay() + 6) % 7;
}

export function formatLocalDate(date: LocalDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

function wallTime(timeZone: string, atMs: number): WallTime {
  const wall: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(atMs)) {
    if (part.type in wall) wall[part.type as keyof WallTime] = Number(part.value);
  }
  return wall;
}

/** The local date in the zone at an instant. */
export function localDateAt(timeZone: string, atMs: number): LocalDate {
  const { year, month, day } = wallTime(timeZone, atMs);
  return { year, month, day };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds (a whole number of seconds). */
export function zoneOffsetMs(timeZone: string, atMs: number): number {
  const wall = wallTime(timeZone, atMs);
  const asUtc = utcMs(wall, wall.hour * 60 + wall.minute, wall.second);
  return asUtc - Math.floor(atMs / SECOND_MS) * SECOND_MS;
}

/**
 * The instant at which the zone's wall clock shows `minuteOfDay` (0…1440; 1440 is midnight of the next
 * day) on `date`.
 *
 * - A wall time inside a spring-forward gap never happens; it resolves to the first valid instant after
 *   it, which is the transition itself (02:30 on 2026-03-29 in Europe/Berlin ⇒ 03:00 CEST).
 * - A wall time inside a fall-back repeated hour happens twice; it resolves to the first occurrence
 *   (01:30 on 2026-11-01 in America/New_York ⇒ 01:30 EDT).
 *
 * Both rules keep the mapping non-decreasing in wall time, so ordered wall intervals stay ordered.
 */
export function localToInstant(timeZone: string, date: LocalDate, minuteOfDay: number): number {
  const wall = utcMs(date, minuteOfDay);
  // Every zone's offset lies within ±14 h, so the instant is within a day of `wall`; the offsets a day
  // either side are the ones in force before and after any transition near it.
  const before = zoneOffsetMs(timeZone, wall - DAY_MS);
  const after = zoneOffsetMs(timeZone, wall + DAY_MS);
  const valid = [wall - before, wall - after].filter(
    (candidate) => zoneOffsetMs(timeZone, candidate) === wall - candidate,
  );
  if (valid.length > 0) return Math.min(...valid);
  // In a gap: under the earlier offset the wall time reads as already past the transition, under the
  // later one as not yet there, so the transition lies between the two candidates.
  return firstChangeAfter(
    timeZone,
    Math.min(wall - before, wall - after),
    Math.max(wall - before, wall - after),
  );
}

/** The first instant in (from, to] whose offset differs from the offset at `from` (both whole seconds). */
function firstChangeAfter(timeZone: string, from: number, to: number): number {
  const offset = zoneOffsetMs(timeZone, from);
  let low = from;
  let high = to;
  while (high - low > SECOND_MS) {
    const middle = low + Math.floor((high - low) / (2 * SECOND_MS)) * SECOND_MS;
    if (zoneOffsetMs(timeZone, middle) === offset) low = middle;
    else high = middle;
  }
  return high;
}
