import { invalid } from '@switchboard/core';
import { type DailyRegressionOptions, forecastDailyTotal } from './daily-regression.ts';
import { type ForecastHistory, isOpenSlot, normalDaysBefore } from './history.ts';
import { weekdayOf } from './local-time.ts';

/**
 * A forecasting method: the volume of every wall-clock slot of a normal local day, from the history before it.
 * Methods see only `history.days` (the backtest cuts them at the origin); special days and open hours are
 * applied afterwards, the same way for every method (see day-forecast.ts).
 */
export interface ForecastMethod {
  readonly name: string;
  forecastDay(history: ForecastHistory, day: number): Float64Array;
}

/**
 * Per slot, the mean of its last `count` known values on normal days of the same weekday before `day` (a gap
 * is skipped, so the mean reaches further back). A slot never known is 0.
 */
export function recentSlotMeans(history: ForecastHistory, day: number, count: number): Float64Array {
  const sums = new Float64Array(history.slotsPerDay);
  const seen = new Uint16Array(history.slotsPerDay);
  let slotsFilled = 0;
  for (const record of normalDaysBefore(history, day, weekdayOf(day))) {
    record.known.forEach((known, slot) => {
      if (known === 0 || (seen[slot] ?? 0) >= count) return;
      sums[slot] = (sums[slot] ?? 0) + (record.volume[slot] ?? 0);
      seen[slot] = (seen[slot] ?? 0) + 1;
      if (seen[slot] === count) slotsFilled++;
    });
    if (slotsFilled === history.slotsPerDay) break;
  }
  return sums.map((sum, slot) => {
    const n = seen[slot] ?? 0;
    return n > 0 ? sum / n : 0;
  });
}

/**
 * Share of the day per slot: the mean of each slot's share of the day's total over the last `days` complete,
 * normal days of the weekday with volume. Without any such day, the day is spread evenly over the open slots.
 */
export function shareOfDayProfile(history: ForecastHistory, day: number, days: number): Float64Array {
  const weekday = weekdayOf(day);
  const shares = new Float64Array(history.slotsPerDay);
  let used = 0;
  for (const record of normalDaysBefore(history, day, weekday)) {
    if (used === days) break;
    if (!record.complete || record.total <= 0) continue;
    record.volume.forEach((volume, slot) => {
      shares[slot] = (shares[slot] ?? 0) + volume / record.total;
    });
    used++;
  }
  if (used > 0) return shares.map((share) => share / used);
  const open = shares.map((_, slot) => (isOpenSlot(history, weekday, slot) ? 1 : 0));
  const openCount = open.reduce((sum, x) => sum + x, 0);
  return openCount > 0 ? open.map((x) => x / openCount) : open;
}

/** Last week's value of each slot (the latest normal same weekday that knew it). */
export function seasonalNaive(): ForecastMethod {
  return { name: 'seasonal-naive', forecastDay: (history, day) => recentSlotMeans(history, day, 1) };
}

/** Mean of the last `weeks` normal same weekdays, slot by slot. */
export function weekdayMean(weeks = 4): ForecastMethod {
  if (!Number.isInteger(weeks) || weeks < 1) throw invalid('weeks must be a positive integer.', { weeks });
  return {
    name: `weekday-mean-${weeks}`,
    forecastDay: (history, day) => recentSlotMeans(history, day, weeks),
  };
}

export interface ProfileRegressionOptions extends DailyRegressionOptions {
  /** Same-weekday days the share-of-day profile is averaged over. */
  profileDays: number;
}

export const PROFILE_REGRESSION_DEFAULTS: ProfileRegressionOptions = {
  windowWeeks: 26,
  trend: false,
  profileDays: 12,
};

/**
 * The day's total from a daily regression (weekday effects, optional trend and calendar effects, AR(1)
 * carry-over) spread over the day by the weekday's share-of-day profile.
 */
export function profileRegression(options: Partial<ProfileRegressionOptions> = {}): ForecastMethod {
  const settings = { ...PROFILE_REGRESSION_DEFAULTS, ...options };
  const name = settings.calendar ? 'calendar-regression' : 'profile-regression';
  return {
    name: settings.trend ? `${name}-trend` : name,
    forecastDay(history, day) {
      const total = forecastDailyTotal(history, day, settings);
      return shareOfDayProfile(history, day, settings.profileDays).map((share) => share * total);
    },
  };
}

/** The methods a backtest compares by default, the baseline (mean of the last 4 same weekdays) among them. */
export function standardMethods(): ForecastMethod[] {
  return [
    seasonalNaive(),
    weekdayMean(4),
    profileRegression(),
    profileRegression({ trend: true }),
    profileRegression({ calendar: true }),
  ];
}
