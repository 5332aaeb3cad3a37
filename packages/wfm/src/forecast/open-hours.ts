import { invalid, type TimeInterval, WEEKDAYS, type Weekday } from '@switchboard/core';
import type { SpecialDay, WeeklyHours } from './types.ts';

const DAY_NAMES = WEEKDAYS.map((weekday) => weekday.slice(0, 3));

function weekdaysOf(part: string): Weekday[] {
  const [first, last = first] = part.split('-');
  const from = DAY_NAMES.indexOf(first ?? '');
  const to = DAY_NAMES.indexOf(last ?? '');
  if (from < 0 || to < 0) {
    throw invalid(`"${part}" is not a weekday or a range of weekdays (mon, tue, … sun; e.g. mon-fri).`);
  }
  const days: Weekday[] = [];
  for (let d = from; ; d = (d + 1) % 7) {
    days.push(WEEKDAYS[d] as Weekday);
    if (d === to) return days;
  }
}

function hoursOf(part: string): TimeInterval {
  const match = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(part);
  if (!match || (match[1] as string) >= (match[2] as string)) {
    throw invalid(
      `"${part}" is not a time range such as 08:00-20:00 (the end after the start, at most 24:00).`,
    );
  }
  return { start: match[1] as string, end: match[2] as string };
}

/**
 * Open hours written as a planner types them: weekdays or ranges of weekdays, each with one or more time ranges,
 * separated by semicolons, e.g. `mon-thu 08:00-20:00; fri 08:00-14:00; sun 09:00-12:00,13:00-17:00`. Days not
 * named are closed.
 */
export function parseOpenHours(text: string): WeeklyHours {
  const hours = Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, [] as TimeInterval[]])) as Record<
    Weekday,
    TimeInterval[]
  >;
  const parts = text
    .split(';')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  if (parts.length === 0)
    throw invalid('Open hours are empty: name at least one day, e.g. mon-fri 08:00-20:00.');
  for (const part of parts) {
    const [days, ranges, extra] = part.split(/\s+/);
    if (days === undefined || ranges === undefined || extra !== undefined) {
      throw invalid(`"${part}" should be days and hours, e.g. mon-fri 08:00-20:00.`);
    }
    for (const weekday of weekdaysOf(days)) hours[weekday].push(...ranges.split(',').map(hoursOf));
  }
  return hours;
}

/**
 * Special days written as a list: `2026-12-24` (open, its factor learned from the open special days of the
 * history), `2026-12-31=0.6` (open at 60 % of a normal day) or `2026-12-25=closed`.
 */
export function parseSpecialDays(text: string): SpecialDay[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      const [date = '', value] = item.split('=');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
        throw invalid(`"${item}" does not start with a date (YYYY-MM-DD).`);
      if (value === undefined) return { date };
      if (value === 'closed') return { date, closed: true };
      const factor = Number(value);
      if (value.trim() === '' || !Number.isFinite(factor) || factor < 0) {
        throw invalid(`"${item}": after = comes "closed" or a factor ≥ 0 such as 0.6.`);
      }
      return { date, factor };
    });
}
