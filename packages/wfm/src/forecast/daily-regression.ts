import { type ForecastHistory, normalDaysBefore } from './history.ts';
import { leastSquares } from './least-squares.ts';
import { weekdayOf } from './local-time.ts';

export interface DailyRegressionOptions {
  /** Weeks of history before the forecast day that the model is fitted on. */
  windowWeeks: number;
  /** Fit a trend (a steady growth or decline per week) and extrapolate it. */
  trend: boolean;
  /**
   * Calendar effects: the open day after and before a closed holiday, the first and last open day of a month.
   * Each is fitted only when the window has such days, and shrunk towards no effect (see CALENDAR_PENALTY).
   */
  calendar?: boolean;
}

/** A calendar effect is shrunk as if this many days had shown none: a single holiday cannot set it alone. */
const CALENDAR_PENALTY = 2;

export interface DailyTotal {
  day: number;
  weekday: number;
  total: number;
}

/** AR(1) coefficient cap: a residual never carries over in full. */
const MAX_CARRY = 0.95;

/**
 * The days the model learns from: complete, not special, with volume (a day with none is a closure or an
 * outage, not a level), in the window, oldest first.
 */
export function trainingDays(history: ForecastHistory, day: number, windowWeeks: number): DailyTotal[] {
  const from = day - 7 * windowWeeks;
  const totals: DailyTotal[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (const record of normalDaysBefore(history, day, weekday)) {
      if (record.day < from) break;
      if (record.complete && record.total > 0) totals.push({ day: record.day, weekday, total: record.total });
    }
  }
  return totals.sort((a, b) => a.day - b.day);
}

type Feature = (day: number) => number;

/** The calendar features of a day, given the weekdays the center works and its closed special days. */
function calendarFeatures(history: ForecastHistory, weekdays: readonly number[]): Feature[] {
  const closed = (day: number) => history.special.get(day)?.closed === true;
  const works = (day: number) => weekdays.includes(weekdayOf(day));
  const neighbour = (day: number, step: number) => {
    let other = day + step;
    for (let k = 0; k < 7 && !works(other); k++) other += step;
    return other;
  };
  const month = (day: number) => new Date(day * 86_400_000).getUTCMonth();
  const openDay = (day: number) => works(day) && !closed(day);
  const edgeOfMonth = (day: number, step: number) => {
    for (let other = day + step; month(other) === month(day); other += step) if (openDay(other)) return 0;
    return 1;
  };
  return [
    (day) => (closed(neighbour(day, -1)) ? 1 : 0),
    (day) => (closed(neighbour(day, 1)) ? 1 : 0),
    (day) => edgeOfMonth(day, -1),
    (day) => edgeOfMonth(day, 1),
  ];
}

interface Design {
  row(point: { day: number; weekday: number }): number[];
  penalties: number[];
}

function designOf(weekdays: number[], day: number, trend: boolean, features: readonly Feature[]): Design {
  return {
    row(point) {
      const row = [1];
      if (trend) row.push((point.day - day) / 7);
      for (const weekday of weekdays.slice(1)) row.push(point.weekday === weekday ? 1 : 0);
      for (const feature of features) row.push(feature(point.day));
      return row;
    },
    penalties: [
      ...new Array<number>(1 + (trend ? 1 : 0) + weekdays.length - 1).fill(0),
      ...features.map(() => CALENDAR_PENALTY),
    ],
  };
}

/**
 * Forecasts the volume of a whole local day: a regression of the logarithm of recent daily totals on weekday
 * (and optionally a trend), plus the last residual carried forward with the residuals' lag-one autocorrelation
 * (an AR(1) error). On the log scale every effect is a share: a weekday is a multiple of the level, and a day
 * 10 % above its expected volume moves the next day's forecast up by a share, never by a number of calls (a
 * busy full day does not swamp a short one after it). A weekday with no volume in the window is forecast 0.
 */
export function forecastDailyTotal(
  history: ForecastHistory,
  day: number,
  options: DailyRegressionOptions,
): number {
  const totals = trainingDays(history, day, options.windowWeeks);
  const weekdays = [...new Set(totals.map((point) => point.weekday))].sort((a, b) => a - b);
  const target = { day, weekday: weekdayOf(day) };
  if (!weekdays.includes(target.weekday)) return 0;
  const targets = totals.map((point) => Math.log(point.total));
  // A calendar effect is fitted only when some training day shows it.
  const features = options.calendar
    ? calendarFeatures(history, weekdays).filter((feature) =>
        totals.some((point) => feature(point.day) !== 0),
      )
    : [];
  const fit = (withTrend: boolean) => {
    const design = designOf(weekdays, day, withTrend, features);
    const coefficients = leastSquares(totals.map(design.row), targets, design.penalties);
    return coefficients === null ? null : { design, coefficients };
  };
  const trend = options.trend && totals.length > weekdays.length + 1;
  const model = (trend ? fit(true) : null) ?? fit(false);
  if (model === null) return 0;
  const fitted = (point: { day: number; weekday: number }) =>
    model.design.row(point).reduce((sum, x, i) => sum + x * (model.coefficients[i] ?? 0), 0);
  const residuals = totals.map((point, i) => (targets[i] ?? 0) - fitted(point));
  const last = totals[totals.length - 1];
  const lastResidual = residuals[residuals.length - 1] ?? 0;
  const carry = lagOneCorrelation(residuals);
  const steps = last === undefined ? 0 : modelledDaysBetween(history, last.day, day, weekdays);
  const carried = lastResidual * carry ** steps;
  // exp of a mean log is the median: half the variance left after the carry brings it back to the mean.
  const spread =
    (innovationVariance(residuals, carry) * (1 - carry ** (2 * steps))) / Math.max(1e-9, 1 - carry * carry);
  const total = Math.exp(fitted(target) + carried + (Number.isFinite(spread) ? spread / 2 : 0));
  return Number.isFinite(total) ? total : 0;
}

/** Variance of what the AR(1) carry does not explain, day to day. */
function innovationVariance(residuals: readonly number[], carry: number): number {
  let sum = 0;
  for (let i = 1; i < residuals.length; i++) {
    const innovation = (residuals[i] ?? 0) - carry * (residuals[i - 1] ?? 0);
    sum += innovation * innovation;
  }
  return residuals.length > 1 ? sum / (residuals.length - 1) : 0;
}

function lagOneCorrelation(residuals: readonly number[]): number {
  let product = 0;
  let square = 0;
  for (let i = 1; i < residuals.length; i++) {
    const previous = residuals[i - 1] ?? 0;
    product += (residuals[i] ?? 0) * previous;
    square += previous * previous;
  }
  return square > 0 ? Math.min(MAX_CARRY, Math.max(0, product / square)) : 0;
}

/** Days in (after, day] the model would have had a total for: its weekdays, except closed special days. */
export function modelledDaysBetween(
  history: ForecastHistory,
  after: number,
  day: number,
  weekdays: number[],
): number {
  let steps = 0;
  for (let d = after + 1; d <= day; d++) {
    if (weekdays.includes(weekdayOf(d)) && history.special.get(d)?.closed !== true) steps++;
  }
  return steps;
}
