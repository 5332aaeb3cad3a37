import { canonicalTimeZone, HOUR_MS, invalid, MINUTE_MS, zoneOffsetMs } from '@switchboard/core';

/**
 * The center's wall clock: instants to local days and minutes of the day. A local day is numbered like an
 * epoch day (0 = 1970-01-01), so day arithmetic and weekdays need no time zone. The zone's offsets come from
 * core's zoned time (Intl only), the one conversion the product has.
 */

export { HOUR_MS, MINUTE_MS };
export const DAY_MS = 24 * HOUR_MS;
export const MINUTES_PER_DAY = 1440;
/** No zone shifts its clock by more than this at a transition. */
const LARGEST_SHIFT_MS = 2 * HOUR_MS;

export interface LocalTime {
  day: number;
  minuteOfDay: number;
}

export interface LocalClock {
  readonly timeZone: string;
  toLocal(atMs: number): LocalTime;
  /** How far the wall clock is ahead of UTC at an instant. */
  offsetMs(atMs: number): number;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The local day of a 'YYYY-MM-DD' date. */
export function dayOfDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw invalid(`"${date}" is not a date of the form YYYY-MM-DD.`, { date });
  }
  return ms / DAY_MS;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Hour offsets a clock remembers before it starts afresh (about 11 years of hours). */
const OFFSET_CACHE_LIMIT = 100_000;
const clocks = new Map<string, LocalClock>();

/**
 * The clock of an IANA time zone. Offsets are cached per UTC hour and clocks per zone (Intl is costly to
 * call), so converting long series stays cheap.
 */
export function localClock(timeZone: string): LocalClock {
  let clock = clocks.get(timeZone);
  if (clock === undefined) {
    clock = makeClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

function makeClock(timeZone: string): LocalClock {
  if (canonicalTimeZone(timeZone) === null) throw invalid(`Unknown time zone "${timeZone}".`, { timeZone });
  const exactOffset = (atMs: number): number => zoneOffsetMs(timeZone, atMs);
  const hourly = new Map<number, number>();
  const offsetAtHour = (hourMs: number): number => {
    let offset = hourly.get(hourMs);
    if (offset === undefined) {
      if (hourly.size >= OFFSET_CACHE_LIMIT) hourly.clear();
      offset = exactOffset(hourMs);
      hourly.set(hourMs, offset);
    }
    return offset;
  };
  const offsetMs = (atMs: number): number => {
    const hour = Math.floor(atMs / HOUR_MS) * HOUR_MS;
    const atStart = offsetAtHour(hour);
    // Same offset at both ends of the hour: no transition inside it (zones change at most once an hour).
    return atStart === offsetAtHour(hour + HOUR_MS) ? atStart : exactOffset(atMs);
  };
  return {
    timeZone,
    offsetMs,
    toLocal(atMs) {
      const wallMs = atMs + offsetMs(atMs);
      const day = Math.floor(wallMs / DAY_MS);
      return { day, minuteOfDay: Math.floor((wallMs - day * DAY_MS) / MINUTE_MS) };
    },
  };
}

/** True when the offset may change within the largest shift of an instant: only then can wall times repeat. */
export function nearTransition(clock: LocalClock, atMs: number): boolean {
  return clock.offsetMs(atMs - LARGEST_SHIFT_MS) !== clock.offsetMs(atMs + LARGEST_SHIFT_MS);
}

/**
 * How many instants of a step grid show the same wall-clock slot as `atMs`: 2 in the hour repeated when clocks
 * fall back, otherwise 1.
 */
export function wallSlotOccurrences(clock: LocalClock, atMs: number, stepMinutes: number): number {
  if (!nearTransition(clock, atMs)) return 1;
  const here = clock.toLocal(atMs);
  const slot = Math.floor(here.minuteOfDay / stepMinutes);
  const reach = Math.floor(LARGEST_SHIFT_MS / (stepMinutes * MINUTE_MS));
  let count = 0;
  for (let k = -reach; k <= reach; k++) {
    const other = clock.toLocal(atMs + k * stepMinutes * MINUTE_MS);
    if (other.day === here.day && Math.floor(other.minuteOfDay / stepMinutes) === slot) count++;
  }
  return count;
}

/**
 * Which slots of a local day exist on the wall clock: all of them, except those skipped when clocks spring
 * forward.
 */
export function existingSlots(clock: LocalClock, day: number, stepMinutes: number): Uint8Array {
  const slots = MINUTES_PER_DAY / stepMinutes;
  const exists = new Uint8Array(slots);
  const midnightAsUtc = day * DAY_MS;
  const earliest = midnightAsUtc - 14 * HOUR_MS;
  const latest = midnightAsUtc + 38 * HOUR_MS;
  if (clock.offsetMs(earliest) === clock.offsetMs(latest)) return exists.fill(1);
  for (let t = earliest; t < latest; t += stepMinutes * MINUTE_MS) {
    const local = clock.toLocal(t);
    if (local.day === day) exists[Math.floor(local.minuteOfDay / stepMinutes)] = 1;
  }
  return exists;
}
