import { invalid } from '@switchboard/core';
import { forecastDayVolume } from './day-forecast.ts';
import { buildForecastHistory, type ForecastHistory, type HistoryDay, historyDay } from './history.ts';
import type { ForecastMethod } from './methods.ts';
import { accuracyTally } from './metrics.ts';
import type { ForecastInput } from './types.ts';

/**
 * How the rest of a day is reforecast from its actuals so far: the day-ahead forecast of each remaining slot
 * times a ratio of actual to forecast volume, a blend of the ratio over the whole day so far and over its most
 * recent minutes. Each ratio is (actual + prior) ÷ (forecast + prior): the prior, in contacts, keeps a few early
 * contacts from swinging the day at low volumes.
 */
export interface IntradayRule {
  recentMinutes: number;
  /** 0: the ratio of the whole day so far; 1: of the recent minutes only. */
  recentWeight: number;
  priorContacts: number;
}

const RECENT_MINUTES = [30, 60, 120, 240];
const RECENT_WEIGHTS = [0, 0.5, 1];
const PRIOR_CONTACTS = [0, 25, 100];

/** Every rule tried, and null: keep the day-ahead forecast. */
export function candidateRules(): (IntradayRule | null)[] {
  const rules: (IntradayRule | null)[] = [null];
  for (const priorContacts of PRIOR_CONTACTS) {
    rules.push({ recentMinutes: 0, recentWeight: 0, priorContacts });
    for (const recentMinutes of RECENT_MINUTES) {
      for (const recentWeight of RECENT_WEIGHTS.filter((w) => w > 0)) {
        rules.push({ recentMinutes, recentWeight, priorContacts });
      }
    }
  }
  return rules;
}

/** Days a rule is chosen on: the last complete normal open days before the day reforecast. */
export const RULE_DAYS = 20;

/**
 * The day-ahead forecast of a day with its slots from `asOfSlot` on multiplied by the rule's ratio, computed on
 * the day's known slots before `asOfSlot`. A null rule, or a day with no forecast so far, leaves it as it is.
 */
export function reforecastRestOfDay(
  dayAhead: Float64Array,
  actual: Pick<HistoryDay, 'volume' | 'known'>,
  asOfSlot: number,
  rule: IntradayRule | null,
  intervalMinutes: number,
): Float64Array {
  if (rule === null) return dayAhead.slice();
  const recentFrom = asOfSlot - Math.round(rule.recentMinutes / intervalMinutes);
  let actualSoFar = 0;
  let forecastSoFar = 0;
  let actualRecent = 0;
  let forecastRecent = 0;
  for (let slot = 0; slot < asOfSlot; slot++) {
    if (actual.known[slot] !== 1) continue;
    const volume = actual.volume[slot] ?? 0;
    const forecast = dayAhead[slot] ?? 0;
    actualSoFar += volume;
    forecastSoFar += forecast;
    if (slot >= recentFrom) {
      actualRecent += volume;
      forecastRecent += forecast;
    }
  }
  const ratio = (a: number, f: number) =>
    f + rule.priorContacts > 0 ? (a + rule.priorContacts) / (f + rule.priorContacts) : 1;
  const whole = ratio(actualSoFar, forecastSoFar);
  const recent = forecastRecent > 0 || rule.priorContacts > 0 ? ratio(actualRecent, forecastRecent) : whole;
  const factor = (1 - rule.recentWeight) * whole + rule.recentWeight * recent;
  return dayAhead.map((x, slot) => (slot >= asOfSlot ? x * factor : x));
}

/** The day-ahead forecast of `day` by the method, from the days of the history before it. */
const dayAheadOf = (history: ForecastHistory, method: ForecastMethod, day: number) =>
  forecastDayVolume(history, method, day);

/**
 * The rule that would have reforecast the rest of the given days (complete days of the history) best, by WAPE
 * over their slots from `asOfSlot` on; null (no update) when none beats leaving the day-ahead forecast alone.
 */
export function chooseIntradayRule(
  history: ForecastHistory,
  method: ForecastMethod,
  days: readonly number[],
  asOfSlot: number,
): IntradayRule | null {
  const cases = days.flatMap((day) => {
    const record = historyDay(history, day);
    return record ? [{ record, dayAhead: dayAheadOf(history, method, day) }] : [];
  });
  let best: IntradayRule | null = null;
  let bestError = Number.POSITIVE_INFINITY;
  for (const rule of candidateRules()) {
    let error = 0;
    for (const { record, dayAhead } of cases) {
      const updated = reforecastRestOfDay(dayAhead, record, asOfSlot, rule, history.intervalMinutes);
      for (let slot = asOfSlot; slot < history.slotsPerDay; slot++) {
        if (record.known[slot] === 1) error += Math.abs((updated[slot] ?? 0) - (record.volume[slot] ?? 0));
      }
    }
    // Ties keep the simpler rule: the list starts with no update.
    if (error < bestError - 1e-9) {
      best = rule;
      bestError = error;
    }
  }
  return best;
}

