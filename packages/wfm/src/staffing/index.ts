export { type DeferredInterval, type DeferredSettings, staffDeferredWork } from './deferred.ts';
export { type ErlangAInput, erlangAMeasures } from './erlang-a.ts';
export { type ErlangCInput, erlangB, erlangC, erlangCMeasures } from './erlang-c.ts';
export type { QueueMeasures } from './measures.ts';
export {
  type QueueRequirement,
  type QueueTargets,
  requiredAgents,
  type StaffingTarget,
} from './required-agents.ts';
export { staffIntervals } from './staff-intervals.ts';
export {
  type ChatWorkload,
  type EmailWorkload,
  type IntervalDemand,
  type IntervalStaffing,
  STAFFING_CHANNELS,
  STAFFING_INTERVAL_MINUTES,
  type StaffingIntervalMinutes,
  type StaffingModel,
  type StaffingRequest,
  type StaffingResult,
  type StaffingWorkload,
  type VoiceWorkload,
  type WorkloadStaffing,
} from './types.ts';
export { MAX_CONCURRENT_CHATS, MAX_OFFERED_LOAD_ERLANGS } from './validate.ts';
export { ceilWhole, staffWithShrinkage } from './whole-numbers.ts';
