import { invalid } from '../errors.ts';
import {
  addDays,
  dayOfWeek,
  formatLocalDate,
  type LocalDate,
  localDateAt,
  localToInstant,
} from './zoned-time.ts';

/**
 * Calendars (spec C2): 24×7 or custom weekly hours in a time zone, with holidays and custom business
 * days. Queues and chat service hours (C3) ask one question of them: open at this instant, and until when?
 */

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type CalendarMode = '24x7' | 'custom';

/** Open from `start` up to (not including) `end`, local wall time 'HH:MM'; `end` may be '24:00'. */
export interface TimeInterval {
  readonly start: string;
  readonly end: string;
}

/** A local date 'YYYY-MM-DD' closed all day. */
export interface Holiday {
  readonly date: string;
  readonly name?: string;
}

/** Hours that replace the weekly hours on one local date (no intervals: closed that day). */
export interface CustomDay {
  readonly date: string;
  readonly intervals: readonly TimeInterval[];
}

export interface Calendar {
  /** Canonical IANA name, e.g. 'Europe/Berlin'. */
  readonly timeZone: string;
  /** '24x7' is always open; the hours, holidays and custom days are then kept but not applied. */
  readonly mode: CalendarMode;
  readonly weekly: Readonly<Record<Weekday, readonly TimeInterval[]>>;
  /** Sorted by date. */
  readonly holidays: readonly Holiday[];
  /** Sorted by date. */
  readonly customDays: readonly CustomDay[];
}

export type OpenReason = 'hours' | 'holiday' | 'closed' | '24x7';

export interface OpenState {
  open: boolean;
  reason: OpenReason;
  /** Set when closed because today (local date) is a holiday. */
  holidayName?: string;
  /** The next instant the open/closed state changes; null when it does not change within the search horizon. */
  nextChangeMs: number | null;
}

export const CALENDAR_LIMITS = {
  intervalsPerDay: { max: 10 },
  holidays: { max: 366 },
  customDays: { max: 366 },
  holidayName: { max: 100 },
  /** How far ahead openState looks for the next change. */
  searchDays: 370,
} as const;

interface MinuteRange {
  from: number;
  to: number;
}

/** The calendar's dates and hours in minutes, built once per calendar object. */
interface Lookup {
  weekly: MinuteRange[][];
  holidays: Map<string, Holiday>;
  customDays: Map<string, MinuteRange[]>;
}

const lookups = new WeakMap<Calendar, Lookup>();

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const toMinutes = (intervals: readonly TimeInterval[]): MinuteRange[] =>
  intervals.map(({ start, end }) => ({ from: minutesOf(start), to: minutesOf(end) }));

function lookupFor(calendar: Calendar): Lookup {
  let lookup = lookups.get(calendar);
  if (lookup === undefined) {
    lookup = {
      weekly: WEEKDAYS.map((day) => toMinutes(calendar.weekly[day])),
      holidays: new Map(calendar.holidays.map((holiday) => [holiday.date, holiday])),
      customDays: new Map(calendar.customDays.map((custom) => [custom.date, toMinutes(custom.intervals)])),
    };
    lookups.set(calendar, lookup);
  }
  return lookup;
}

/**
 * The hours that apply on one local date. Precedence: a custom day beats a holiday on the same date,
 * and both beat the weekly hours. Custom days win because they are the more specific statement: an
 * administrator who enters hours for a holiday date means to open then (say, a short shift on
 * Christmas Eve), while the holiday list is often imported wholesale from a public-holiday feed.
 */
function hoursOn(lookup: Lookup, date: LocalDate): { hours: readonly MinuteRange[]; holiday?: Holiday } {
  const key = formatLocalDate(date);
  const custom = lookup.customDays.get(key);
  if (custom !== undefined) return { hours: custom };
  const holiday = lookup.holidays.get(key);
  if (holiday !== undefined) return { hours: [], holiday };
  return { hours: lookup.weekly[dayOfWeek(date)] ?? [] };
}

/** Open ranges [start, end) in epoch ms for `days` local dates from `first`, in order; empty ones skipped. */
function* openRanges(
  calendar: Calendar,
  first: LocalDate,
  days: number,
): Generator<{ start: number; end: number }> {
  const lookup = lookupFor(calendar);
  for (let offset = 0; offset < days; offset++) {
    const date = addDays(first, offset);
    for (const { from, to } of hoursOn(lookup, date).hours) {
      // Wall intervals of one date lie within [00:00, 24:00] and localToInstant never decreases, so the
      // ranges come out sorted and disjoint across dates too. A range wholly inside a DST gap is empty.
      const start = localToInstant(calendar.timeZone, date, from);
      const end = localToInstant(calendar.timeZone, date, to);
      if (start < end) yield { start, end };
    }
  }
}

function checkInstant(atMs: number): void {
  if (!Number.isFinite(atMs)) throw invalid('The instant must be a finite number of epoch milliseconds.');
}

/** Whether the calendar is open at an instant. */
export function isOpen(calendar: Calendar, atMs: number): boolean {
  checkInstant(atMs);
  if (calendar.mode === '24x7') return true;
  // Ranges of date D start no earlier than D 00:00, so only the dates around today can contain atMs.
  const today = localDateAt(calendar.timeZone, atMs);
  for (const { start, end } of openRanges(calendar, addDays(today, -1), 3)) {
    if (start > atMs) return false;
    if (atMs < end) return true;
  }
  return false;
}

/**
 * Whether the calendar is open at an instant, why, and when that next changes. Touching intervals
 * (17:00–24:00 then 00:00–08:00 next day) are one open stretch, so nextChangeMs is a real flip. It
 * looks CALENDAR_LIMITS.searchDays ahead and reports null when nothing changes within that horizon.
 *
 * @example openState(calendar, Date.UTC(2026, 0, 5, 12)) // { open: true, reason: 'hours', nextChangeMs: … }
 */
export function openState(calendar: Calendar, atMs: number): OpenState {
  checkInstant(atMs);
  if (calendar.mode === '24x7') return { open: true, reason: '24x7', nextChangeMs: null };
  const first = addDays(localDateAt(calendar.timeZone, atMs), -1);
  const days = CALENDAR_LIMITS.searchDays + 2;
  let openUntil: number | null = null;
  for (const { start, end } of openRanges(calendar, first, days)) {
    if (openUntil === null) {
      if (end <= atMs) continue;
      if (start > atMs) return closedState(calendar, atMs, start);
      openUntil = end;
    } else if (start <= openUntil) {
      openUntil = Math.max(openUntil, end);
    } else {
      return { open: true, reason: 'hours', nextChangeMs: openUntil };
    }
  }
  if (openUntil === null) return closedState(calendar, atMs, null);
  const horizon = localToInstant(calendar.timeZone, addDays(first, days), 0);
  return { open: true, reason: 'hours', nextChangeMs: openUntil < horizon ? openUntil : null };
}

function closedState(calendar: Calendar, atMs: number, nextChangeMs: number | null): OpenState {
  const { holiday } = hoursOn(lookupFor(calendar), localDateAt(calendar.timeZone, atMs));
  if (holiday === undefined) return { open: false, reason: 'closed', nextChangeMs };
  const state: OpenState = { open: false, reason: 'holiday', nextChangeMs };
  if (holiday.name !== undefined) state.holidayName = holiday.name;
  return state;
}
