import { type LocalDate, localToInstant, utcMs, zoneOffsetMs } from '../calendar/zoned-time.ts';

/**
 * The cells of an interval file, one at a time: each reader returns the value or a phrase that says what
 * is wrong with it (the caller adds the line and the column).
 */
export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(problem: string): Read<T> => ({ ok: false, problem });

const MINUTE_MS = 60_000;
const DAY_MS = 1440 * MINUTE_MS;
/** Counts are stored as 32-bit integers. */
const MAX_COUNT = 2_147_483_647;

/** A count of contacts: a whole number ≥ 0 ("12", "12.0"). */
export function readCount(text: string): Read<number> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('is empty; write 0 for none');
  if (!/^[+-]?\d+(\.0+)?$/.test(trimmed)) return fail(`is not a whole number ("${trimmed}")`);
  const value = Number(trimmed);
  if (value < 0) return fail(`is negative (${trimmed})`);
  if (value > MAX_COUNT) return fail(`is too large (${trimmed})`);
  return ok(value);
}

/** A duration: seconds as a number ("185", "185.5"), or "mm:ss", or "hh:mm:ss". */
export function readSeconds(text: string): Read<number> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('is empty');
  if (/^-/.test(trimmed)) return fail(`is negative (${trimmed})`);
  if (/^\d+(\.\d+)?$/.test(trimmed)) return ok(Number(trimmed));
  const clock = /^(\d+):([0-5]\d)(?::([0-5]\d))?(\.\d+)?$/.exec(trimmed);
  if (clock) {
    const [, first, second, third, fraction] = clock;
    const whole =
      third === undefined
        ? Number(first) * 60 + Number(second)
        : Number(first) * 3600 + Number(second) * 60 + Number(third);
    return ok(whole + (fraction ? Number(fraction) : 0));
  }
  return fail(`is not a duration ("${trimmed}"); write seconds, mm:ss or hh:mm:ss`);
}

/**
 * A service level as a fraction 0–1. "85%" is 0.85; a bare number above 1 is a percentage ("85" is 0.85),
 * one of at most 1 a fraction ("0.85", and "1" is 100 %).
 */
export function readServiceLevel(text: string): Read<number> {
  const trimmed = text.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
  const number = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
  const fraction = percent
    ? Number(percent[1]) / 100
    : number === null
      ? null
      : number > 1
        ? number / 100
        : number;
  if (fraction === null) {
    return fail(
      /^-/.test(trimmed)
        ? `is negative (${trimmed})`
        : `is not a service level ("${trimmed}"); write 85%, 85 or 0.85`,
    );
  }
  if (fraction > 1) return fail(`is above 100% (${trimmed})`);
  return ok(fraction);
}

/** A wall-clock time in a zone, down to the second. */
export interface WallClock {
  date: LocalDate;
  minuteOfDay: number;
  second: number;
}

/** A time that names its instant: from an offset in the file, or from the zone. */
export interface StartTime {
  ms: number;
  /** The file gave no offset and the zone shows this wall time twice (clocks going back): the first is taken. */
  ambiguous: boolean;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00)?)?$/;
const TIME_ONLY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*[-–]\s*\d{1,2}:\d{2}(?::\d{2})?)?$/;

function readDate(year: string, month: string, day: string): LocalDate | null {
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  const back = new Date(utcMs(date));
  if (back.getUTCMonth() + 1 !== date.month || back.getUTCDate() !== date.day) return null;
  return date;
}

function readTime(hour: string, minute: string, second: string | undefined): number | null {
  const [h, m, s] = [Number(hour), Number(minute), Number(second ?? 0)];
  if (h > 23 || m > 59 || s > 59) return null;
  return (h * 60 + m) * 60 + s;
}

