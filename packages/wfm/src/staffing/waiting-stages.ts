/**
 * Moments of the queue an Erlang A caller joins. With a = x + 1 and y as in erlang-a.ts, the weights
 *   c_k = y^k / (a(a + 1)…(a + k)),  k ≥ 0,
 * describe the queue twice over: k + 1 callers wait with probability π_n·y·c_k, and an arrival finds k
 * ahead and is still served with probability π_n·x·c_k. Two means under these weights give the measures
 * that would otherwise come from subtracting nearly equal numbers:
 * - `meanStages`, of h_k = Σ_{i=0}^{k} 1/(a + i): a caller with k ahead moves up at rate nμ + iθ while i
 *   are ahead, so h_k/θ is their mean wait if served, and `meanStages`/θ is E[W | served after waiting];
 * - `meanLength`, of k + 1: the mean number waiting given someone waits, so abandonment θ·E[Q]/λ needs no
 *   cancellation even when patience is nearly infinite.
 * The weights are summed outward from their peak k* = ⌊y − a⌋ (where c_(k+1)/c_k = y/(a + k + 1) crosses 1)
 * relative to it, so they cannot overflow however overloaded the queue is; only ratios are used.
 */

const EPSILON = 2 ** -53;
const DIGAMMA_ASYMPTOTIC_FROM = 8;
/** Up to this peak h_(k*) is summed term by term; beyond, it is a difference of digammas. */
const DIRECT_SUM_UP_TO = 64;

export interface StageMoments {
  meanStages: number;
  meanLength: number;
}

export function stageMoments(a: number, y: number): StageMoments {
  const peak = Math.max(0, Math.floor(y - a));
  const hPeak = peak <= DIRECT_SUM_UP_TO ? harmonicSum(a, peak) : digammaShift(a, peak + 1);
  let sumWeights = 1;
  let sumStages = hPeak;
  let sumLength = peak + 1;

  let weight = 1;
  let h = hPeak;
  for (let k = peak + 1; ; k++) {
    weight *= y / (a + k);
    h += 1 / (a + k);
    sumWeights += weight;
    sumStages += weight * h;
    sumLength += weight * (k + 1);
    if (weight * (k + 1) <= sumLength * EPSILON && weight * h <= sumStages * EPSILON) break;
  }
  weight = 1;
  h = hPeak;
  for (let k = peak - 1; k >= 0; k--) {
    weight *= (a + k + 1) / y;
    h -= 1 / (a + k + 1);
    sumWeights += weight;
    sumStages += weight * h;
    sumLength += weight * (k + 1);
    if (weight <= sumWeights * EPSILON) break;
  }
  return { meanStages: sumStages / sumWeights, meanLength: sumLength / sumWeights };
}

/** Σ_{i=0}^{k} 1/(a + i), smallest terms first. */
function harmonicSum(a: number, k: number): number {
  let sum = 0;
  for (let i = k; i >= 0; i--) sum += 1 / (a + i);
  return sum;
}

/** ψ(a + m) − ψ(a) = Σ_{i=0}^{m−1} 1/(a + i), for a whole m ≥ 1, in constant time. */
export function digammaShift(a: number, m: number): number {
  let sum = 0;
  let low = a;
  while (low < DIGAMMA_ASYMPTOTIC_FROM) {
    sum += 1 / low - 1 / (low + m);
    low += 1;
  }
  // Both ends moved up together; what is left is ψ(low + m) − ψ(low) from the asymptotic series.
  return sum + Math.log1p(m / low) + digammaTail(low + m) - digammaTail(low);
}

/** ψ(x) − ln x for x ≥ 8: −1/(2x) − Σ B_2k / (2k x^2k), to the x^−12 term. */
function digammaTail(x: number): number {
  const i2 = 1 / (x * x);
  return (
    -0.5 / x -
    i2 * (1 / 12 - i2 * (1 / 120 - i2 * (1 / 252 - i2 * (1 / 240 - i2 * (1 / 132 - (691 / 32760) * i2)))))
  );
}
