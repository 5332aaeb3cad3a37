import { Worker } from 'node:worker_threads';
import { type ErrorCode, SwitchboardError } from '@switchboard/core';
import type { IntradayForecast, WorkloadForecast } from '@switchboard/wfm';
import type { PlanningTask } from './planning-worker.ts';
import type { SimulationResult } from './what-if.ts';

type Reply<T> =
  | { ok: true; result: T }
  | { ok: false; code: ErrorCode | null; message: string; details: unknown };
type ResultOf<K extends PlanningTask['kind']> = K extends 'forecast'
  ? WorkloadForecast
  : K extends 'intraday'
    ? IntradayForecast
    : SimulationResult;

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;
/** Tasks a process holds at once (one running, the rest waiting); more are refused rather than queued. */
export const PLANNING_QUEUE_LIMIT = 8;
/** A task still running after this is stopped: the queue never stalls behind it. */
const PLANNING_TIMEOUT_MS = 10 * 60_000;

/**
 * Runs a planning task in a worker thread, one at a time per process: the main thread keeps routing while
 * forecasts are fitted and days simulated. At most PLANNING_QUEUE_LIMIT tasks wait; beyond, 429 (background
 * jobs, `wait`, queue all the same). A caller's mistake found in the worker comes back as the same error
 * it would have thrown in place.
 */
export function runPlanningTask<T extends PlanningTask>(
  task: T,
  options: { wait?: boolean } = {},
): Promise<ResultOf<T['kind']>> {
  if (waiting >= PLANNING_QUEUE_LIMIT && !options.wait)
    return Promise.reject(
      new SwitchboardError(
        'too_many_attempts',
        `Forecasts and simulations are busy (${waiting} waiting): try again in a minute.`,
        { retryAfterSeconds: 60 },
      ),
    );
  waiting++;
  const run = queue.then(
    () =>
      new Promise<ResultOf<T['kind']>>((resolve, reject) => {
        const worker = new Worker(new URL('./planning-worker.ts', import.meta.url), { workerData: task });
        let settled = false;
        const settle = (action: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          action();
          void worker.terminate();
        };
        const timer = setTimeout(
          () =>
            settle(() =>
              reject(new Error(`${task.kind} took longer than ${PLANNING_TIMEOUT_MS / 60_000} minutes`)),
            ),
          PLANNING_TIMEOUT_MS,
        );
        worker.once('message', (reply: Reply<ResultOf<T['kind']>>) =>
          settle(() => {
            if (reply.ok) resolve(reply.result);
            else if (reply.code !== null)
              reject(new SwitchboardError(reply.code, reply.message, reply.details ?? undefined));
            else reject(new Error(`${task.kind} failed: ${reply.message}`));
          }),
        );
        worker.once('error', (error) => settle(() => reject(error)));
        worker.once('exit', (code) =>
          settle(() => reject(new Error(`${task.kind}: the worker exited (${code})`))),
        );
      }),
  );
  queue = run.catch(() => undefined);
  return run.finally(() => {
    waiting--;
  });
}
