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

/** ln(k!) by summing logarithms: exact enough for the counts of one interval. */
function logFactorial(k: number): number {
  let sum = 0;
  for (let i = 2; i <= k; i++) sum += Math.log(i);
  return sum;
}

/**
 * E|N − λ| for N ~ Poisson(λ): 2 λ^(k+1) e^(−λ) ÷ k! with k = ⌊λ⌋. What even a forecast of the true rate of
 * an interval misses by, on average, because arrivals are random.
 */
export function poissonMeanAbsoluteDeviation(rate: number): number {
  if (!(rate > 0)) return 0;
  const k = Math.floor(rate);
  return 2 * Math.exp((k + 1) * Math.log(rate) - rate - logFactorial(k));
}

/**
 * The noise floor of a WAPE, in percent: Σ E|N − λ| ÷ Σ λ over the intervals, each interval's rate λ taken as
 * its actual volume. No forecast can be expected to score below it at these volumes.
 */
export function poissonNoiseFloorPct(actuals: Iterable<number>): number | null {
  let deviation = 0;
  let total = 0;
  for (const actual of actuals) {
    deviation += poissonMeanAbsoluteDeviation(actual);
    total += actual;
  }
  return total > 0 ? (100 * deviation) / total : null;
}
