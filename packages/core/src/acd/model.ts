import { HOUR_MS, MINUTE_MS } from '../clock.ts';
import type { FlowStepDone } from './events.ts';

export const CHANNELS = ['voice', 'chat', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Agents have one state for voice and one for digital work (chat and email share it). */
export const DOMAINS = ['voice', 'digital'] as const;
export type Domain = (typeof DOMAINS)[number];
export const domainOf = (channel: Channel): Domain => (channel === 'voice' ? 'voice' : 'digital');

/**
 * The external id of a contact that is a call Switchboard carries itself (docs/voice.md), `<prefix><uuid>`:
 * answered with the agent's audio, and no reference an agent or customer would quote.
 */
export const CARRIED_CALL_PREFIX = 'switchboard-call:';

/** What an agent chooses; the engine derives Reserved, Active and Work from their contacts. */
export const CHOSEN_STATES = ['logged_out', 'not_ready', 'ready'] as const;
export type ChosenState = (typeof CHOSEN_STATES)[number];
export type AgentState = ChosenState | 'reserved' | 'active' | 'work';

export const SELECTION_CRITERIA = [
  'longest_available',
  'most_skilled',
  'least_skilled',
  'linear',
  'circular',
  'most_handled',
  'shortest_aht',
] as const;
export type SelectionCriterion = (typeof SELECTION_CRITERIA)[number];
/** Criteria offered for digital queues; the others are voice only. */
export const DIGITAL_CRITERIA: readonly SelectionCriterion[] = ['longest_available', 'most_skilled'];

export interface SkillRequirement {
  skillId: string;
  minCompetence: number;
}

export interface CsqConfig {
  id: string;
  channel: Channel;
  skills: SkillRequirement[];
  criterion: SelectionCriterion;
  /** Agent order for the Linear and Circular criteria; agents not listed come after, oldest member first. */
  agentOrder?: string[];
}

export interface AgentCapacity {
  chat: number;
  email: number;
}

export interface AgentConfig {
  id: string;
  /** skill id → competence 1–10 */
  skills: Record<string, number>;
  capacity: AgentCapacity;
  offerChatWhileOnVoice: boolean;
  offerVoiceWhileOnChat: boolean;
}

export interface ChannelParams {
  /** An offer not accepted in this time goes back to the queue and the agent goes Not Ready. */
  noAnswerTimeoutMs: Record<Channel, number>;
  /** A chat waiting this long is told so (it stays queued; an agent may still join). */
  joinTimeoutMs: number;
  /** An active chat whose customer is silent this long ends. */
  inactivityTimeoutMs: number;
  /** A reply waits this long for the agent who last handled the conversation. */
  stickyEmailTimeoutMs: number;
  /** Wrap-up ends by itself after this long; null leaves it to the agent. */
  wrapUpTimeoutMs: number | null;
}

export const CHANNEL_PARAM_LIMITS = {
  noAnswerTimeoutMs: { min: 5_000, max: 10 * MINUTE_MS },
  joinTimeoutMs: { min: MINUTE_MS, max: 60 * MINUTE_MS },
  inactivityTimeoutMs: { min: MINUTE_MS, max: 24 * HOUR_MS },
  stickyEmailTimeoutMs: { min: HOUR_MS, max: 120 * HOUR_MS },
  wrapUpTimeoutMs: { min: 5_000, max: 2 * HOUR_MS },
  capacity: { min: 1, max: 5 },
} as const;

export const DEFAULT_CHANNEL_PARAMS: ChannelParams = {
  noAnswerTimeoutMs: { voice: 15_000, chat: 30_000, email: 30_000 },
  joinTimeoutMs: MINUTE_MS,
  inactivityTimeoutMs: 10 * MINUTE_MS,
  stickyEmailTimeoutMs: 4 * HOUR_MS,
  wrapUpTimeoutMs: null,
};

export const OUTCOMES = ['handled', 'abandoned', 'abandoned_while_offered', 'dequeued'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type Direction = 'inbound' | 'outbound';

export type ContactStatus = 'queued' | 'offered' | 'active' | 'wrap_up' | 'ended';

export interface NewContact {
  id: string;
  channel: Channel;
  csqId: string;
  callType: string;
  priority: number;
  /** The agent who last handled this conversation (email replies); waits for them up to the sticky timeout. */
  stickyAgentId?: string | undefined;
  /** The call flow the call came through before it queued: kept in the contact's history. */
  flow?: FlowTaken | undefined;
}

/** Steps of a call flow a call went through. */
export interface FlowTaken {
  flowId: string;
  flowVersion: number;
  steps: readonly FlowStepDone[];
}

export const PRIORITY = { min: 1, max: 10, default: 5 } as const;
