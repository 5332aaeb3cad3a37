import type {
  AbandonRule,
  AgentCapacity,
  Channel,
  ChannelParams,
  SelectionCriterion,
  SkillRequirement,
} from '@switchboard/core';
import type { Duration } from './durations.ts';

/** Interval lengths for arrival profiles and reports, as in WFM. */
export const SIMULATION_INTERVAL_MINUTES = [5, 15, 30, 60] as const;
export type SimulationIntervalMinutes = (typeof SIMULATION_INTERVAL_MINUTES)[number];

export const DEFAULT_SERVICE_LEVEL_SECONDS = 20;

/**
 * The forecast of one CSQ: the expected number of contacts per interval, from the start of the day. Arrivals
 * are Poisson with a rate constant within each interval (volume ÷ interval length).
 */
export interface ArrivalProfile {
  intervalMinutes: SimulationIntervalMinutes;
  volumes: readonly number[];
}

export interface SimulatedCsq {
  id: string;
  channel: Channel;
  skills: SkillRequirement[];
  criterion: SelectionCriterion;
  /** Agent order for the Linear and Circular criteria. */
  agentOrder?: string[];
  /** 1–10, default 5. */
  priority?: number;
  arrivals: ArrivalProfile;
  /** Talk time, from acceptance until the conversation ends (no hold is simulated). */
  handleTime: Duration;
  /** After-call work; omitted, wrap-up ends the moment the conversation does. */
  wrapUp?: Duration;
  /** How long a customer waits before leaving; omitted, customers wait as long as it takes. */
  patience?: Duration;
  /** The service level threshold: answered within this many seconds of arriving. Default 20. */
  serviceLevelSeconds?: number;
}

/** Not Ready with a reason code from `startMinute` to `endMinute` (minutes from the start of the day). */
export interface ScheduledBreak {
  startMinute: number;
  endMinute: number;
  reasonCode: number;
}

/**
 * The agent logs in Ready at `startMinute` and logs out at `endMinute`, finishing the contacts in hand first
 * (Not Ready meanwhile, without a reason code).
 */
export interface Shift {
  startMinute: number;
  endMinute: number;
  breaks?: ScheduledBreak[];
}

export interface SimulatedAgent {
  id: string;
  /** skill id → competence 1–10 */
  skills: Record<string, number>;
  /** Default 1 chat and 1 email at once. */
  capacity?: AgentCapacity;
  offerChatWhileOnVoice?: boolean;
  offerVoiceWhileOnChat?: boolean;
  shifts: Shift[];
}

export interface SimulationInput {
  /** Any safe integer: the same seed and input always give the same report. */
  seed: number;
  /** Length of the report's intervals. */
  reportIntervalMinutes: SimulationIntervalMinutes;
  csqs: SimulatedCsq[];
  agents: SimulatedAgent[];
  /**
   * How abandons enter the service level (core's abandon rule, docs/metrics.md); default `counted_against`.
   * The former names `abandons_count_against`, `abandons_ignored` and `abandons_within_threshold_count_for`
   * are still read, as `counted_against`, `ignored` and `counted_for`.
   */
  serviceLevelRule?: AbandonRule;
  /** Customers who leave within this many seconds count as neither offered nor abandoned. Default 0 (none). */
  shortAbandonSeconds?: number;
  /** Seconds between an offer and the virtual agent accepting it (voice and chat; email is taken at once). */
  answerDelaySeconds?: number;
  /**
   * The router's timeouts. Default: the engine's defaults, except that chat inactivity is set to its
   * maximum (24 h), since simulated customers are never silent: a chat ends when its handle time is over.
   */
  channelParams?: ChannelParams;
}