/** The last `count` complete, normal days before `day` that had volume after `asOfSlot`. */
export function ruleDaysBefore(history: ForecastHistory, day: number, asOfSlot: number, count = RULE_DAYS) {
  const days: number[] = [];
  for (let index = history.days.length - 1; index >= 0 && days.length < count; index--) {
    const record = history.days[index];
    if (record === undefined || record.day >= day || !record.complete || history.special.has(record.day))
      continue;
    if (record.volume.some((volume, slot) => slot >= asOfSlot && volume > 0)) days.push(record.day);
  }
  return days;
}

export interface IntradayForecast {
  /** The local day and the slot from which the forecast is updated. */
  day: number;
  asOfSlot: number;
  rule: IntradayRule | null;
  /** Per slot of the day: the day-ahead forecast, and the same with the rest of the day reforecast. */
  dayAhead: Float64Array;
  updated: Float64Array;
  /** The day's actuals so far: volume per slot, and which slots are known. */
  actual: Float64Array;
}

/**
 * Reforecasts the rest of the local day in progress at `asOfMs` from its actuals so far: the day's day-ahead
 * forecast (the method's, or the one given: a published forecast, per slot of the day), updated by the rule
 * that did best for the method on the last RULE_DAYS days at the same time of day. Reads only intervals before
 * `asOfMs`.
 */
export function intradayForecast(
  input: ForecastInput,
  method: ForecastMethod,
  asOfMs: number,
  published?: Float64Array,
): IntradayForecast {
  const history = buildForecastHistory(input, asOfMs);
  const local = history.clock.toLocal(asOfMs);
  if (local.minuteOfDay % history.intervalMinutes !== 0) {
    throw invalid('The intraday update starts on the interval grid.', { asOfMs });
  }
  const asOfSlot = local.minuteOfDay / history.intervalMinutes;
  const record = historyDay(history, local.day);
  const actual = new Float64Array(history.slotsPerDay);
  const known = new Uint8Array(history.slotsPerDay);
  for (let slot = 0; slot < asOfSlot; slot++) {
    if (record?.known[slot] === 1) {
      actual[slot] = record.volume[slot] ?? 0;
      known[slot] = 1;
    }
  }
  const rule = chooseIntradayRule(history, method, ruleDaysBefore(history, local.day, asOfSlot), asOfSlot);
  const dayAhead = published ?? dayAheadOf(history, method, local.day);
  return {
    day: local.day,
    asOfSlot,
    rule,
    dayAhead,
    updated: reforecastRestOfDay(
      dayAhead,
      { volume: actual, known },
      asOfSlot,
      rule,
      history.intervalMinutes,
    ),
    actual,
  };
}

/**
 * Accuracy over the slots from `asOfSlot` on: of the day-ahead forecast, of the updated one, and of the
 * day-ahead forecast scaled to the rest of the day's true total (what a perfect update of the level would
 * reach: the error left is the shape's).
 */
export function restOfDayAccuracy(
  cases: readonly { record: HistoryDay; dayAhead: Float64Array; updated: Float64Array }[],
  asOfSlot: number,
) {
  const dayAhead = accuracyTally();
  const updated = accuracyTally();
  const perfectLevel = accuracyTally();
  for (const { record, dayAhead: before, updated: after } of cases) {
    let actualRest = 0;
    let forecastRest = 0;
    for (let slot = asOfSlot; slot < record.volume.length; slot++) {
      if (record.known[slot] !== 1) continue;
      actualRest += record.volume[slot] ?? 0;
      forecastRest += before[slot] ?? 0;
    }
    const scale = forecastRest > 0 ? actualRest / forecastRest : 1;
    for (let slot = asOfSlot; slot < record.volume.length; slot++) {
      if (record.known[slot] !== 1) continue;
      const actual = record.volume[slot] ?? 0;
      dayAhead.add(actual, before[slot] ?? 0);
      updated.add(actual, after[slot] ?? 0);
      perfectLevel.add(actual, (before[slot] ?? 0) * scale);
    }
  }
  return { dayAhead: dayAhead.result(), updated: updated.result(), perfectLevel: perfectLevel.result() };
}
