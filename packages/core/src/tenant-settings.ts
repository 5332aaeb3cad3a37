import { invalid } from './errors.ts';
import { LIMITS } from './limits.ts';
import { DEFAULT_EXTENSION_PATTERN, dialPatternProblem } from './voice/dial-pattern.ts';
import {
  changeOutboundDialPlan,
  DEFAULT_OUTBOUND_DIAL_PLAN,
  type OutboundDialPlan,
} from './voice/outbound-dial.ts';

export interface TokenLifetimes {
  accessTokenMinutes: number;
  refreshTokenHours: number;
  authCodeMinutes: number;
}

export const DEFAULT_TOKEN_LIFETIMES: TokenLifetimes = {
  accessTokenMinutes: LIMITS.accessTokenMinutes.default,
  refreshTokenHours: LIMITS.refreshTokenHours.default,
  authCodeMinutes: LIMITS.authCodeMinutes.default,
};

/** Merges a change into the current lifetimes, refusing any value outside the bounds of C1. */
export function changeTokenLifetimes(
  current: TokenLifetimes,
  change: Partial<TokenLifetimes>,
): TokenLifetimes {
  const next = { ...current, ...change };
  for (const key of Object.keys(DEFAULT_TOKEN_LIFETIMES) as (keyof TokenLifetimes)[]) {
    const { min, max } = LIMITS[key];
    const value = next[key];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw invalid(`${key} must be a whole number from ${min} to ${max}.`, { field: key, min, max });
    }
  }
  return next;
}

/** What happens to an agent whose every desktop tab has closed (the desktop's event stream). */
export interface PresenceSettings {
  disconnectGraceSeconds: number;
  /** The Not Ready reason code given; null means the tenant's system code "Connection lost". */
  disconnectReasonCodeId: string | null;
}

export const DEFAULT_PRESENCE_SETTINGS: PresenceSettings = {
  disconnectGraceSeconds: LIMITS.disconnectGraceSeconds.default,
  disconnectReasonCodeId: null,
};

/** The reason code every tenant has for agents moved Not Ready because their desktop went away. */
export const CONNECTION_LOST_REASON = {
  system: 'connection_lost',
  label: 'Connection lost',
  code: 32759,
} as const;

/** Merges a change into the presence settings, refusing a grace outside its bounds. */
export function changePresenceSettings(
  current: PresenceSettings,
  change: Partial<PresenceSettings>,
): PresenceSettings {
  const next = { ...current, ...change };
  const { min, max } = LIMITS.disconnectGraceSeconds;
  const grace = next.disconnectGraceSeconds;
  if (!Number.isInteger(grace) || grace < min || grace > max) {
    throw invalid(`disconnectGraceSeconds must be a whole number from ${min} to ${max}.`, {
      field: 'disconnectGraceSeconds',
      min,
      max,
    });
  }
  return next;
}

/** Calls: what the tenant's desk phone extensions look like (a dial pattern, see `voice/dial-pattern.ts`). */
export interface VoiceSettings {
  extensionPattern: string;
  /** What agents may dial, and how many outbound calls may be in progress. */
  outbound: OutboundDialPlan;
}

export const DEFAULT_VOICE_SETTINGS: VoiceSettings = {
  extensionPattern: DEFAULT_EXTENSION_PATTERN,
  outbound: DEFAULT_OUTBOUND_DIAL_PLAN,
};

/** A tenant's stored voice settings, the defaults filling what an older tenant lacks (nothing checked again). */
export function voiceSettingsOf(stored: Partial<VoiceSettings> | undefined): VoiceSettings {
  return {
    ...DEFAULT_VOICE_SETTINGS,
    ...stored,
    outbound: { ...DEFAULT_OUTBOUND_DIAL_PLAN, ...stored?.outbound },
  };
}

/** A change to the voice settings: any of its fields, the dial plan's too. */
export type VoiceSettingsChange = Partial<Omit<VoiceSettings, 'outbound'>> & {
  outbound?: Partial<OutboundDialPlan> | undefined;
};

/**
 * Merges a change into the voice settings, refusing a dial pattern with a problem (pinned to the field, as the
 * schema's refusals are). Whether the tenant's desk phones still fit the pattern is the server's to check.
 */
export function changeVoiceSettings(
  current: Partial<VoiceSettings> | undefined,
  change: VoiceSettingsChange,
): VoiceSettings {
  const before = voiceSettingsOf(current);
  const outbound = changeOutboundDialPlan(before.outbound, change.outbound ?? {});
  const next = { ...before, ...change, outbound };
  const problem = dialPatternProblem(next.extensionPattern);
  if (problem !== null) {
    const message = `Extension pattern: ${problem}`;
    throw invalid(message, [
      { path: 'body/voice/extensionPattern', field: 'voice/extensionPattern', message },
    ]);
  }
  return next;
}
