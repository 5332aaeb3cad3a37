import type { IntervalMinutes, IntervalObservation, IntervalSeries } from '../forecast/index.ts';
import { DAY_MS, dayOfDate, localClock, MINUTE_MS } from '../forecast/local-time.ts';

/** Where an interval falls on the center's wall clock. */
export interface WallSlot {
  /** Local day (epoch-day number) and 'YYYY-MM-DD'. */
  day: number;
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Whole weeks since the first day of the series. */
  week: number;
  slot: number;
  minuteOfDay: number;
}

export interface SeriesSpec {
  /** First local date, 'YYYY-MM-DD'. */
  from: string;
  days: number;
  intervalMinutes?: IntervalMinutes;
  timeZone?: string;
  /** Volume of an interval; null leaves it out (a gap). */
  volume: (at: WallSlot) => number | null;
  ahtSeconds?: (at: WallSlot) => number | undefined;
}

/** Instant of a wall-clock time in UTC (the zone the plain builders use). */
export const utcAt = (date: string, minuteOfDay = 0): number =>
  dayOfDate(date) * DAY_MS + minuteOfDay * MINUTE_MS;

/**
 * A series covering `days` local days from `from`, every interval on the grid, with volumes from a function of
 * the wall-clock slot. Instants are stepped in UTC, so days where clocks change have 23 or 25 hours.
 */
export function buildSeries(spec: SeriesSpec): IntervalSeries {
  const intervalMinutes = spec.intervalMinutes ?? 60;
  const timeZone = spec.timeZone ?? 'UTC';
  const clock = localClock(timeZone);
  const firstDay = dayOfDate(spec.from);
  const step = intervalMinutes * MINUTE_MS;
  // Local midnight of the first day lies within ±14 h of the same wall time read as UTC.
  let start = firstDay * DAY_MS - 14 * 60 * MINUTE_MS;
  while (clock.toLocal(start).day < firstDay) start += step;
  const intervals: IntervalObservation[] = [];
  for (let t = start; ; t += step) {
    const local = clock.toLocal(t);
    if (local.day >= firstDay + spec.days) break;
    const at: WallSlot = {
      day: local.day,
      date: new Date(local.day * DAY_MS).toISOString().slice(0, 10),
      weekday: (((local.day + 3) % 7) + 7) % 7,
      week: Math.floor((local.day - firstDay) / 7),
      slot: local.minuteOfDay / intervalMinutes,
      minuteOfDay: local.minuteOfDay,
    };
    const volume = spec.volume(at);
    if (volume === null) continue;
    const aht = spec.ahtSeconds?.(at);
    intervals.push(aht === undefined ? { start: t, volume } : { start: t, volume, ahtSeconds: aht });
  }
  return { intervalMinutes, timeZone, intervals };
}
