import { invalid } from '@switchboard/core';
import { forecastDayVolume } from './day-forecast.ts';
import {
  buildForecastHistory,
  type ForecastHistory,
  type HistoryDay,
  historyDay,
  isOpenSlot,
} from './history.ts';
import { dateOfDay } from './local-time.ts';
import type { ForecastMethod } from './methods.ts';
import { type Accuracy, accuracyTally } from './metrics.ts';
import type { ForecastInput } from './types.ts';

export interface BacktestOptions {
  methods: readonly ForecastMethod[];
  /** Origins: every local day of the last `weeks` weeks of the history. */
  weeks: number;
}

export interface MethodScore extends Accuracy {
  method: string;
}

export interface BacktestOrigin {
  /** The forecast day, 'YYYY-MM-DD'; the origin is its local midnight. */
  date: string;
  /** Σ actual over the day's scored intervals. */
  actualTotal: number;
  /** Per method, Σ forecast over the same intervals. */
  forecastTotals: Record<string, number>;
}

export interface BacktestResult {
  /**
   * Days forecast and scored, on their known open intervals; a day without any (a weekend the center is closed,
   * a holiday without data, a gap) is skipped.
   */
  origins: BacktestOrigin[];
  /** In the order of the methods given. */
  scores: MethodScore[];
  /** The method with the lowest WAPE (the first given on a tie); null when nothing could be scored. */
  best: string | null;
}

/**
 * Rolling-origin day-ahead backtest: for each origin (local midnight of each day of the last `weeks` weeks),
 * each method is fitted on a history built from the intervals before the origin only (as if the file ended
 * there, open slots included), forecasts that day, and is scored on the day's known open intervals.
 * Deterministic: the same input always gives the same figures.
 */
export function rollingOriginBacktest(input: ForecastInput, options: BacktestOptions): BacktestResult {
  if (!Number.isInteger(options.weeks) || options.weeks < 1) {
    throw invalid('weeks must be a whole number ≥ 1.', { weeks: options.weeks });
  }
  const names = options.methods.map((method) => method.name);
  if (new Set(names).size !== names.length) throw invalid('Method names must differ.', { names });
  const history = buildForecastHistory(input);
  const tallies = options.methods.map(() => accuracyTally());
  const origins: BacktestOrigin[] = [];
  const firstDay = history.days[0]?.day ?? 0;
  const lastDay = firstDay + history.days.length - 1;
  for (let day = Math.max(firstDay + 1, lastDay - 7 * options.weeks + 1); day <= lastDay; day++) {
    const actual = historyDay(history, day);
    const scored = actual === undefined ? [] : scoredSlots(history, actual);
    if (actual === undefined || scored.length === 0) continue;
    const actualTotal = scored.reduce((sum, slot) => sum + (actual.volume[slot] ?? 0), 0);
    const origin: BacktestOrigin = { date: dateOfDay(day), actualTotal, forecastTotals: {} };
    const past = buildForecastHistory(input, Number.POSITIVE_INFINITY, day);
    options.methods.forEach((method, m) => {
      const volume = forecastDayVolume(past, method, day);
      let forecastTotal = 0;
      for (const slot of scored) {
        const forecast = volume[slot] ?? 0;
        tallies[m]?.add(actual.volume[slot] ?? 0, forecast);
        forecastTotal += forecast;
      }
      origin.forecastTotals[method.name] = forecastTotal;
    });
    origins.push(origin);
  }
  const scores = options.methods.map((method, m) => ({
    method: method.name,
    ...(tallies[m] ?? accuracyTally()).result(),
  }));
  return { origins, scores, best: bestMethod(scores) };
}

/** The slots a day is scored on: known and open (closed slots are zero by construction). */
function scoredSlots(history: ForecastHistory, record: HistoryDay): number[] {
  const slots: number[] = [];
  record.known.forEach((known, slot) => {
    if (known === 1 && isOpenSlot(history, record.weekday, slot)) slots.push(slot);
  });
  return slots;
}

function bestMethod(scores: readonly MethodScore[]): string | null {
  let best: MethodScore | null = null;
  for (const score of scores) {
    if (score.wapePct === null) continue;
    if (best === null || score.wapePct < (best.wapePct ?? Number.POSITIVE_INFINITY)) best = score;
  }
  return best?.method ?? null;
}
