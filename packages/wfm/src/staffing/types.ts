import type { AbandonRule } from '@switchboard/core';
import type { StaffingTarget } from './required-agents.ts';

export const STAFFING_INTERVAL_MINUTES = [5, 15, 30, 60] as const;
export type StaffingIntervalMinutes = (typeof STAFFING_INTERVAL_MINUTES)[number];
export const STAFFING_CHANNELS = ['voice', 'chat', 'email'] as const;

/** Forecast demand of one interval: contacts arriving in it and their average handle time. */
export interface IntervalDemand {
  volume: number;
  /** Must be > 0 when volume > 0; ignored (may be 0) when volume is 0. */
  ahtSeconds: number;
}

/** Settings shared by the queued channels (voice, chat). */
interface QueuedWorkloadSettings {
  id: string;
  intervals: readonly IntervalDemand[];
  target: StaffingTarget;
  /** Busy time ÷ available time may not exceed this, in (0, 1]; default 1. */
  maxOccupancy?: number;
  /** Paid time not available for contacts, in [0, 1); default 0. */
  shrinkage?: number;
  /** Mean caller patience: given, the workload is staffed with Erlang A; omitted, Erlang C. */
  patienceSeconds?: number;
  /** Erlang A only: the abandonment rate may not exceed this, in (0, 1). */
  maxAbandonRate?: number;
  /** Erlang A only; default 'counted_against'. */
  serviceLevelRule?: AbandonRule;
}

export interface VoiceWorkload extends QueuedWorkloadSettings {
  channel: 'voice';
}

/**
 * Chat: each agent holds up to `maxConcurrentChats` sessions, and the workload is staffed as a queue of
 * agents × maxConcurrentChats slots (see docs/wfm/staffing.md, "Chat").
 */
export interface ChatWorkload extends QueuedWorkloadSettings {
  channel: 'chat';
  maxConcurrentChats: number;
  /**
   * Session length at full concurrency ÷ the AHT given, ≥ 1 (default 1: the AHT is already the measured
   * session length).
   */
  concurrencyAhtFactor?: number;
}

/** Email and other deferred work, answered within `responseSeconds` of arrival (see staffDeferredWork). */
export interface EmailWorkload {
  channel: 'email';
  id: string;
  intervals: readonly IntervalDemand[];
  responseSeconds: number;
  maxOccupancy?: number;
  shrinkage?: number;
  /** Work waiting when the first interval starts, due `responseSeconds` after it. */
  openingBacklog?: IntervalDemand;
}

export type StaffingWorkload = VoiceWorkload | ChatWorkload | EmailWorkload;

export interface StaffingRequest {
  intervalMinutes: StaffingIntervalMinutes;
  workloads: readonly StaffingWorkload[];
}

export type StaffingModel = 'erlang_c' | 'erlang_a' | 'deferred';

/** The staffing of one workload in one interval, and what it is predicted to achieve. */
export interface IntervalStaffing {
  /** Volume × AHT ÷ interval length (chat: with the concurrency factor). */
  offeredLoadErlangs: number;
  /** Agents needed on contacts: the fewest that meet every target. */
  agents: number;
  /** Agents to schedule: ⌈agents ÷ (1 − shrinkage)⌉. */
  staff: number;
  /** Predicted at `agents`; null for email. */
  serviceLevel: number | null;
  asaSeconds: number | null;
  waitProbability: number | null;
  /** Erlang A only. */
  abandonRate: number | null;
  /** Chat: share of chat slots in use; email: work done ÷ agents' time. */
  occupancy: number;
  /** Email only: contacts not yet answered at the end of the interval. */
  backlog: number | null;
}

export interface WorkloadStaffing {
  id: string;
  channel: StaffingWorkload['channel'];
  model: StaffingModel;
  intervals: IntervalStaffing[];
}

export interface StaffingResult {
  workloads: WorkloadStaffing[];
  /** Per interval, summed over workloads (each staffed by its own agents). */
  totalAgents: number[];
  totalStaff: number[];
}
