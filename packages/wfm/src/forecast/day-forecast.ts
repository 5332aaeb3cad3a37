import { forecastAht } from './aht.ts';
import { type ForecastHistory, historyBefore, isOpenSlot } from './history.ts';
import { weekdayOf } from './local-time.ts';
import type { ForecastMethod } from './methods.ts';
import { specialDayFactor } from './special-days.ts';

export interface DayForecast {
  /** Per wall-clock slot; finite and ≥ 0, 0 in closed slots. */
  volume: Float64Array;
  /** Handle time per slot in seconds; null when the history has none. */
  ahtSeconds: Float64Array | null;
}

const finiteOrZero = (x: number): number => (Number.isFinite(x) && x > 0 ? x : 0);

/**
 * The volume forecast of one local day by a method, from the days before it only: the method's normal-day
 * forecast, times the special-day factor when the day is special, zero in closed slots. Every method goes
 * through here, in the backtest as in production.
 */
export function forecastDayVolume(
  history: ForecastHistory,
  method: ForecastMethod,
  day: number,
): Float64Array {
  const past = historyBefore(history, day);
  const special = history.special.get(day);
  const factor = special === undefined ? 1 : specialDayFactor(past, special, day);
  const weekday = weekdayOf(day);
  const normal = factor === 0 ? new Float64Array(history.slotsPerDay) : method.forecastDay(past, day);
  return normal.map((x, slot) => (isOpenSlot(history, weekday, slot) ? finiteOrZero(x * factor) : 0));
}

/** Volume (by the method) and handle time (one method for all, see aht.ts) of one local day. */
export function forecastDay(history: ForecastHistory, method: ForecastMethod, day: number): DayForecast {
  const aht = forecastAht(historyBefore(history, day), day);
  return {
    volume: forecastDayVolume(history, method, day),
    ahtSeconds: aht === null ? null : aht.map(finiteOrZero),
  };
}
