import { parentPort, workerData } from 'node:worker_threads';
import type { LocalDate } from '@switchboard/core';
import {
  type ForecastInput,
  forecastWorkload,
  intradayForecast,
  methodsWithModels,
  standardMethods,
  weekdayMean,
} from '@switchboard/wfm';
import { loadSeriesModels } from '@switchboard/wfm/node';
import { type SimulatedDay, simulateDayAhead } from './what-if.ts';

/**
 * Runs in a worker thread: fitting and backtesting the forecast methods, choosing an intraday rule and
 * simulating a what-if take seconds the routers must not wait.
 */
export type PlanningTask =
  | { kind: 'forecast'; input: ForecastInput; firstDay: LocalDate; days: number }
  | { kind: 'intraday'; input: ForecastInput; method: string; asOfMs: number; published: Float64Array }
  | { kind: 'simulate'; day: SimulatedDay };

const methods = () => methodsWithModels(standardMethods(), loadSeriesModels());

function run(task: PlanningTask): unknown {
  switch (task.kind) {
    case 'forecast':
      return forecastWorkload(task.input, methods(), { firstDay: task.firstDay, days: task.days });
    case 'intraday': {
      const method = methods().find((m) => m.name === task.method) ?? weekdayMean(4);
      return intradayForecast(task.input, method, task.asOfMs, task.published);
    }
    case 'simulate':
      return simulateDayAhead(task.day);
  }
}

try {
  parentPort?.postMessage({ ok: true, result: run(workerData as PlanningTask) });
} catch (error) {
  const code = (error as { code?: unknown }).code;
  parentPort?.postMessage({
    ok: false,
    code: typeof code === 'string' ? code : null,
    message: error instanceof Error ? error.message : String(error),
    details: (error as { details?: unknown }).details ?? null,
  });
}
