import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import {
  SCHEDULE_INTERVAL_MINUTES,
  SCHEDULE_INTERVALS_PER_DAY,
  type ScheduledShift,
  type ScheduleInstance,
  type ScheduleViolation,
} from '@switchboard/wfm';
import { formatOf, readJson, writeJson, writeRows } from './io.ts';
import { progressBar } from './progress.ts';

export interface ScheduleFlags {
  input: string;
  output?: string;
  format?: string;
  timeLimit: string;
  method: string;
}

interface Outcome {
  ok: boolean;
  message?: string;
  result?: { schedule: { shifts: ScheduledShift[] }; objective: number } & Record<string, unknown>;
  violations?: ScheduleViolation[];
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * `switchboard wfm schedule`: reads a scheduling instance (JSON: workloads with 672 per-interval
 * requirements, shift templates, agents with contracts), optimises it with HiGHS within the time limit, checks
 * the result against every contract and template, and writes the shifts (JSON with the figures, or CSV rows).
 */
export async function runSchedule(flags: ScheduleFlags): Promise<void> {
  const instance = (await readJson(flags.input)) as ScheduleInstance;
  const timeLimitSeconds = Number(flags.timeLimit);
  if (!(timeLimitSeconds > 0 && timeLimitSeconds <= 3600)) throw new Error('--time-limit must be 1–3600 s.');
  if (flags.method !== 'optimise' && flags.method !== 'greedy') {
    throw new Error('--method must be optimise or greedy.');
  }
  const worker = new Worker(new URL('./schedule-worker.ts', import.meta.url), {
    workerData: { instance, method: flags.method, timeLimitSeconds },
  });
  const progress = progressBar('Optimising (s of the time limit)');
  const started = Date.now();
  const tick = setInterval(() => {
    progress.update(Math.min(timeLimitSeconds, Math.round((Date.now() - started) / 1000)), timeLimitSeconds);
  }, 250);
  let outcome: Outcome;
  try {
    [outcome] = (await once(worker, 'message')) as [Outcome];
  } finally {
    clearInterval(tick);
    progress.stop();
    await worker.terminate();
  }
  if (!outcome.ok || !outcome.result) throw new Error(outcome.message ?? 'The optimiser failed.');
  const { result, violations = [] } = outcome;
  const figures = Object.fromEntries(
    Object.entries(result).filter(([key]) => key !== 'schedule' && key !== 'coverage'),
  );
  console.error(
    `Objective ${result.objective}` +
      (typeof result.gapPct === 'number'
        ? `, ${result.gapPct.toFixed(2)} % above the bound ${result.bound}`
        : '') +
      `; ${result.schedule.shifts.length} shifts; ${violations.length} rule violations.`,
  );
  for (const v of violations) console.error(`  ${v.agentId}: ${v.message}`);
  if (formatOf(flags.output, flags.format, 'json') === 'json') {
    await writeJson({ ...figures, violations, shifts: result.schedule.shifts }, flags.output);
  } else {
    await writeRows(activityRows(result.schedule.shifts), 'csv', flags.output);
  }
  if (violations.length > 0) process.exitCode = 2;
}

/** Week time of an interval index, e.g. 'Tue 09:15' (the end of the week is 'Mon 00:00' of the next). */
function weekTime(interval: number): string {
  const day = Math.floor(interval / SCHEDULE_INTERVALS_PER_DAY) % 7;
  const minutes = (interval % SCHEDULE_INTERVALS_PER_DAY) * SCHEDULE_INTERVAL_MINUTES;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${DAY_NAMES[day]} ${hh}:${mm}`;
}

/** One row per activity: work on a workload, or a break. */
function activityRows(shifts: readonly ScheduledShift[]): Record<string, unknown>[] {
  const rows: { agent: string; template: string; from: number; to: number; activity: string }[] = [];
  for (const shift of shifts) {
    for (const w of shift.work) {
      rows.push({
        agent: shift.agentId,
        template: shift.templateId,
        from: w.from,
        to: w.to,
        activity: w.workload,
      });
    }
    for (const b of shift.breaks) {
      rows.push({
        agent: shift.agentId,
        template: shift.templateId,
        from: b.from,
        to: b.to,
        activity: b.name,
      });
    }
  }
  rows.sort((a, b) => (a.agent === b.agent ? a.from - b.from : 0));
  return rows.map((r) => ({
    agent: r.agent,
    template: r.template,
    start: weekTime(r.from),
    end: weekTime(r.to),
    start_interval: r.from,
    end_interval: r.to,
    activity: r.activity,
  }));
}