function offsetMs(text: string): number {
  if (text === 'Z' || text === 'z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0)) * MINUTE_MS;
}

const START_FORMATS = 'write 2026-03-02 08:15, 2026-03-02T08:15 or 2026-03-02T08:15:00+01:00';

/** An interval start in one cell: ISO-8601 with an offset or Z, or a local date and time read in the zone. */
export function readStart(text: string, timeZone: string): Read<StartTime> {
  const trimmed = text.trim();
  const match = DATE_TIME.exec(trimmed);
  if (!match) return fail(`is not a date and time ("${trimmed}"); ${START_FORMATS}`);
  const [, year, month, day, hour, minute, second, offset] = match as unknown as string[];
  const date = readDate(year as string, month as string, day as string);
  const seconds = readTime(hour as string, minute as string, second);
  if (date === null || seconds === null) return fail(`is not a valid date and time ("${trimmed}")`);
  const wall = { date, minuteOfDay: Math.floor(seconds / 60), second: seconds % 60 };
  if (offset !== undefined) {
    return ok({ ms: utcMs(date, wall.minuteOfDay, wall.second) - offsetMs(offset), ambiguous: false });
  }
  return wallToStart(wall, timeZone, trimmed);
}

/** An interval start in two cells: a date ("2026-03-02") and a time of day ("08:15", "08:15 - 08:30"). */
export function readDateAndTime(dateText: string, timeText: string, timeZone: string): Read<StartTime> {
  const dateMatch = DATE_ONLY.exec(dateText.trim());
  const date = dateMatch
    ? readDate(dateMatch[1] as string, dateMatch[2] as string, dateMatch[3] as string)
    : null;
  if (date === null) return fail(`has no valid date ("${dateText.trim()}"); write 2026-03-02`);
  const timeMatch = TIME_ONLY.exec(timeText.trim());
  const seconds = timeMatch ? readTime(timeMatch[1] as string, timeMatch[2] as string, timeMatch[3]) : null;
  if (seconds === null) return fail(`has no valid time of day ("${timeText.trim()}"); write 08:15`);
  const wall = { date, minuteOfDay: Math.floor(seconds / 60), second: seconds % 60 };
  return wallToStart(wall, timeZone, `${dateText.trim()} ${timeText.trim()}`);
}

function wallToStart(wall: WallClock, timeZone: string, shown: string): Read<StartTime> {
  const wallMs = utcMs(wall.date, wall.minuteOfDay, wall.second);
  const ms = localToInstant(timeZone, wall.date, wall.minuteOfDay) + wall.second * 1000;
  if (ms + zoneOffsetMs(timeZone, ms) !== wallMs) {
    return fail(
      `${shown} does not exist in ${timeZone} (the clocks go forward then); leave the row out or give the time with its offset`,
    );
  }
  // The other reading of a repeated hour: the wall time under the offset in force a day later.
  const later = wallMs - zoneOffsetMs(timeZone, wallMs + DAY_MS);
  const ambiguous = later !== ms && later + zoneOffsetMs(timeZone, later) === wallMs;
  return ok({ ms, ambiguous });
}

/** The wall clock of an instant in a zone. */
export function wallClockAt(timeZone: string, ms: number): WallClock {
  const local = new Date(ms + zoneOffsetMs(timeZone, ms));
  return {
    date: { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() },
    minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** Whether an instant starts a row of `minutes` in the zone's wall clock (08:00, 08:15, … for 15). */
export function isAlignedStart(timeZone: string, ms: number, minutes: number): boolean {
  const wall = wallClockAt(timeZone, ms);
  return wall.second === 0 && ms % 1000 === 0 && wall.minuteOfDay % minutes === 0;
}

/** ISO-8601 with the zone's offset at that instant, to the second: 2026-03-02T08:15:00+01:00. */
export function formatInstantInZone(timeZone: string, ms: number): string {
  const offset = Math.round(zoneOffsetMs(timeZone, ms) / MINUTE_MS);
  const local = new Date(ms + offset * MINUTE_MS).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const pad = (value: number) => String(Math.floor(value)).padStart(2, '0');
  return `${local}${sign}${pad(Math.abs(offset) / 60)}:${pad(Math.abs(offset) % 60)}`;
}
