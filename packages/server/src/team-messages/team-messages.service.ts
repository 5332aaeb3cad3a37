import {
  authorize,
  checkTeamChoice,
  checkTeamMessageExpiry,
  checkTeamMessageText,
  conflict,
  forbidden,
  HOUR_MS,
  holdToActiveCap,
  holdToHourlyLimit,
  invalid,
  isAllowed,
  LIMITS,
  MINUTE_MS,
  type Role,
  teamMessageStatus,
} from '@switchboard/core';
import { auditedChange, found } from '../audit/audited-change.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { teamsRepository, usersRepository } from '../db/repositories/index.ts';
import type { NoticePublisher } from '../events/event-writer.ts';
import { type Audience, type StoredTeamMessage, teamMessagesRepository } from './team-messages.repository.ts';

/** What a publisher sends; the route schema has checked the shapes and sizes. */
export interface TeamMessageInput {
  text: string;
  teamIds?: string[] | undefined;
  allTeams?: boolean | undefined;
  expiresInMinutes: number;
}

export interface TeamMessageQuery {
  include?: 'recent' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** The recent list covers a day: longer than the longest a message lives (23 h 55 min). */
const RECENT_MS = 24 * HOUR_MS;

export const presentTeamMessage = (message: StoredTeamMessage, now: number) => ({
  id: message.id,
  text: message.text,
  teamIds: message.teamIds,
  supervisorId: message.supervisorId,
  supervisorName: message.supervisorName,
  createdAt: message.createdAt.toISOString(),
  expiresAt: message.expiresAt.toISOString(),
  deletedAt: message.deletedAt?.toISOString() ?? null,
  status: teamMessageStatus(message, now),
});
export type TeamMessage = ReturnType<typeof presentTeamMessage>;

const loadMessage = (tenantId: string, id: string, now: number) => async (db: Db) => {
  const message = await teamMessagesRepository.findById(db, tenantId, id);
  return message && presentTeamMessage(message, now);
};

const target = (id: string) => ({ entity: 'team message', entityType: 'team_message', entityId: id });

/**
 * The active messages the caller sees, newest first: an agent those sent to their team; a supervisor also
 * those sent to the teams they supervise and the ones they sent; an administrator all of the tenant's.
 * With include=recent, a publisher's own messages of the last 24 hours instead, expired and deleted ones
 * too (an administrator's: everyone's).
 */
export async function listTeamMessages(db: Db, principal: Principal, query: TeamMessageQuery, now: number) {
  authorize(principal, 'teamMessage.read');
  const { tenantId, userId } = principal;
  const present = (messages: StoredTeamMessage[]) => messages.map((m) => presentTeamMessage(m, now));
  if (query.include === 'recent') {
    authorize(principal, 'teamMessage.publish');
    const recent = await teamMessagesRepository.listRecent(db, tenantId, {
      since: new Date(now - RECENT_MS),
      supervisorId: principal.role === 'administrator' ? undefined : userId,
      limit: query.limit ?? LIMITS.listPageSize.default,
      offset: query.offset ?? 0,
    });
    return present(recent);
  }
  if (query.limit !== undefined || query.offset !== undefined) {
    throw invalid(
      'limit and offset page the recent list: add include=recent, or leave them out for the active messages.',
    );
  }
  return present(
    await teamMessagesRepository.listActive(db, tenantId, await audienceOf(db, principal), new Date(now)),
  );
}

async function audienceOf(db: Db, principal: Principal): Promise<Audience> {
  const { tenantId, userId } = principal;
  if (principal.role === 'administrator') return 'everyone';
  const own = await teamMessagesRepository.teamOf(db, tenantId, userId);
  const supervised = isAllowed(principal, 'teamMessage.publish')
    ? await teamsRepository.supervisedBy(db, tenantId, userId)
    : [];
  return { teamIds: [...new Set([...supervised, ...(own ? [own] : [])])], supervisorId: userId };
}

export function publishTeamMessage(db: Db, principal: Principal, input: TeamMessageInput, now: number) {
  authorize(principal, 'teamMessage.publish');
  const text = checkTeamMessageText(input.text);
  const teamIds = checkTeamChoice(input);
  const expiresInMinutes = checkTeamMessageExpiry(input.expiresInMinutes);
  const { tenantId } = principal;
  const id = crypto.randomUUID();
  return found(
    'Team message',
    auditedChange(db, principal, {
      ...target(id),
      action: 'create',
      load: loadMessage(tenantId, id, now),
      apply: async (trx) => {
        // The tenant's row first, then the publisher's: concurrent publishes take them in the same order.
        const active = await teamMessagesRepository.countActiveForCreate(trx, tenantId, new Date(now));
        const teams = await targetsOf(trx, principal, teamIds);
        await mayPublish(trx, principal);
        await countPublish(trx, principal, now);
        holdToActiveCap(active.count, active.firstExpiry);
        await teamMessagesRepository.insert(trx, tenantId, {
          id,
          supervisorId: principal.userId,
          text,
          teamIds: teams,
          createdAt: new Date(now),
          expiresAt: new Date(now + expiresInMinutes * MINUTE_MS),
        });
      },
    }),
  );
}

/**
 * Deletes (hides) a message at once; it stays in the publisher's recent list as deleted. Publishers delete
 * their own messages, administrators anyone's. Returns the message as it was.
 */
export async function deleteTeamMessage(db: Db, principal: Principal, id: string, now: number) {
  authorize(principal, 'teamMessage.publish');
  let deleted: TeamMessage | undefined;
  await auditedChange(db, principal, {
    ...target(id),
    action: 'delete',
    load: loadMessage(principal.tenantId, id, now),
    apply: async (trx, before) => {
      if (!before) return;
      await mayPublish(trx, principal);
      if (principal.role !== 'administrator' && before.supervisorId !== principal.userId) {
        throw forbidden(
          `Supervisors delete only the team messages they sent; this one is ${before.supervisorName}'s. Ask them or an administrator.`,
        );
      }
      const alreadyDeleted = conflict('This team message has already been deleted.', { status: 'deleted' });
      if (before.status === 'deleted') throw alreadyDeleted;
      if (before.status === 'expired')
        throw conflict('This team message has already expired.', { status: 'expired' });
      await countPublish(trx, principal, now);
      if (
        !(await teamMessagesRepository.markDeleted(
          trx,
          principal.tenantId,
          id,
          principal.userId,
          new Date(now),
        ))
      ) {
        throw alreadyDeleted;
      }
      deleted = before;
    },
  });
  if (!deleted) throw new Error('deleteTeamMessage: the change did not happen');
  return deleted;
}

export interface TeamMessagesSwitch {
  userId: string;
  enabled: boolean;
}

const loadSwitch =
  (tenantId: string, userId: string) =>
  async (db: Db): Promise<TeamMessagesSwitch | undefined> => {
    const enabled = await teamMessagesRepository.isEnabled(db, tenantId, userId);
    return enabled === undefined ? undefined : { userId, enabled };
  };

/** Whether a supervisor may send team messages (administrators always may); the user and readers of users see it. */
export function getTeamMessagesSwitch(db: Db, principal: Principal, userId: string) {
  if (userId !== principal.userId) authorize(principal, 'user.read');
  return found('User', loadSwitch(principal.tenantId, userId)(db));
}

const NOT_SWITCHED: Record<Exclude<Role, 'supervisor'>, string> = {
  administrator: 'an administrator, who may always send them',
  agent: 'an agent, who may not send them',
  service: 'a service user, who may not send them',
};

/** The administrator's switch: team messages on or off for one supervisor. */
export function setTeamMessagesSwitch(db: Db, principal: Principal, userId: string, enabled: boolean) {
  authorize(principal, 'teamMessage.configure');
  return found(
    'User',
    auditedChange(db, principal, {
      entity: 'user',
      entityType: 'team_messages_switch',
      entityId: userId,
      action: 'update',
      load: loadSwitch(principal.tenantId, userId),
      apply: async (trx) => {
        const role = (await usersRepository.findById(trx, principal.tenantId, userId))?.role;
        if (enabled && role && role !== 'supervisor') {
          throw invalid(
            `Team messages are switched on for supervisors only; this user is ${NOT_SWITCHED[role]}.`,
            {
              field: 'enabled',
            },
          );
        }
        await teamMessagesRepository.setEnabled(trx, principal.tenantId, userId, enabled);
      },
    }),
  );
}

/** Tells the desktops that see the message that it was published or deleted; they fetch the list again. */
export async function announce(
  db: Db,
  notices: NoticePublisher,
  principal: Principal,
  type: 'team_message.published' | 'team_message.deleted',
  message: Pick<TeamMessage, 'id' | 'teamIds' | 'supervisorId'>,
  now: number,
): Promise<void> {
  const { tenantId } = principal;
  const userIds = await teamMessagesRepository.readersOf(db, tenantId, message.teamIds, message.supervisorId);
  const at = new Date(now).toISOString();
  await notices.publish(tenantId, [
    { userIds, message: { type, id: message.id, teamIds: message.teamIds, at } },
  ]);
}

/** Supervisors need the administrator's switch; administrators always may. Locks the publisher's row. */
async function mayPublish(db: Db, principal: Principal): Promise<void> {
  const publisher = await teamMessagesRepository.lockPublisher(db, principal.tenantId, principal.userId);
  if (!publisher) throw forbidden('Only people of this tenant send team messages.');
  if (principal.role === 'supervisor' && !publisher.teamMessagesEnabled) {
    throw forbidden('Team messages are not switched on for you: ask an administrator to turn them on.');
  }
}

/** The teams a message goes to: they must exist, and a supervisor must supervise each of them. */
async function targetsOf(db: Db, principal: Principal, choice: string[] | 'all'): Promise<string[]> {
  const { tenantId, userId } = principal;
  const supervised =
    principal.role === 'administrator' ? undefined : await teamsRepository.supervisedBy(db, tenantId, userId);
  if (choice === 'all') {
    const all = supervised ?? (await teamMessagesRepository.allTeams(db, tenantId));
    if (all.length === 0) {
      throw supervised
        ? forbidden(
            'You supervise no team, so there is no one to send to: ask an administrator to make you a team supervisor.',
          )
        : invalid('The tenant has no teams yet: create one first.', { field: 'allTeams' });
    }
    return all.sort();
  }
  const existing = await teamMessagesRepository.existingTeams(db, tenantId, choice);
  const unknown = choice.findIndex((id) => !existing.has(id));
  if (unknown >= 0) {
    throw invalid(`teamIds[${unknown}] is not a team of this tenant.`, { field: `teamIds[${unknown}]` });
  }
  const outside = supervised && choice.findIndex((id) => !supervised.includes(id));
  if (outside !== undefined && outside >= 0) {
    throw forbidden(
      `Supervisors send team messages only to the teams they supervise, and you do not supervise teamIds[${outside}].`,
    );
  }
  return [...choice].sort();
}

/**
 * Holds the publisher to the hourly limit and logs this publish. Call it after the publisher's row is locked,
 * so their concurrent publishes are counted one after another.
 */
async function countPublish(db: Db, principal: Principal, now: number): Promise<void> {
  const { tenantId, userId } = principal;
  const hourAgo = new Date(now - HOUR_MS);
  const published = await teamMessagesRepository.publishedSince(db, tenantId, userId, hourAgo);
  holdToHourlyLimit(
    published.map((at) => at.getTime()),
    now,
  );
  await teamMessagesRepository.recordPublish(db, tenantId, userId, new Date(now), hourAgo);
}
