export {
  type ActivityChannels,
  type ActivityRule,
  ADHERENCE_LIMITS,
  type AdherenceOptions,
  type AdherenceResult,
  computeAdherence,
  type ExcusedSpan,
  type OutOfAdherenceSpan,
  type ScheduledActivity,
  type StateChange,
} from './adherence.ts';
