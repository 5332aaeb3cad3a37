import { HOUR_MS } from './clock.ts';
import { invalid, SwitchboardError } from './errors.ts';
import { LIMITS } from './limits.ts';
import { codePoints } from './text.ts';

/**
 * Team messages' rules (spec C6), the same on the server and on the supervisor's desktop: what a message may
 * say, how long it lives, how often one may publish, how many a tenant holds, and which ones the desktops show.
 */

const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);

/**
 * Why a message's text cannot be sent, or null when it can: one line of printable characters with something
 * visible, at most 255 code points.
 */
export function teamMessageTextProblem(text: string): string | null {
  let position = 0;
  for (const character of text) {
    position++;
    const code = character.codePointAt(0) ?? 0;
    if (isControl(code)) {
      const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      return `text must be one line of printable characters: character ${position} is the control character ${name}.`;
    }
  }
  const { min, max } = LIMITS.teamMessageText;
  if (position > max) return `text may have at most ${max} characters.`;
  if (codePoints(text.trim()) < min) return 'text must have at least one visible character.';
  return null;
}

/** The text as it is stored (trimmed), or a validation_failed refusal on the field `text`. */
export function checkTeamMessageText(text: string): string {
  const problem = teamMessageTextProblem(text);
  if (problem !== null) throw invalid(problem, { field: 'text' });
  return text.trim();
}

/** A message lives from 5 minutes to 23 h 55 min, in whole minutes. */
export function checkTeamMessageExpiry(minutes: number): number {
  const { min, max } = LIMITS.teamMessageExpiryMinutes;
  if (!Number.isInteger(minutes) || minutes < min || minutes > max) {
    throw invalid(`expiresInMinutes must be a whole number from ${min} to ${max} (23 h 55 min).`, {
      field: 'expiresInMinutes',
    });
  }
  return minutes;
}

export interface TeamChoice {
  teamIds?: readonly string[] | undefined;
  allTeams?: boolean | undefined;
}

/** Either some teams, each once, or all teams: the ids, or 'all'. */
export function checkTeamChoice({ teamIds, allTeams }: TeamChoice): string[] | 'all' {
  if (allTeams === true) {
    if (teamIds !== undefined)
      throw invalid('Give teamIds or allTeams: true, not both.', { field: 'teamIds' });
    return 'all';
  }
  if (!teamIds || teamIds.length === 0) {
    throw invalid('Say who the message is for: teamIds (one or more teams) or allTeams: true.', {
      field: 'teamIds',
    });
  }
  const twice = teamIds.findIndex((id, index) => teamIds.indexOf(id) !== index);
  if (twice >= 0)
    throw invalid(`teamIds[${twice}] is listed more than once.`, { field: `teamIds[${twice}]` });
  return [...teamIds];
}

/**
 * Seconds until a person may publish again (create or delete a message), or null when they may now: at most
 * 100 publishes in any rolling hour. `published` holds the instants of their publishes, oldest first.
 */
export function publishRetryAfterSeconds(published: readonly number[], now: number): number | null {
  const max = LIMITS.teamMessagePublishesPerHour.max;
  const counted = published.filter((at) => at > now - HOUR_MS);
  const oldestCounted = counted[counted.length - max];
  if (oldestCounted === undefined) return null;
  return Math.max(1, Math.ceil((oldestCounted + HOUR_MS - now) / 1000));
}

/** The refusal of a publish over the hourly limit, or nothing. */
export function holdToHourlyLimit(published: readonly number[], now: number): void {
  const retryAfterSeconds = publishRetryAfterSeconds(published, now);
  if (retryAfterSeconds === null) return;
  const max = LIMITS.teamMessagePublishesPerHour.max;
  throw new SwitchboardError(
    'team_message_rate_limited',
    `You have sent or deleted ${max} team messages in the last hour, the most allowed: try again in ${inWords(retryAfterSeconds)}.`,
    { limit: max, retryAfterSeconds },
  );
}

const inWords = (seconds: number) => {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
};

/** The refusal of a new message when the tenant already holds the most active ones, or nothing. */
export function holdToActiveCap(active: number, firstExpiry: Date | null): void {
  const max = LIMITS.teamMessagesActivePerTenant.max;
  if (active < max) return;
  const next = firstExpiry?.toISOString();
  throw new SwitchboardError(
    'team_messages_full',
    `The tenant has ${max} active team messages, the most it may hold: delete one, or wait until the next expires${next ? ` (at ${next})` : ''}.`,
    { limit: max, nextExpiryAt: next ?? null },
  );
}

export type TeamMessageStatus = 'active' | 'expired' | 'deleted';

/** A message's instants, as the server stores them (Date) or the desktop receives them (ISO text). */
export interface TeamMessageTimes {
  createdAt: Date | string;
  expiresAt: Date | string;
  deletedAt?: Date | string | null | undefined;
}

const ms = (at: Date | string) => (typeof at === 'string' ? Date.parse(at) : at.getTime());

export const teamMessageStatus = (message: TeamMessageTimes, now: number): TeamMessageStatus =>
  message.deletedAt ? 'deleted' : ms(message.expiresAt) <= now ? 'expired' : 'active';

/**
 * The messages a desktop shows, newest first: neither deleted nor expired. When the newest goes, the one
 * before it that is still unexpired shows again.
 */
export const activeTeamMessages = <T extends TeamMessageTimes>(messages: readonly T[], now: number): T[] =>
  messages
    .filter((message) => teamMessageStatus(message, now) === 'active')
    .sort((a, b) => ms(b.createdAt) - ms(a.createdAt));
