import { Worker } from 'node:worker_threads';
import { type ErrorCode, type LocalDate, SwitchboardError } from '@switchboard/core';
import type { ForecastInput, WorkloadForecast } from '@switchboard/wfm';

type Reply =
  | { ok: true; result: WorkloadForecast }
  | { ok: false; code: ErrorCode | null; message: string; details: unknown };

let queue: Promise<unknown> = Promise.resolve();

/**
 * Forecasts a workload in a worker thread, one forecast at a time per process: the main thread keeps routing
 * while the methods are fitted and backtested. A caller's mistake found by the engine comes back as the same
 * error it would have thrown in place.
 */
export function runForecastInWorker(
  input: ForecastInput,
  request: { firstDay: LocalDate; days: number },
): Promise<WorkloadForecast> {
  const run = queue.then(
    () =>
      new Promise<WorkloadForecast>((resolve, reject) => {
        const worker = new Worker(new URL('./forecast-worker.ts', import.meta.url), {
          workerData: { input, ...request },
        });
        worker.once('message', (reply: Reply) => {
          void worker.terminate();
          if (reply.ok) resolve(reply.result);
          else if (reply.code !== null)
            reject(new SwitchboardError(reply.code, reply.message, reply.details ?? undefined));
          else reject(new Error(`forecast failed: ${reply.message}`));
        });
        worker.once('error', reject);
      }),
  );
  queue = run.catch(() => undefined);
  return run;
}
