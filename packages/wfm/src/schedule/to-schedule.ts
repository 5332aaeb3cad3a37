import { DAYS, HORIZON, type Schedule, type ScheduledShift, type WorkSegment } from './model.ts';
import type { ShiftOption } from './prepare.ts';
import type { Roster } from './roster.ts';

/**
 * Which workload each agent on duty covers, interval by interval, following the staffing's maximum flow (so
 * the schedule costs exactly what the staffing says). Agents keep the previous interval's workload when its
 * quota allows, to avoid needless switching; agents beyond every quota (over-staffing) keep theirs too.
 */
function workloadsByInterval(roster: Roster): Map<number, Int32Array> {
  const { problem } = roster;
  const staffing = roster.staffing;
  const W = problem.workloadIds.length;
  const onDuty: number[][] = Array.from({ length: problem.groups.length * HORIZON }, () => []);
  const workloadOf = new Map<number, Int32Array>();
  for (let a = 0; a < problem.agents.length; a++) {
    const g = problem.agents[a]?.group ?? 0;
    for (let d = 0; d < DAYS; d++)
      for (const i of roster.dutyIntervals(a, d)) onDuty[g * HORIZON + i]?.push(a);
    workloadOf.set(a, new Int32Array(HORIZON).fill(-1));
  }
  for (let i = 0; i < HORIZON; i++)
    problem.groups.forEach((workloads, g) => {
      const agents = onDuty[g * HORIZON + i] ?? [];
      if (agents.length === 0) return;
      const quota = workloads.map((w) => staffing?.flow[(g * W + w) * HORIZON + i] ?? 0);
      const chosen = new Int32Array(agents.length).fill(-1);
      agents.forEach((a, j) => {
        const previous = workloadOf.get(a)?.[i - 1] ?? -1;
        const q = workloads.indexOf(previous);
        if (q >= 0 && (quota[q] ?? 0) > 0) {
          quota[q] = (quota[q] ?? 0) - 1;
          chosen[j] = previous;
        }
      });
      agents.forEach((a, j) => {
        if (chosen[j] !== -1) return;
        const q = quota.findIndex((left) => left > 0);
        if (q >= 0) quota[q] = (quota[q] ?? 0) - 1;
        const previous = workloadOf.get(a)?.[i - 1] ?? -1;
        chosen[j] =
          q >= 0 ? (workloads[q] ?? 0) : workloads.includes(previous) ? previous : (workloads[0] ?? 0);
      });
      agents.forEach((a, j) => {
        const row = workloadOf.get(a);
        if (row !== undefined) row[i] = chosen[j] ?? 0;
      });
    });
  return workloadOf;
}

function segments(duty: number[], workloads: Int32Array, ids: string[]): WorkSegment[] {
  const result: WorkSegment[] = [];
  for (const i of duty) {
    const workload = ids[workloads[i] ?? 0] ?? '';
    const last = result[result.length - 1];
    if (last !== undefined && last.to === i && last.workload === workload) last.to = i + 1;
    else result.push({ workload, from: i, to: i + 1 });
  }
  return result;
}

/** The roster as a schedule (every shift with its breaks placed and staffing attached). */
export function toSchedule(roster: Roster): Schedule {
  const { problem } = roster;
  const workloadOf = workloadsByInterval(roster);
  const shifts: ScheduledShift[] = [];
  problem.agents.forEach((agent, a) => {
    for (let d = 0; d < DAYS; d++) {
      const option = roster.optionOn(a, d) as ShiftOption | undefined;
      if (option === undefined) continue;
      const template = problem.templates[option.template];
      shifts.push({
        agentId: agent.id,
        templateId: template?.id ?? '',
        day: d,
        start: option.start,
        end: option.end,
        breaks: roster.breaksOf(a, d).map((from, k) => ({
          name: template?.breaks[k]?.name ?? '',
          from,
          to: from + (template?.breaks[k]?.duration ?? 0),
        })),
        work: segments(
          roster.dutyIntervals(a, d),
          workloadOf.get(a) ?? new Int32Array(0),
          problem.workloadIds,
        ),
      });
    }
  });
  return { shifts };
}
