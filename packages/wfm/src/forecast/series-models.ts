import { modelledDaysBetween, trainingDays } from './daily-regression.ts';
import { historyDay } from './history.ts';
import { weekdayOf } from './local-time.ts';
import { type ForecastMethod, recentSlotMeans, shareOfDayProfile } from './methods.ts';

/**
 * Statistical models of a plain series, as a library provides them (see src/node/series-models.ts: augurs,
 * compiled to WebAssembly). Each returns the point forecasts of the `horizon` steps after the series.
 */
export interface SeriesModels {
  /** Exponential smoothing with the error and trend chosen automatically (AutoETS, no seasonality). */
  ets(values: Float64Array, horizon: number): number[];
  /** MSTL: the series less one seasonal component per period, its trend forecast by AutoETS. */
  mstl(values: Float64Array, periods: readonly number[], horizon: number): number[];
}

/** Weeks of daily totals the ETS method learns from, and weeks of intervals the MSTL method reads. */
export const ETS_WINDOW_WEEKS = 26;
export const MSTL_WINDOW_WEEKS = 4;
const PROFILE_DAYS = 12;

/**
 * The day's total by exponential smoothing of the recent days' totals, each divided by its weekday's mean
 * (on the log scale), so the smoothing follows the level and the weekday pattern stays as learned; spread over
 * the day by the weekday's share-of-day profile.
 */
export function etsDaily(models: SeriesModels): ForecastMethod {
  return {
    name: 'ets-daily',
    forecastDay(history, day) {
      const totals = trainingDays(history, day, ETS_WINDOW_WEEKS);
      const logs = new Map<number, number[]>();
      for (const point of totals)
        logs.set(point.weekday, [...(logs.get(point.weekday) ?? []), Math.log(point.total)]);
      const weekdayLevel = new Map([...logs].map(([weekday, values]) => [weekday, mean(values)]));
      const level = weekdayLevel.get(weekdayOf(day));
      const last = totals.at(-1);
      if (level === undefined || last === undefined) return new Float64Array(history.slotsPerDay);
      const residuals = Float64Array.from(
        totals,
        (point) => Math.log(point.total) - (weekdayLevel.get(point.weekday) ?? 0),
      );
      const steps = modelledDaysBetween(history, last.day, day, [...weekdayLevel.keys()]);
      const ahead = residuals.length >= 8 && steps > 0 ? (models.ets(residuals, steps).at(-1) ?? 0) : 0;
      const total = Math.exp(level + (Number.isFinite(ahead) ? ahead : 0));
      return shareOfDayProfile(history, day, PROFILE_DAYS).map((share) => share * total);
    },
  };
}

/**
 * Every interval of the day straight from an MSTL decomposition of the last weeks of intervals, with daily and
 * weekly seasonality. Gaps and special days in the window are filled with the mean of the same slot on the
 * last 4 normal same weekdays, so a holiday does not shape the normal pattern.
 */
export function mstlIntervals(models: SeriesModels): ForecastMethod {
  return {
    name: 'mstl',
    forecastDay(history, day) {
      const slots = history.slotsPerDay;
      const lastDay = history.days.at(-1)?.day;
      const firstDay =
        lastDay === undefined
          ? day
          : Math.max(history.days[0]?.day ?? day, lastDay - 7 * MSTL_WINDOW_WEEKS + 1);
      if (lastDay === undefined || lastDay - firstDay + 1 < 14) return recentSlotMeans(history, day, 4);
      const values = new Float64Array((lastDay - firstDay + 1) * slots);
      for (let d = firstDay; d <= lastDay; d++) {
        const record = historyDay(history, d);
        const normal = record !== undefined && !history.special.has(d);
        let fill: Float64Array | null = null;
        for (let slot = 0; slot < slots; slot++) {
          if (normal && record.known[slot] === 1)
            values[(d - firstDay) * slots + slot] = record.volume[slot] ?? 0;
          else {
            fill ??= recentSlotMeans(history, d, 4);
            values[(d - firstDay) * slots + slot] = fill[slot] ?? 0;
          }
        }
      }
      const horizon = (day - lastDay) * slots;
      const forecast = models.mstl(values, [slots, 7 * slots], horizon);
      return Float64Array.from(forecast.slice(horizon - slots), (x) => (Number.isFinite(x) && x > 0 ? x : 0));
    },
  };
}

const mean = (values: readonly number[]) => values.reduce((sum, x) => sum + x, 0) / values.length;

/** The methods compared by default, with those that need the series models when they are at hand. */
export function methodsWithModels(
  base: readonly ForecastMethod[],
  models: SeriesModels | null,
): ForecastMethod[] {
  return models === null ? [...base] : [...base, etsDaily(models), mstlIntervals(models)];
}
