export { type CumulativePoint, type Duration, meanSeconds } from './durations.ts';
export {
  type ArrivalProfile,
  DEFAULT_SERVICE_LEVEL_SECONDS,
  type ScheduledBreak,
  type Shift,
  SIMULATION_INTERVAL_MINUTES,
  type SimulatedAgent,
  type SimulatedCsq,
  type SimulationInput,
  type SimulationIntervalMinutes,
} from './input.ts';
export type {
  AgentDayStatistics,
  AgentStatistics,
  CsqStatistics,
  IntervalReport,
  SimulationReport,
} from './report.ts';
export { SIMULATION_CHANNEL_PARAMS, type SimulationOptions, simulateDay } from './simulation.ts';
