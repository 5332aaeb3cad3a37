export { checkSchedule, type ScheduleViolation, type ScheduleViolationRule } from './check.ts';
export { evaluateSchedule } from './coverage.ts';
export { type GreedyScheduleResult, greedySchedule } from './greedy.ts';
export {
  type BreakRule,
  DAYS as SCHEDULE_DAYS,
  DEFAULT_MIN_REST_MINUTES as SCHEDULE_DEFAULT_MIN_REST_MINUTES,
  DEFAULT_WEIGHTS as SCHEDULE_DEFAULT_WEIGHTS,
  HORIZON as SCHEDULE_INTERVALS,
  INTERVAL_MINUTES as SCHEDULE_INTERVAL_MINUTES,
  INTERVALS_PER_DAY as SCHEDULE_INTERVALS_PER_DAY,
  type IntervalRange,
  type Schedule,
  type ScheduleAgent,
  type ScheduleCoverage,
  type ScheduledBreak,
  type ScheduledShift,
  type ScheduleInstance,
  type ScheduleWorkload,
  type ShiftTemplate,
  type StartWindow,
  type TimeOff,
  type WorkSegment,
} from './model.ts';
export {
  type OptimiseOptions,
  type OptimiseStatus,
  optimiseSchedule,
  type ScheduleResult,
} from './optimise.ts';
export { loadSolver, type Solver } from './solver.ts';
export { validateScheduleInstance } from './validate.ts';
