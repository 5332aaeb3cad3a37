import { addDays, dayBounds, invalid, type LocalDate, SwitchboardError } from '@switchboard/core';
import { type BacktestResult, rollingOriginBacktest } from './backtest.ts';
import { forecastIntervals } from './forecast.ts';
import { buildForecastHistory } from './history.ts';
import { HOLDOUT_DEFAULTS, type HoldoutResult, holdoutEvaluation } from './holdout.ts';
import { MINUTE_MS } from './local-time.ts';
import { type ForecastMethod, weekdayMean } from './methods.ts';
import type { ForecastInput, IntervalForecast } from './types.ts';

/** Longest forecast a planner can ask for, in days. */
export const MAX_FORECAST_DAYS = 60;
/** Weeks of backtest the method is chosen on, at most. */
export const CHOICE_WEEKS = 4;
/** Days of history below which no method is compared: the mean of the last same weekdays is used. */
const MIN_DAYS_TO_COMPARE = 14;

export interface ForecastEvaluation {
  /** The backtest over the latest weeks that chose the method; null when the history is too short. */
  backtest: (Pick<BacktestResult, 'scores' | 'best'> & { weeks: number; origins: number }) | null;
  /** Every method on the last 8 weeks, kept out of every choice; null below 16 weeks of history. */
  holdout: HoldoutResult | null;
  /** Why a part is missing, in words a planner reads. */
  notes: string[];
}

export interface WorkloadForecast {
  method: string;
  evaluation: ForecastEvaluation;
  intervals: IntervalForecast[];
}

/**
 * The forecast of a workload for `days` local days from `firstDay`: the method chosen by a day-ahead backtest
 * over the latest weeks of its history, applied to the whole history; beside it the holdout table of every
 * method when the history is long enough.
 */
export function forecastWorkload(
  input: ForecastInput,
  methods: readonly ForecastMethod[],
  request: { firstDay: LocalDate; days: number },
): WorkloadForecast {
  if (!Number.isInteger(request.days) || request.days < 1 || request.days > MAX_FORECAST_DAYS) {
    throw invalid(`A forecast covers 1 to ${MAX_FORECAST_DAYS} days.`, { days: request.days });
  }
  const { timeZone, intervalMinutes } = input.history;
  const from = dayBounds(timeZone, request.firstDay).start;
  const to = dayBounds(timeZone, addDays(request.firstDay, request.days - 1)).end;
  const known: ForecastInput = {
    ...input,
    history: { ...input.history, intervals: input.history.intervals.filter((i) => i.start < from) },
  };
  if (known.history.intervals.length === 0) {
    throw new SwitchboardError(
      'no_history',
      'There is no history before the forecast to learn from: no contacts in the workload’s queues and no imported interval history under its queue names.',
    );
  }
  const historyDays = buildForecastHistory(known).days.length;
  const notes: string[] = [];
  let method: ForecastMethod = weekdayMean(4);
  let backtest: ForecastEvaluation['backtest'] = null;
  if (historyDays < MIN_DAYS_TO_COMPARE) {
    notes.push(
      `${historyDays} days of history: methods are compared from ${MIN_DAYS_TO_COMPARE} days on; until then each interval is the mean of the last same weekdays.`,
    );
  } else {
    const weeks = Math.min(CHOICE_WEEKS, Math.floor((historyDays - 7) / 7));
    const result = rollingOriginBacktest(known, { methods, weeks });
    method = methods.find((m) => m.name === result.best) ?? method;
    backtest = { weeks, origins: result.origins.length, scores: result.scores, best: result.best };
  }
  const holdoutWeeks = HOLDOUT_DEFAULTS.holdoutWeeks + HOLDOUT_DEFAULTS.selectionWeeks;
  let holdout: HoldoutResult | null = null;
  if (historyDays > 7 * holdoutWeeks) holdout = holdoutEvaluation(known, { methods, ...HOLDOUT_DEFAULTS });
  else
    notes.push(
      `The holdout table needs more than ${holdoutWeeks} weeks of history; it has ${historyDays} days.`,
    );
  const intervals = forecastIntervals(known, method, {
    from,
    intervals: Math.round((to - from) / (intervalMinutes * MINUTE_MS)),
  });
  return { method: method.name, evaluation: { backtest, holdout, notes }, intervals };
}
