import type { SeededRandom } from './random.ts';

/** One point of an empirical distribution: the share of values at or below `seconds`. */
export interface CumulativePoint {
  seconds: number;
  cumulative: number;
}

/**
 * How long something takes (handle time, wrap-up, patience), in seconds.
 * - `fixed`: always the same.
 * - `exponential`: memoryless, with the given mean (Erlang's assumption for handle time and patience).
 * - `lognormal`: the usual shape of measured handle times, given by its mean and coefficient of variation
 *   (standard deviation ÷ mean).
 * - `empirical`: a measured distribution as points of its cumulative distribution function, linear in
 *   between; `cumulative` rises to 1 at the last point, and a first point with cumulative p > 0 puts a mass
 *   p on its `seconds`.
 */
export type Duration =
  | { kind: 'fixed'; seconds: number }
  | { kind: 'exponential'; meanSeconds: number }
  | { kind: 'lognormal'; meanSeconds: number; cv: number }
  | { kind: 'empirical'; points: readonly CumulativePoint[] };

export const DURATION_KINDS = ['fixed', 'exponential', 'lognormal', 'empirical'] as const;

/** Draws durations in whole milliseconds (the simulation's clock resolution). */
export type DurationSampler = (random: SeededRandom) => number;

export function durationSampler(duration: Duration): DurationSampler {
  switch (duration.kind) {
    case 'fixed': {
      const ms = Math.round(duration.seconds * 1000);
      return () => ms;
    }
    case 'exponential': {
      const meanMs = duration.meanSeconds * 1000;
      return (random) => Math.round(random.exponential(meanMs));
    }
    case 'lognormal': {
      // For a lognormal with mean m and coefficient of variation c: σ² = ln(1 + c²), μ = ln m − σ²/2.
      const variance = Math.log1p(duration.cv * duration.cv);
      const sigma = Math.sqrt(variance);
      const mu = Math.log(duration.meanSeconds * 1000) - variance / 2;
      return (random) => Math.round(Math.exp(mu + sigma * random.normal()));
    }
    case 'empirical':
      return empiricalSampler(duration.points);
  }
}

/** Inverse transform sampling over the piecewise-linear cumulative distribution. */
function empiricalSampler(points: readonly CumulativePoint[]): DurationSampler {
  const seconds = points.map((p) => p.seconds);
  const cumulative = points.map((p) => p.cumulative);
  return (random) => {
    const u = random.uniform();
    let hi = 0;
    while ((cumulative[hi] as number) < u) hi++;
    const upper = seconds[hi] as number;
    if (hi === 0) return Math.round(upper * 1000);
    const lower = seconds[hi - 1] as number;
    const from = cumulative[hi - 1] as number;
    const to = cumulative[hi] as number;
    const share = to === from ? 1 : (u - from) / (to - from);
    return Math.round((lower + share * (upper - lower)) * 1000);
  };
}

/** The mean of a duration in seconds (for reports and tests). */
export function meanSeconds(duration: Duration): number {
  switch (duration.kind) {
    case 'fixed':
      return duration.seconds;
    case 'exponential':
    case 'lognormal':
      return duration.meanSeconds;
    case 'empirical': {
      const [first, ...rest] = duration.points;
      if (first === undefined) return 0;
      let mean = first.seconds * first.cumulative;
      let previous = first;
      for (const point of rest) {
        mean += ((previous.seconds + point.seconds) / 2) * (point.cumulative - previous.cumulative);
        previous = point;
      }
      return mean;
    }
  }
}
