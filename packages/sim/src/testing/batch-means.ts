/**
 * Confidence intervals by batch means for a ratio estimator (e.g. SL = Σ answered within t ÷ Σ offered over
 * the batches). Each batch is one report interval of a long steady-state run; batches of an hour hold a few
 * hundred contacts, far longer than the queue's memory (a few handle times), so they are close to independent.
 *
 * For batch totals (yᵢ, xᵢ), i = 1…k, the estimate is R = Σy ÷ Σx and its standard error (delta method)
 * SE = √(Σ(yᵢ − R·xᵢ)² ÷ (k(k − 1))) ÷ x̄; the interval is R ± t(0.995, k − 1)·SE for 99 %.
 */
export interface RatioBatch {
  numerator: number;
  denominator: number;
}

export interface ConfidenceInterval {
  estimate: number;
  halfWidth: number;
  low: number;
  high: number;
  batches: number;
  /** Lag-1 autocorrelation of the batch residuals: near 0 when batches are long enough to be independent. */
  lag1Correlation: number;
}

export function ratioConfidenceInterval(
  batches: readonly RatioBatch[],
  confidence = 0.99,
): ConfidenceInterval {
  const k = batches.length;
  if (k < 10) throw new Error(`Batch means need at least 10 batches, got ${k}.`);
  let sumY = 0;
  let sumX = 0;
  for (const b of batches) {
    sumY += b.numerator;
    sumX += b.denominator;
  }
  const estimate = sumY / sumX;
  const residuals = batches.map((b) => b.numerator - estimate * b.denominator);
  let squares = 0;
  let lagged = 0;
  residuals.forEach((r, i) => {
    squares += r * r;
    if (i > 0) lagged += r * (residuals[i - 1] as number);
  });
  const standardError = Math.sqrt(squares / (k * (k - 1))) / (sumX / k);
  const halfWidth = studentT((1 + confidence) / 2, k - 1) * standardError;
  return {
    estimate,
    halfWidth,
    low: estimate - halfWidth,
    high: estimate + halfWidth,
    batches: k,
    lag1Correlation: squares === 0 ? 0 : lagged / squares,
  };
}

/**
 * The quantile of Student's t with ν degrees of freedom, by the Cornish–Fisher expansion around the normal
 * quantile (Abramowitz & Stegun 26.7.5); within 0.002 of the exact value for ν ≥ 10, all the tests need.
 */
export function studentT(probability: number, degrees: number): number {
  const z = normalQuantile(probability);
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const nu = degrees;
  return (
    z +
    (z3 + z) / (4 * nu) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * nu ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu ** 3)
  );
}

/** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p > 0.5) return -normalQuantile(1 - p);
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return horner(TAIL_NUMERATOR, q) / (horner(TAIL_DENOMINATOR, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (horner(CENTRAL_NUMERATOR, r) * q) / (horner(CENTRAL_DENOMINATOR, r) * r + 1);
}

const horner = (coefficients: readonly number[], x: number): number =>
  coefficients.reduce((sum, c) => sum * x + c, 0);

const CENTRAL_NUMERATOR = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const CENTRAL_DENOMINATOR = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
];
const TAIL_NUMERATOR = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const TAIL_DENOMINATOR = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
