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
const fail = (field: string, problem: string) => invalid(`${field} ${problem}`, { field });

/** Minutes since local midnight of 'HH:MM' (00:00…23:59, and 24:00 where allowed), or null. */
function minutesOf(time: unknown, allowEndOfDay: boolean): number | null {
  const match = typeof time === 'string' ? TIME.exec(time) : null;
  if (match === null) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59) return null;
  return minutes < MINUTES_PER_DAY || (allowEndOfDay && minutes === MINUTES_PER_DAY) ? minutes : null;
}

function parseDate(value: unknown, field: string): string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  const date = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!date || date.year < 1 || formatLocalDate(addDays(date, 0)) !== value) {
    throw fail(field, 'must be a real date written YYYY-MM-DD.');
  }
  return formatLocalDate(date);
}

function parseIntervals(value: unknown, field: string): TimeInterval[] {
  if (!Array.isArray(value)) throw fail(field, 'must be a list of {start, end} intervals.');
  if (value.length > CALENDAR_LIMITS.intervalsPerDay.max) {
    throw fail(field, `may hold at most ${CALENDAR_LIMITS.intervalsPerDay.max} intervals.`);
  }
  const parsed = value.map((interval: unknown, index) => {
    const at = `${field}[${index}]`;
    if (!isObject(interval)) throw fail(at, "must be an object {start: 'HH:MM', end: 'HH:MM'}.");
    const start = minutesOf(interval.start, false);
    const end = minutesOf(interval.end, true);
    if (start === null) throw fail(`${at}.start`, "must be a time from '00:00' to '23:59'.");
    if (end === null) throw fail(`${at}.end`, "must be a time from '00:00' to '24:00'.");
    if (start >= end) throw fail(at, 'must start before it ends.');
    return { start: String(interval.start), end: String(interval.end), from: start, to: end };
  });
  parsed.sort((a, b) => a.from - b.from);
  for (let i = 1; i < parsed.length; i++) {
    const [previous, current] = [parsed[i - 1], parsed[i]];
    if (previous && current && current.from < previous.to) {
      throw fail(
        field,
        `has overlapping intervals ${previous.start}–${previous.end} and ${current.start}–${current.end}.`,
      );
    }
  }
  return parsed.map(({ start, end }) => ({ start, end }));
}

function parseList<T extends { date: string }>(
  value: unknown,
  field: string,
  max: number,
  parseItem: (item: unknown, at: string) => T,
): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw fail(field, 'must be a list.');
  if (value.length > max) throw fail(field, `may hold at most ${max} entries.`);
  const items = value.map((item: unknown, index) => parseItem(item, `${field}[${index}]`));
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.date)) throw fail(field, `lists ${item.date} more than once.`);
    seen.add(item.date);
  }
  return items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function parseHoliday(item: unknown, at: string): Holiday {
  if (typeof item === 'string') return { date: parseDate(item, at) };
  if (!isObject(item)) throw fail(at, "must be a date 'YYYY-MM-DD' or {date, name}.");
  const date = parseDate(item.date, `${at}.date`);
  if (item.name === undefined) return { date };
  const max = CALENDAR_LIMITS.holidayName.max;
  if (typeof item.name !== 'string' || item.name.trim().length > max) {
    throw fail(`${at}.name`, `must be text of at most ${max} characters.`);
  }
  const name = item.name.trim();
  return name === '' ? { date } : { date, name };
}

function parseCustomDay(item: unknown, at: string): CustomDay {
  if (!isObject(item)) throw fail(at, 'must be an object {date, intervals}.');
  return {
    date: parseDate(item.date, `${at}.date`),
    intervals: parseIntervals(item.intervals, `${at}.intervals`),
  };
}

function parseWeekly(value: unknown, required: boolean): Record<Weekday, TimeInterval[]> {
  if (value === undefined && !required) value = {};
  if (!isObject(value)) throw fail('weekly', 'must be an object with a list of intervals per weekday.');
  const unknownDay = Object.keys(value).find((key) => !(WEEKDAYS as readonly string[]).includes(key));
  if (unknownDay !== undefined)
    throw fail(`weekly.${unknownDay}`, `is not a weekday (${WEEKDAYS.join(', ')}).`);
  const hours = (day: Weekday) =>
    value[day] === undefined ? [] : parseIntervals(value[day], `weekly.${day}`);
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
  if (zone === null) throw fail('timeZone', `must be a known IANA time zone such as 'Europe/Berlin'.`);
  if (input.mode !== '24x7' && input.mode !== 'custom') throw fail('mode', "must be '24x7' or 'custom'.");
  return {
    timeZone: zone,
    mode: input.mode,
    weekly: parseWeekly(input.weekly, input.mode === 'custom'),
    holidays: parseList(input.holidays, 'holidays', CALENDAR_LIMITS.holidays.max, parseHoliday),
    customDays: parseList(input.customDays, 'customDays', CALENDAR_LIMITS.customDays.max, parseCustomDay),
  };
}
