export {
  type ActivityRule,
  ADHERENCE_LIMITS,
  type AdherenceOptions,
  type AdherenceResult,
  computeAdherence,
  type OutOfAdherenceSpan,
  type ScheduledActivity,
  type StateChange,
} from './adherence.ts';
