import { parentPort, workerData } from 'node:worker_threads';
import {
  checkSchedule,
  greedySchedule,
  loadSolver,
  optimiseSchedule,
  type ScheduleInstance,
  validateScheduleInstance,
} from '@switchboard/wfm';

/** Runs in a worker thread so that the main thread can keep the progress bar moving while HiGHS works. */
interface Job {
  instance: ScheduleInstance;
  method: 'optimise' | 'greedy';
  timeLimitSeconds: number;
}

const { instance, method, timeLimitSeconds } = workerData as Job;
try {
  validateScheduleInstance(instance);
  const solver = await loadSolver();
  const result =
    method === 'greedy'
      ? greedySchedule(instance, { solver })
      : optimiseSchedule(instance, { solver, timeLimitSeconds });
  parentPort?.postMessage({ ok: true, result, violations: checkSchedule(instance, result.schedule) });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
