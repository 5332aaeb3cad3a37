/**
 * The regularized lower incomplete gamma function P(a, z) = γ(a, z) / Γ(a), in log space, for a > 0, z ≥ 0.
 *
 * Below z < a + 1 it is summed as the power series
 *   P(a, z) = e^(−z) z^a / Γ(a + 1) · S(a, z),   S(a, z) = Σ_{k≥0} z^k / ((a + 1)(a + 2)…(a + k)),
 * whose terms fall once k > z − a; above, the complement Q = 1 − P is evaluated as a continued fraction
 * (modified Lentz) and P = 1 − Q, where Q < 1/2 roughly so nothing cancels. Every prefactor is kept as a
 * logarithm, so arguments in the millions neither overflow nor underflow.
 */

const EPSILON = 2 ** -53;
/** Below this a Lentz denominator is treated as zero. */
const TINY = 1e-300;
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
/** Stirling's series is used from here; below, the recurrence Γ(x + 1) = x Γ(x) lifts the argument. */
const STIRLING_FROM = 10;

/** ln Γ(x) for x > 0: Stirling's series to the x^−13 term (error below 1e-16 from x = 10). */
export function logGamma(x: number): number {
  if (x < STIRLING_FROM) {
    let product = 1;
    let shifted = x;
    while (shifted < STIRLING_FROM) {
      product *= shifted;
      shifted += 1;
    }
    return logGamma(shifted) - Math.log(product);
  }
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingCorrection(x);
}

/** ln Γ(x) − ((x − ½) ln x − x + ½ ln 2π) for x ≥ 10: 1/(12x) − 1/(360x³) + … to the x^−13 term. */
function stirlingCorrection(x: number): number {
  const inverse = 1 / x;
  const i2 = inverse * inverse;
  return (
    inverse *
    (1 / 12 +
      i2 *
        (-1 / 360 + i2 * (1 / 1260 + i2 * (-1 / 1680 + i2 * (1 / 1188 + i2 * (-691 / 360360 + i2 / 156))))))
  );
}

/**
 * ln(z^a e^(−z) / Γ(a + 1)): the Poisson probability of a at mean z, for real a. From a = 10 it is
 * a·(ln(1 + t) − t) − ½ ln(2πa) − (Stirling correction), t = (z − a)/a, which never subtracts the two
 * large numbers a·ln z and ln Γ(a + 1): full precision even at a = z = 10⁸.
 */
export function logPoissonTerm(a: number, z: number): number {
  if (a < STIRLING_FROM) return a * Math.log(z) - z - logGamma(a + 1);
  const t = (z - a) / a;
  const logRatioMinusT = Math.abs(t) > 0.1 ? Math.log(z / a) - t : log1pMinusX(t);
  return a * logRatioMinusT - 0.5 * Math.log(2 * Math.PI * a) - stirlingCorrection(a);
}

/** ln(1 + t) − t for |t| ≤ 0.1, as a power series: the difference itself would cancel. */
function log1pMinusX(t: number): number {
  let power = t * t;
  let sum = 0;
  for (let k = 2; k < 40; k++) {
    const term = power / k;
    sum += k % 2 === 0 ? -term : term;
    if (Math.abs(term) <= EPSILON * Math.abs(sum)) break;
    power *= t;
  }
  return sum;
}

/** S(a, z) = Σ_{k≥0} z^k / ((a + 1)…(a + k)); converges for every z, fast when z < a + 1. */
export function lowerGammaSeries(a: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; ; k++) {
    term *= z / (a + k);
    sum += term;
    if (term <= sum * EPSILON) return sum;
  }
}

/**
 * The continued fraction h(a, z) with Q(a, z) = e^(−z) z^a / Γ(a) · h(a, z), for z ≥ a + 1:
 * h = 1/(z + 1 − a − 1·(1 − a)/(z + 3 − a − 2·(2 − a)/(z + 5 − a − …))).
 */
export function upperGammaContinuedFraction(a: number, z: number): number {
  let b = z + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; ; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) <= EPSILON) return h;
  }
}

/** ln P(a, z); −Infinity at z = 0. */
export function logRegularizedLowerGamma(a: number, z: number): number {
  if (z <= 0) return Number.NEGATIVE_INFINITY;
  if (z < a + 1) return logPoissonTerm(a, z) + Math.log(lowerGammaSeries(a, z));
  const q = Math.exp(logPoissonTerm(a, z) + Math.log(a)) * upperGammaContinuedFraction(a, z);
  return Math.log1p(-q);
}

/**
 * ln(P(a, z) / P(a, y)) for z = y·e^logShrink ≤ y. When both lie in the series range the prefactors are
 * divided analytically — a·ln(z/y) + (y − z) — so nothing large is subtracted and no ln Γ is needed; this is
 * what keeps the Erlang A service level exact as patience grows without bound.
 */
export function logRegularizedLowerGammaRatio(a: number, y: number, logShrink: number): number {
  if (logShrink === 0) return 0;
  const z = y * Math.exp(logShrink);
  if (z <= 0) return Number.NEGATIVE_INFINITY;
  if (y < a + 1) {
    return (
      a * logShrink - y * Math.expm1(logShrink) + Math.log(lowerGammaSeries(a, z) / lowerGammaSeries(a, y))
    );
  }
  return logRegularizedLowerGamma(a, z) - logRegularizedLowerGamma(a, y);
}
