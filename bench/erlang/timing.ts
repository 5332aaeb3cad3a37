/** Wall-clock timing of whole runs, each on a freshly collected heap when --expose-gc is on. */

export interface Timing {
  runs: number;
  ms_median: number;
  ms_min: number;
  ms_max: number;
  /** Median time per interval staffed (one workload × one interval), in microseconds. */
  us_per_interval: number;
}

export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

export function timeOnce(task: () => unknown): number {
  collect();
  const started = performance.now();
  task();
  return performance.now() - started;
}

export function timeRuns(task: () => unknown, runs: number, intervals: number): Timing {
  return summarize(
    Array.from({ length: runs }, () => timeOnce(task)),
    intervals,
  );
}

/** Median, min and max of a list of run times. */
export function summarize(runTimes: readonly number[], intervals: number): Timing {
  const times = [...runTimes].sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  return {
    runs: times.length,
    ms_median: round(median),
    ms_min: round(times[0] as number),
    ms_max: round(times[times.length - 1] as number),
    us_per_interval: round((median * 1000) / intervals, 3),
  };
}
