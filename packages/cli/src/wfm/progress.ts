import { SingleBar } from 'cli-progress';

export interface Progress {
  /** Moves the bar to `done` of `total` steps. */
  update(done: number, total: number): void;
  stop(): void;
}

/**
 * A progress bar on standard error when it is a terminal (standard output may carry the result); silent
 * otherwise, so scripts and pipes get clean output.
 */
export function progressBar(label: string, enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: false,
  });
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
