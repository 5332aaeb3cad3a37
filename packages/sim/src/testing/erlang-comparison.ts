import type { QueueMeasures } from '@switchboard/wfm';
import type { CsqStatistics, SimulationReport } from '../report.ts';
import { type ConfidenceInterval, type RatioBatch, ratioConfidenceInterval } from './batch-means.ts';

export const MEASURES = [
  'serviceLevel',
  'asaSeconds',
  'waitProbability',
  'abandonProbability',
  'occupancy',
] as const;
export type Measure = (typeof MEASURES)[number];

export interface MeasureComparison {
  measure: Measure;
  erlang: number;
  simulated: ConfidenceInterval;
  /** The Erlang value lies in the simulated 99 % confidence interval. */
  within: boolean;
}

/**
 * Compares a steady-state run with what an Erlang model predicts, measure by measure. The report's intervals
 * are grouped into batches of `intervalsPerBatch`; the first interval is dropped (the center starts empty) and
 * so are those after the last arrival (the queue drains). Hourly intervals are correlated a little (lag 1
 * ≈ 0.1, which makes a 99 % interval cover only about 97–98 %); batches of two hours bring it near 0.
 */
export function compareWithErlang(
  report: SimulationReport,
  erlang: QueueMeasures,
  intervalsPerBatch = 2,
): MeasureComparison[] {
  const intervals = report.intervals.slice(1, report.dayIntervals);
  const rows = intervals.map((interval) => interval.csqs[0] as CsqStatistics);
  const hourly: Record<Measure, RatioBatch[]> = {
    serviceLevel: rows.map((r) => ({ numerator: r.answeredWithinThreshold, denominator: r.offered })),
    asaSeconds: rows.map((r) => ({ numerator: (r.asaSeconds ?? 0) * r.answered, denominator: r.answered })),
    waitProbability: rows.map((r) => ({
      numerator: (r.waitProbability ?? 0) * r.offered,
      denominator: r.offered,
    })),
    abandonProbability: rows.map((r) => ({ numerator: r.abandoned, denominator: r.offered })),
    occupancy: intervals.map(({ agents }) => ({
      numerator: agents.busySeconds,
      denominator: agents.busySeconds + agents.availableSeconds,
    })),
  };
  return MEASURES.map((measure) => {
    const simulated = ratioConfidenceInterval(mergeBatches(hourly[measure], intervalsPerBatch));
    const expected = erlang[measure];
    // Erlang C never abandons: the simulation must not either (a zero-width interval).
    const within =
      simulated.halfWidth === 0
        ? simulated.estimate === expected
        : Math.abs(simulated.estimate - expected) <= simulated.halfWidth;
    return { measure, erlang: expected, simulated, within };
  });
}

/** One line per measure, for the test's diagnostics and the docs' validation table. */
export const describeComparison = (rows: readonly MeasureComparison[]): string =>
  rows
    .map(
      ({ measure, erlang, simulated: s, within }) =>
        `${measure}: erlang ${erlang.toFixed(4)}, simulated ${s.estimate.toFixed(4)} ± ${s.halfWidth.toFixed(4)} ` +
        `(99 %, ${s.batches} batches, lag-1 ${s.lag1Correlation.toFixed(2)})${within ? '' : ' OUTSIDE'}`,
    )
    .join('\n');

/** Sums consecutive batches in groups of `size` (a last, incomplete group is dropped). */
export function mergeBatches(batches: readonly RatioBatch[], size: number): RatioBatch[] {
  const merged: RatioBatch[] = [];
  for (let start = 0; start + size <= batches.length; start += size) {
    let numerator = 0;
    let denominator = 0;
    for (const batch of batches.slice(start, start + size)) {
      numerator += batch.numerator;
      denominator += batch.denominator;
    }
    merged.push({ numerator, denominator });
  }
  return merged;
}
