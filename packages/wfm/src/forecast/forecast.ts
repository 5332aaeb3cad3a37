import { invalid } from '@switchboard/core';
import { type DayForecast, forecastDay } from './day-forecast.ts';
import { buildForecastHistory } from './history.ts';
import { MINUTE_MS, wallSlotOccurrences } from './local-time.ts';
import type { ForecastMethod } from './methods.ts';
import type { ForecastInput, IntervalForecast } from './types.ts';

export interface ForecastRequest {
  /** First interval forecast (epoch ms, on the interval grid). Only history before it is used. */
  from: number;
  /** How many intervals to forecast. */
  intervals: number;
}

/** Longest horizon, in intervals: 60 days of 5-minute intervals. */
export const MAX_FORECAST_INTERVALS = 60 * 288;

/**
 * Forecasts volume and handle time for `intervals` consecutive intervals from `from`, with one method, from
 * the input's history before `from`.
 *
 * @example
 * forecastIntervals({ history, openHours, specialDays }, profileRegression(), { from, intervals: 96 })
 */
export function forecastIntervals(
  input: ForecastInput,
  method: ForecastMethod,
  request: ForecastRequest,
): IntervalForecast[] {
  if (!Number.isInteger(request.intervals) || request.intervals < 0) {
    throw invalid('The number of intervals must be a whole number ≥ 0.', { intervals: request.intervals });
  }
  if (request.intervals > MAX_FORECAST_INTERVALS) {
    throw invalid(`At most ${MAX_FORECAST_INTERVALS} intervals can be forecast at once.`);
  }
  const history = buildForecastHistory(input, request.from);
  const { clock, intervalMinutes } = history;
  if (
    !Number.isSafeInteger(request.from) ||
    clock.toLocal(request.from).minuteOfDay % intervalMinutes !== 0
  ) {
    throw invalid('The forecast must start on the interval grid.', { from: request.from });
  }
  const days = new Map<number, DayForecast>();
  const result: IntervalForecast[] = [];
  for (let k = 0; k < request.intervals; k++) {
    const start = request.from + k * intervalMinutes * MINUTE_MS;
    const local = clock.toLocal(start);
    let day = days.get(local.day);
    if (day === undefined) {
      day = forecastDay(history, method, local.day);
      days.set(local.day, day);
    }
    const slot = local.minuteOfDay / intervalMinutes;
    // The slot of an hour the clocks repeat holds both occurrences, so each gets its share.
    const volume = (day.volume[slot] ?? 0) / wallSlotOccurrences(clock, start, intervalMinutes);
    result.push({
      start,
      volume,
      ahtSeconds: day.ahtSeconds === null ? null : (day.ahtSeconds[slot] ?? null),
    });
  }
  return result;
}
