import { HOUR_MS, MINUTE_MS } from '../clock.ts';
import { invalid } from '../errors.ts';
import type { AgentConfig, ChannelParams } from './model.ts';

/** A tenant's channel parameters, in the units administrators think in. */
export interface ChannelSettings {
  noAnswerTimeoutSeconds: { voice: number; chat: number; email: number };
  joinTimeoutMinutes: number;
  inactivityTimeoutMinutes: number;
  stickyEmailTimeoutHours: number;
  /** Wrap-up ends by itself after this long; null leaves it to the agent. */
  wrapUpTimeoutSeconds: number | null;
  maxChatsPerAgent: number;
  maxEmailsPerAgent: number;
  offerChatWhileOnVoice: boolean;
  offerVoiceWhileOnChat: boolean;
}

export const CHANNEL_SETTING_LIMITS = {
  noAnswerTimeoutSeconds: { min: 5, max: 600 },
  joinTimeoutMinutes: { min: 1, max: 60 },
  inactivityTimeoutMinutes: { min: 1, max: 1440 },
  stickyEmailTimeoutHours: { min: 1, max: 120 },
  wrapUpTimeoutSeconds: { min: 5, max: 7200 },
  maxChatsPerAgent: { min: 1, max: 5 },
  maxEmailsPerAgent: { min: 1, max: 5 },
} as const;

export const DEFAULT_CHANNEL_SETTINGS: ChannelSettings = {
  noAnswerTimeoutSeconds: { voice: 15, chat: 30, email: 30 },
  joinTimeoutMinutes: 1,
  inactivityTimeoutMinutes: 10,
  stickyEmailTimeoutHours: 4,
  wrapUpTimeoutSeconds: null,
  maxChatsPerAgent: 3,
  maxEmailsPerAgent: 5,
  offerChatWhileOnVoice: false,
  offerVoiceWhileOnChat: false,
};

type Change = Partial<Omit<ChannelSettings, 'noAnswerTimeoutSeconds'>> & {
  noAnswerTimeoutSeconds?: Partial<ChannelSettings['noAnswerTimeoutSeconds']>;
};

/** Applies a change, refusing any value outside the bounds of C2. */
export function changeChannelSettings(current: ChannelSettings, change: Change): ChannelSettings {
  const next: ChannelSettings = {
    ...current,
    ...change,
    noAnswerTimeoutSeconds: { ...current.noAnswerTimeoutSeconds, ...change.noAnswerTimeoutSeconds },
  };
  const check = (field: keyof typeof CHANNEL_SETTING_LIMITS, value: number) => {
    const { min, max } = CHANNEL_SETTING_LIMITS[field];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw invalid(`${field} must be a whole number from ${min} to ${max}.`, { field, min, max });
    }
  };
  for (const value of Object.values(next.noAnswerTimeoutSeconds)) check('noAnswerTimeoutSeconds', value);
  check('joinTimeoutMinutes', next.joinTimeoutMinutes);
  check('inactivityTimeoutMinutes', next.inactivityTimeoutMinutes);
  check('stickyEmailTimeoutHours', next.stickyEmailTimeoutHours);
  if (next.wrapUpTimeoutSeconds !== null) check('wrapUpTimeoutSeconds', next.wrapUpTimeoutSeconds);
  check('maxChatsPerAgent', next.maxChatsPerAgent);
  check('maxEmailsPerAgent', next.maxEmailsPerAgent);
  return next;
}

export function engineParams(settings: ChannelSettings): ChannelParams {
  const { voice, chat, email } = settings.noAnswerTimeoutSeconds;
  return {
    noAnswerTimeoutMs: { voice: voice * 1000, chat: chat * 1000, email: email * 1000 },
    joinTimeoutMs: settings.joinTimeoutMinutes * MINUTE_MS,
    inactivityTimeoutMs: settings.inactivityTimeoutMinutes * MINUTE_MS,
    stickyEmailTimeoutMs: settings.stickyEmailTimeoutHours * HOUR_MS,
    wrapUpTimeoutMs: settings.wrapUpTimeoutSeconds === null ? null : settings.wrapUpTimeoutSeconds * 1000,
  };
}

/** An agent's routing profile: their skills, with capacity and blending from the tenant's settings. */
export function agentConfig(
  id: string,
  skills: Record<string, number>,
  settings: ChannelSettings,
): AgentConfig {
  return {
    id,
    skills,
    capacity: { chat: settings.maxChatsPerAgent, email: settings.maxEmailsPerAgent },
    offerChatWhileOnVoice: settings.offerChatWhileOnVoice,
    offerVoiceWhileOnChat: settings.offerVoiceWhileOnChat,
  };
}
