import { invalid } from '../errors.ts';
import {
  CALENDAR_LIMITS,
  type Calendar,
  type CustomDay,
  type Holiday,
  type TimeInterval,
  WEEKDAYS,
  type Weekday,
} from './calendar.ts';
import { addDays, canonicalTimeZone, formatLocalDate, MINUTES_PER_DAY } from './zoned-time.ts';

const TIME = /^(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/**
 * A refusal in plain words naming the day or date at fault, pinned to its field (`weekly/tuesday/0`), as a
 * schema refusal is (`path` with the part of the request).
 */
const fail = (field: string, message: string) => invalid(message, { path: `body/${field}`, field, message });
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const shown = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'nothing'));

/** Minutes since local midnight of 'HH:MM' (00:00…23:59, and 24:00 where allowed), or null. */
function minutesOf(time: unknown, allowEndOfDay: boolean): number | null {
  const match = typeof time === 'string' ? TIME.exec(time) : null;
  if (match === null) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59) return null;
  return minutes < MINUTES_PER_DAY || (allowEndOfDay && minutes === MINUTES_PER_DAY) ? minutes : null;
}

function parseDate(value: unknown, field: string, what: string): string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  const date = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!date || date.year < 1 || formatLocalDate(addDays(date, 0)) !== value) {
    throw fail(field, `${what}: ${shown(value)} is not a real date written YYYY-MM-DD.`);
  }
  return formatLocalDate(date);
}

/** The hours of one day; `day` names it in messages ("Tuesday", "Custom day 2026-12-24"). */
function parseIntervals(value: unknown, field: string, day: string): TimeInterval[] {
  if (!Array.isArray(value)) throw fail(field, `${day}: the hours must be a list of {start, end} intervals.`);
  const max = CALENDAR_LIMITS.intervalsPerDay.max;
  if (value.length > max) throw fail(field, `${day}: at most ${max} intervals a day.`);
  const parsed = value.map((interval: unknown, index) => {
    const at = `${field}/${index}`;
    if (!isObject(interval)) throw fail(at, `${day}: each interval must be {start: 'HH:MM', end: 'HH:MM'}.`);
    const start = minutesOf(interval.start, false);
    const end = minutesOf(interval.end, true);
    if (start === null) {
      throw fail(
        `${at}/start`,
        `${day}: the start ${shown(interval.start)} must be a time from 00:00 to 23:59.`,
      );
    }
    if (end === null) {
      throw fail(`${at}/end`, `${day}: the end ${shown(interval.end)} must be a time from 00:00 to 24:00.`);
    }
    if (start >= end) {
      const how = start === end ? 'is the same as' : 'is before';
      throw fail(at, `${day}: the end ${interval.end} ${how} the start ${interval.start}.`);
    }
    return { start: String(interval.start), end: String(interval.end), from: start, to: end };
  });
  parsed.sort((a, b) => a.from - b.from);
  for (let i = 1; i < parsed.length; i++) {
    const [previous, current] = [parsed[i - 1], parsed[i]];
    if (previous && current && current.from < previous.to) {
      throw fail(
        field,
        `${day}: the hours ${previous.start}–${previous.end} and ${current.start}–${current.end} overlap.`,
      );
    }
  }
  return parsed.map(({ start, end }) => ({ start, end }));
}

function parseList<T extends { date: string }>(
  value: unknown,
  field: string,
  [one, many]: [string, string],
  max: number,
  parseItem: (item: unknown, at: string, what: string) => T,
): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw fail(field, `${many} must be a list.`);
  if (value.length > max) throw fail(field, `${many}: at most ${max} entries.`);
  const items = value.map((item: unknown, index) =>
    parseItem(item, `${field}/${index}`, `${one} ${index + 1}`),
  );
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.date)) throw fail(field, `${many}: ${item.date} is listed more than once.`);
    seen.add(item.date);
  }
  return items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function parseHoliday(item: unknown, at: string, what: string): Holiday {
  if (typeof item === 'string') return { date: parseDate(item, at, what) };
  if (!isObject(item)) throw fail(at, `${what} must be a date 'YYYY-MM-DD' or {date, name}.`);
  const date = parseDate(item.date, `${at}/date`, what);
  if (item.name === undefined) return { date };
  const max = CALENDAR_LIMITS.holidayName.max;
  if (typeof item.name !== 'string' || item.name.trim().length > max) {
    throw fail(`${at}/name`, `Holiday ${date}: the name must be text of at most ${max} characters.`);
  }
  const name = item.name.trim();
  return name === '' ? { date } : { date, name };
}

function parseCustomDay(item: unknown, at: string, what: string): CustomDay {
  if (!isObject(item)) throw fail(at, `${what} must be an object {date, intervals}.`);
  const date = parseDate(item.date, `${at}/date`, what);
  return { date, intervals: parseIntervals(item.intervals, `${at}/intervals`, `Custom day ${date}`) };
}

function parseWeekly(value: unknown, required: boolean): Record<Weekday, TimeInterval[]> {
  if (value === undefined && !required) value = {};
  if (!isObject(value)) {
    throw fail('weekly', 'Weekly hours must be an object with a list of intervals per weekday.');
  }
  const unknownDay = Object.keys(value).find((key) => !(WEEKDAYS as readonly string[]).includes(key));
  if (unknownDay !== undefined)
    throw fail(
      `weekly/${unknownDay}`,
      `Weekly hours: ${unknownDay} is not a weekday (${WEEKDAYS.join(', ')}).`,
    );
  const hours = (day: Weekday) =>
    value[day] === undefined ? [] : parseIntervals(value[day], `weekly/${day}`, capital(day));
  return Object.fromEntries(WEEKDAYS.map((day) => [day, hours(day)])) as Record<Weekday, TimeInterval[]>;
}

/**
 * Checks a calendar as an administrator submitted it and returns it normalized: canonical zone name,
 * all seven weekdays present (a missing one is closed), intervals sorted by start, holidays and custom
 * days sorted by date, holiday names trimmed. Other top-level fields are ignored.
 *
 * @throws SwitchboardError 'validation_failed' naming the offending field.
 * @example validateCalendar({ timeZone: 'Europe/Berlin', mode: 'custom', weekly: { monday: [{ start: '09:00', end: '17:00' }] } })
 */
export function validateCalendar(input: unknown): Calendar {
  if (!isObject(input)) throw invalid('The calendar must be an object.');
  const zone = typeof input.timeZone === 'string' ? canonicalTimeZone(input.timeZone) : null;
  if (zone === null) {
    throw fail(
      'timeZone',
      `Time zone ${shown(input.timeZone)} is not a known IANA time zone such as Europe/Berlin.`,
    );
  }
  if (input.mode !== '24x7' && input.mode !== 'custom')
    throw fail('mode', "Mode must be '24x7' or 'custom'.");
  return {
    timeZone: zone,
    mode: input.mode,
    weekly: parseWeekly(input.weekly, input.mode === 'custom'),
    holidays: parseList(
      input.holidays,
      'holidays',
      ['Holiday', 'Holidays'],
      CALENDAR_LIMITS.holidays.max,
      parseHoliday,
    ),
    customDays: parseList(
      input.customDays,
      'customDays',
      ['Custom day', 'Custom days'],
      CALENDAR_LIMITS.customDays.max,
      parseCustomDay,
    ),
  };
}
