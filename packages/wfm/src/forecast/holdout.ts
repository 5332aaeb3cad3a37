import { invalid } from '@switchboard/core';
import { type MethodScore, rollingOriginBacktest } from './backtest.ts';
import { forecastDayVolume } from './day-forecast.ts';
import { buildForecastHistory, type HistoryDay, historyDay, isOpenSlot } from './history.ts';
import {
  chooseIntradayRule,
  type IntradayRule,
  reforecastRestOfDay,
  restOfDayAccuracy,
  ruleDaysBefore,
} from './intraday.ts';
import { dateOfDay } from './local-time.ts';
import type { ForecastMethod } from './methods.ts';
import { type Accuracy, poissonNoiseFloorPct } from './metrics.ts';
import type { ForecastInput } from './types.ts';

export interface HoldoutOptions {
  methods: readonly ForecastMethod[];
  /** The last weeks of the history, kept from every choice and scored at the end. */
  holdoutWeeks: number;
  /** Weeks before the holdout on which the method is chosen by backtest. */
  selectionWeeks: number;
  /** Minute of the day from which the intraday update reforecasts the rest of the day (12:00 = 720). */
  intradayFromMinute: number;
}

export const HOLDOUT_DEFAULTS = { holdoutWeeks: 8, selectionWeeks: 8, intradayFromMinute: 720 } as const;

export interface HoldoutResult {
  /** First day of the holdout, 'YYYY-MM-DD', and the days scored in it. */
  holdoutFrom: string;
  days: number;
  /** The method chosen by the backtest on the weeks before the holdout, and that backtest's scores. */
  chosen: string | null;
  selection: MethodScore[];
  /** Every method's day-ahead accuracy on the holdout (each day forecast from the days before it only). */
  holdout: MethodScore[];
  /** The intraday update of the chosen method, its rule chosen on the weeks before the holdout. */
  intraday: {
    fromMinute: number;
    rule: IntradayRule | null;
    dayAhead: Accuracy;
    updated: Accuracy;
    /** The day-ahead forecast scaled to each rest of day's true total: the best any level update can do. */
    perfectLevel: Accuracy;
  } | null;
  /** What a forecast of the true Poisson rate would still miss: on whole days, and on the rest of the day. */
  noiseFloorPct: number | null;
  intradayNoiseFloorPct: number | null;
}

/**
 * Scores forecasting honestly: the method and the intraday rule are chosen on the history before the last
 * `holdoutWeeks` weeks only; then every day of the holdout is forecast day-ahead from the days before it, and
 * reforecast from `intradayFromMinute` with its own actuals so far. Nothing in the holdout steers any choice.
 */
export function holdoutEvaluation(input: ForecastInput, options: HoldoutOptions): HoldoutResult {
  const { methods, holdoutWeeks, selectionWeeks, intradayFromMinute } = options;
  if (
    !Number.isInteger(holdoutWeeks) ||
    holdoutWeeks < 1 ||
    !Number.isInteger(selectionWeeks) ||
    selectionWeeks < 1
  ) {
    throw invalid('The holdout and selection weeks must be whole numbers ≥ 1.', {
      holdoutWeeks,
      selectionWeeks,
    });
  }
  const history = buildForecastHistory(input);
  const firstDay = history.days[0]?.day;
  if (firstDay === undefined) throw invalid('The history is empty: there is nothing to hold out.');
  const lastDay = firstDay + history.days.length - 1;
  const holdoutFrom = lastDay - 7 * holdoutWeeks + 1;
  if (holdoutFrom - 7 * selectionWeeks <= firstDay) {
    throw invalid(
      `The history needs more than ${holdoutWeeks + selectionWeeks} weeks for a ${holdoutWeeks}-week holdout after a ${selectionWeeks}-week selection.`,
    );
  }
  const before = buildForecastHistory(input, Number.POSITIVE_INFINITY, holdoutFrom);
  const beforeInput = cutBefore(input, before);
  const selection = rollingOriginBacktest(beforeInput, { methods, weeks: selectionWeeks });
  const holdout = rollingOriginBacktest(input, { methods, weeks: holdoutWeeks });
  const chosen = methods.find((method) => method.name === selection.best) ?? null;

  const slot = intradayFromMinute / history.intervalMinutes;
  if (!Number.isInteger(slot) || slot <= 0 || slot >= history.slotsPerDay) {
    throw invalid('The intraday update must start on the interval grid, after midnight.', {
      intradayFromMinute,
    });
  }
  let intraday: HoldoutResult['intraday'] = null;
  let intradayNoiseFloorPct: number | null = null;
  if (chosen !== null) {
    const ruleDays = ruleDaysBefore(before, holdoutFrom, slot, 7 * selectionWeeks);
    const rule = chooseIntradayRule(before, chosen, ruleDays, slot);
    const cases: { record: HistoryDay; dayAhead: Float64Array; updated: Float64Array }[] = [];
    for (let day = holdoutFrom; day <= lastDay; day++) {
      const record = historyDay(history, day);
      if (record === undefined || !hasOpenSlotFrom(history, record, slot)) continue;
      const past = buildForecastHistory(input, Number.POSITIVE_INFINITY, day);
      const dayAhead = forecastDayVolume(past, chosen, day);
      cases.push({
        record,
        dayAhead,
        updated: reforecastRestOfDay(dayAhead, record, slot, rule, history.intervalMinutes),
      });
    }
    intraday = { fromMinute: intradayFromMinute, rule, ...restOfDayAccuracy(cases, slot) };
    intradayNoiseFloorPct = poissonNoiseFloorPct(
      cases.flatMap(({ record }) =>
        [...record.volume.slice(slot)].filter((_, i) => record.known[slot + i] === 1),
      ),
    );
  }
  const scored: number[] = [];
  let days = 0;
  for (let day = holdoutFrom; day <= lastDay; day++) {
    const record = historyDay(history, day);
    if (record === undefined || !hasOpenSlotFrom(history, record, 0)) continue;
    days++;
    record.volume.forEach((volume, s) => {
      if (record.known[s] === 1 && isOpenSlot(history, record.weekday, s)) scored.push(volume);
    });
  }
  return {
    holdoutFrom: dateOfDay(holdoutFrom),
    days,
    chosen: chosen?.name ?? null,
    selection: selection.scores,
    holdout: holdout.scores,
    intraday,
    noiseFloorPct: poissonNoiseFloorPct(scored),
    intradayNoiseFloorPct,
  };
}

/** A day worth scoring from a slot on: open and known there at least once. */
function hasOpenSlotFrom(history: ReturnType<typeof buildForecastHistory>, record: HistoryDay, from: number) {
  for (let slot = from; slot < record.volume.length; slot++) {
    if (
      record.known[slot] === 1 &&
      isOpenSlot(history, record.weekday, slot) &&
      !history.special.get(record.day)?.closed
    )
      return true;
  }
  return false;
}

/** The input with only the intervals of the days `history` holds. */
function cutBefore(input: ForecastInput, history: ReturnType<typeof buildForecastHistory>): ForecastInput {
  const lastDay = history.days.at(-1)?.day ?? Number.NEGATIVE_INFINITY;
  const { clock } = history;
  return {
    ...input,
    history: {
      ...input.history,
      intervals: input.history.intervals.filter((interval) => clock.toLocal(interval.start).day <= lastDay),
    },
  };
}
