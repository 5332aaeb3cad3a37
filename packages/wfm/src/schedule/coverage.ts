import {
  DEFAULT_WEIGHTS,
  HORIZON,
  type Schedule,
  type ScheduleCoverage,
  type ScheduleInstance,
} from './model.ts';

/**
 * How a schedule covers the requirements, from what each shift says its agent works interval by interval.
 * Work on an unknown workload is ignored (checkSchedule reports it).
 */
export function evaluateSchedule(instance: ScheduleInstance, schedule: Schedule): ScheduleCoverage {
  const index = new Map(instance.workloads.map((w, i) => [w.id, i]));
  const staffed = instance.workloads.map(() => new Array<number>(HORIZON).fill(0));
  for (const shift of schedule.shifts)
    for (const segment of shift.work) {
      const row = staffed[index.get(segment.workload) ?? -1];
      if (row === undefined) continue;
      for (let i = Math.max(0, segment.from); i < Math.min(HORIZON, segment.to); i++)
        row[i] = (row[i] ?? 0) + 1;
    }
  let under = 0;
  let over = 0;
  instance.workloads.forEach((workload, w) => {
    for (let i = 0; i < HORIZON; i++) {
      const gap = (staffed[w]?.[i] ?? 0) - (workload.required[i] ?? 0);
      if (gap < 0) under -= gap;
      else over += gap;
    }
  });
  const weights = {
    under: instance.weights?.under ?? DEFAULT_WEIGHTS.under,
    over: instance.weights?.over ?? DEFAULT_WEIGHTS.over,
  };
  return { staffed, under, over, objective: weights.under * under + weights.over * over };
}
