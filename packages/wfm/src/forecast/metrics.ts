/**
 * Forecast accuracy as METRICS.md defines it, in percent:
 * - WAPE = Σ|forecast − actual| ÷ Σ actual;
 * - MAPE = mean of |forecast − actual| ÷ actual over the intervals whose actual is not zero (an interval with
 *   no contacts has no percentage error; WAPE counts it);
 * - bias = Σ(forecast − actual) ÷ Σ actual (positive: over-forecast).
 * A figure whose denominator is zero is null.
 */
export interface Accuracy {
  wapePct: number | null;
  mapePct: number | null;
  biasPct: number | null;
  /** Intervals compared, and those of them with a non-zero actual (the MAPE's). */
  intervals: number;
  nonZeroIntervals: number;
  actualTotal: number;
  forecastTotal: number;
}

export interface AccuracyTally {
  add(actual: number, forecast: number): void;
  result(): Accuracy;
}

export function accuracyTally(): AccuracyTally {
  let absoluteError = 0;
  let percentErrors = 0;
  let intervals = 0;
  let nonZeroIntervals = 0;
  let actualTotal = 0;
  let forecastTotal = 0;
  return {
    add(actual, forecast) {
      intervals++;
      actualTotal += actual;
      forecastTotal += forecast;
      absoluteError += Math.abs(forecast - actual);
      if (actual !== 0) {
        nonZeroIntervals++;
        percentErrors += Math.abs(forecast - actual) / Math.abs(actual);
      }
    },
    result() {
      const ofActual = (x: number) => (actualTotal > 0 ? (100 * x) / actualTotal : null);
      return {
        wapePct: ofActual(absoluteError),
        mapePct: nonZeroIntervals > 0 ? (100 * percentErrors) / nonZeroIntervals : null,
        biasPct: ofActual(forecastTotal - actualTotal),
        intervals,
        nonZeroIntervals,
        actualTotal,
        forecastTotal,
      };
    },
  };
}

/** Accuracy of a forecast against the actuals, interval by interval (the arrays are paired by index). */
export function accuracy(actual: readonly number[], forecast: readonly number[]): Accuracy {
  if (actual.length !== forecast.length) throw new RangeError('actual and forecast differ in length');
  const tally = accuracyTally();
  actual.forEach((a, i) => {
    tally.add(a, forecast[i] ?? 0);
  });
  return tally.result();
}
