import type { TimeInterval, Weekday } from '@switchboard/core';

export const FORECAST_INTERVAL_MINUTES = [5, 6, 10, 15, 30, 60] as const;
export type IntervalMinutes = (typeof FORECAST_INTERVAL_MINUTES)[number];

/** One interval of history: the contacts that arrived in [start, start + interval length). */
export interface IntervalObservation {
  /** Epoch milliseconds (UTC); on the interval grid of the center's wall clock. */
  start: number;
  volume: number;
  /** Average handle time of the interval's contacts in seconds; omitted when unknown. */
  ahtSeconds?: number;
}

export interface IntervalSeries {
  intervalMinutes: IntervalMinutes;
  /** IANA zone of the center: weekdays and times of day are read on its wall clock. */
  timeZone: string;
  /** Sorted by start, no duplicates. An interval that is absent is a gap (unknown), not zero. */
  intervals: readonly IntervalObservation[];
}

/** Open hours per weekday on the center's wall clock ('HH:MM', end may be '24:00'); no hours: closed. */
export type WeeklyHours = Readonly<Record<Weekday, readonly TimeInterval[]>>;

/** A local date that is not a normal day: a holiday, a sale, a closure. */
export interface SpecialDay {
  /** 'YYYY-MM-DD' on the center's wall clock. */
  date: string;
  name?: string;
  /** Closed all day: the forecast is zero. */
  closed?: boolean;
  /**
   * For an open special day: the normal forecast of the day times this factor. When omitted, the factor is
   * learned from the open special days in the history (1 when there are none).
   */
  factor?: number;
}

export interface ForecastInput {
  history: IntervalSeries;
  specialDays?: readonly SpecialDay[];
  /**
   * Outside these hours the volume is zero: a missing interval there is closed, not a gap. When omitted, a slot
   * is open on a weekday where the history has ever had an interval on that weekday.
   */
  openHours?: WeeklyHours;
}

export interface IntervalForecast {
  start: number;
  volume: number;
  /** null when the history has no handle times at all. */
  ahtSeconds: number | null;
}
