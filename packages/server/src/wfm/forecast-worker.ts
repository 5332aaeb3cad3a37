import { parentPort, workerData } from 'node:worker_threads';
import type { LocalDate } from '@switchboard/core';
import { type ForecastInput, forecastWorkload, methodsWithModels, standardMethods } from '@switchboard/wfm';
import { loadSeriesModels } from '@switchboard/wfm/node';

/** Runs in a worker thread: fitting and backtesting every method takes seconds the routers must not wait. */
interface Job {
  input: ForecastInput;
  firstDay: LocalDate;
  days: number;
}

const { input, firstDay, days } = workerData as Job;
try {
  const methods = methodsWithModels(standardMethods(), loadSeriesModels());
  parentPort?.postMessage({ ok: true, result: forecastWorkload(input, methods, { firstDay, days }) });
} catch (error) {
  const code = (error as { code?: unknown }).code;
  parentPort?.postMessage({
    ok: false,
    code: typeof code === 'string' ? code : null,
    message: error instanceof Error ? error.message : String(error),
    details: (error as { details?: unknown }).details ?? null,
  });
}
