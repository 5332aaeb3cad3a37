/**
 * The scheduling model: one week of 15-minute intervals, workloads with requirements, shift templates with
 * breaks, and agents with contracts. Times inside the week are interval indexes (0 = the first day 00:00–00:15,
 * 671 = the last day 23:45–24:00); times of day and offsets inside a shift are minutes.
 */

export const INTERVAL_MINUTES = 15;
export const DAYS = 7;
export const INTERVALS_PER_DAY = (24 * 60) / INTERVAL_MINUTES;
export const HORIZON = DAYS * INTERVALS_PER_DAY;

/** A span of the week, [from, to) in interval indexes. */
export interface IntervalRange {
  from: number;
  to: number;
}

export interface ScheduleWorkload {
  id: string;
  /** Agents needed in each of the 672 intervals (whole numbers ≥ 0). */
  required: readonly number[];
}

/** A break placed by the optimiser inside its window. Windows of one template must be in order and disjoint. */
export interface BreakRule {
  /** What the break is called in the schedule, e.g. 'break' or 'lunch'. */
  name: string;
  durationMinutes: number;
  /** Earliest and latest start, in minutes after the shift starts. */
  earliestStartMinutes: number;
  latestStartMinutes: number;
  /** Paid breaks count towards the contract's hours; unpaid ones (lunch, usually) do not. */
  paid: boolean;
}

export interface ShiftTemplate {
  id: string;
  /** From the start of the shift to its end, breaks included. */
  lengthMinutes: number;
  breaks: readonly BreakRule[];
}

/** Earliest and latest shift start on one day, minutes after midnight (both included). */
export interface StartWindow {
  earliestMinute: number;
  latestMinute: number;
}

/** Approved absence: a whole day (no shift starts that day) or a span of intervals. */
export type TimeOff =
  | { day: number; creditedMinutes?: number }
  | { from: number; to: number; creditedMinutes?: number };

export interface ScheduleAgent {
  id: string;
  /** Workloads the agent may cover (one per interval). */
  skills: readonly string[];
  /** Ids of the shift templates the agent may work. */
  templates: readonly string[];
  /** Paid hours per week, breaks marked unpaid excluded, time-off credit included. */
  minHoursPerWeek: number;
  maxHoursPerWeek: number;
  /** Days without a shift: these fixed days (0–6) and at least `count` days in all. */
  daysOff?: { fixed?: readonly number[]; count?: number };
  /** Per day of the week (7 entries); null: no shift starts that day. Default: any start. */
  startWindows?: readonly (StartWindow | null)[];
  /** Spans the agent is not available (no shift may overlap them). */
  unavailable?: readonly IntervalRange[];
  timeOff?: readonly TimeOff[];
}

export interface ScheduleInstance {
  workloads: readonly ScheduleWorkload[];
  templates: readonly ShiftTemplate[];
  agents: readonly ScheduleAgent[];
  /** Minimum minutes between the end of a shift and the start of the agent's next one (default 660 = 11 h). */
  minRestMinutes?: number;
  /** Cost of one agent short (under) or too many (over) for one interval (default 3 and 1). */
  weights?: { under?: number; over?: number };
}

/** A break as scheduled, [from, to) in interval indexes. */
export interface ScheduledBreak {
  name: string;
  from: number;
  to: number;
}

/** A run of intervals of one shift spent on one workload. */
export interface WorkSegment {
  workload: string;
  from: number;
  to: number;
}

export interface ScheduledShift {
  agentId: string;
  templateId: string;
  /** Day the shift starts (0–6). */
  day: number;
  /** [start, end) in interval indexes; end may fall on the next day. */
  start: number;
  end: number;
  breaks: readonly ScheduledBreak[];
  /** Every interval of the shift outside its breaks, in order, as runs of one workload. */
  work: readonly WorkSegment[];
}

export interface Schedule {
  /** Ordered by agent (instance order), then start. */
  shifts: readonly ScheduledShift[];
}

/** How well a schedule covers the requirements. */
export interface ScheduleCoverage {
  /** Agents working on each workload per interval (workload order of the instance). */
  staffed: number[][];
  /** Agent-intervals short of and above the requirement, summed over workloads and intervals. */
  under: number;
  over: number;
  /** weights.under × under + weights.over × over. */
  objective: number;
}

export const DEFAULT_MIN_REST_MINUTES = 660;
export const DEFAULT_WEIGHTS = { under: 3, over: 1 } as const;
