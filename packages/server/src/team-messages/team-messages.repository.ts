import type { Db } from '../db/database.ts';
import type { TeamMessageRow } from '../db/schema.ts';
import { lockTenant } from '../db/tenant-lock.ts';

/** A team message as stored, with the teams it was sent to and the name of who sent it. */
export interface StoredTeamMessage {
  id: string;
  text: string;
  teamIds: string[];
  supervisorId: string;
  supervisorName: string;
  createdAt: Date;
  expiresAt: Date;
  deletedAt: Date | null;
}

export interface NewTeamMessage {
  id: string;
  supervisorId: string;
  text: string;
  teamIds: readonly string[];
  createdAt: Date;
  expiresAt: Date;
}

/** Whose messages a list shows: everyone's in the tenant, or those sent to some teams or by someone. */
export type Audience = 'everyone' | { teamIds: readonly string[]; supervisorId: string };

type Row = TeamMessageRow & { supervisor_name: string };

function messages(db: Db, tenantId: string) {
  return db
    .selectFrom('team_messages as m')
    .innerJoin('users as u', (join) =>
      join.onRef('u.tenant_id', '=', 'm.tenant_id').onRef('u.id', '=', 'm.supervisor_id'),
    )
    .selectAll('m')
    .select('u.display_name as supervisor_name')
    .where('m.tenant_id', '=', tenantId);
}

async function withTeams(db: Db, tenantId: string, rows: Row[]): Promise<StoredTeamMessage[]> {
  const teams = new Map<string, string[]>(rows.map((row) => [row.id, []]));
  if (rows.length > 0) {
    const targets = await db
      .selectFrom('team_message_targets')
      .select(['message_id', 'team_id'])
      .where('tenant_id', '=', tenantId)
      .where(
        'message_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('team_id')
      .execute();
    for (const { message_id, team_id } of targets) teams.get(message_id)?.push(team_id);
  }
  return rows.map((row) => ({
    id: row.id,
    text: row.text,
    teamIds: teams.get(row.id) ?? [],
    supervisorId: row.supervisor_id,
    supervisorName: row.supervisor_name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    deletedAt: row.deleted_at,
  }));
}

export const teamMessagesRepository = {
  async insert(db: Db, tenantId: string, message: NewTeamMessage): Promise<void> {
    await db
      .insertInto('team_messages')
      .values({
        id: message.id,
        tenant_id: tenantId,
        supervisor_id: message.supervisorId,
        text: message.text,
        created_at: message.createdAt,
        expires_at: message.expiresAt,
      })
      .execute();
    if (message.teamIds.length === 0) return;
    await db
      .insertInto('team_message_targets')
      .values(
        message.teamIds.map((teamId) => ({ tenant_id: tenantId, message_id: message.id, team_id: teamId })),
      )
      .execute();
  },

  /** False when it was deleted already (by a concurrent delete, say). */
  async markDeleted(db: Db, tenantId: string, id: string, by: string, at: Date): Promise<boolean> {
    const result = await db
      .updateTable('team_messages')
      .set({ deleted_at: at, deleted_by: by })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  async findById(db: Db, tenantId: string, id: string): Promise<StoredTeamMessage | undefined> {
    const row = await messages(db, tenantId).where('m.id', '=', id).executeTakeFirst();
    return row && (await withTeams(db, tenantId, [row]))[0];
  },

  /** Unexpired, undeleted messages for the audience, newest first. */
  async listActive(db: Db, tenantId: string, audience: Audience, now: Date): Promise<StoredTeamMessage[]> {
    let query = messages(db, tenantId).where('m.deleted_at', 'is', null).where('m.expires_at', '>', now);
    if (audience !== 'everyone') {
      const { teamIds, supervisorId } = audience;
      query = query.where((eb) =>
        eb.or([
          eb('m.supervisor_id', '=', supervisorId),
          ...(teamIds.length === 0
            ? []
            : [
                eb.exists(
                  eb
                    .selectFrom('team_message_targets as t')
                    .select('t.team_id')
                    .whereRef('t.tenant_id', '=', 'm.tenant_id')
                    .whereRef('t.message_id', '=', 'm.id')
                    .where('t.team_id', 'in', teamIds),
                ),
              ]),
        ]),
      );
    }
    const rows = await query.orderBy('m.created_at', 'desc').orderBy('m.seq', 'desc').execute();
    return withTeams(db, tenantId, rows);
  },

  /** Messages created since `since`, expired and deleted ones too, newest first; optionally one publisher's. */
  async listRecent(
    db: Db,
    tenantId: string,
    filter: { since: Date; supervisorId?: string | undefined; limit: number; offset: number },
  ): Promise<StoredTeamMessage[]> {
    let query = messages(db, tenantId).where('m.created_at', '>', filter.since);
    if (filter.supervisorId) query = query.where('m.supervisor_id', '=', filter.supervisorId);
    const rows = await query
      .orderBy('m.created_at', 'desc')
      .orderBy('m.seq', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return withTeams(db, tenantId, rows);
  },

  /**
   * How many messages of the tenant are active, for checking its cap before a publish, and when the first
   * of them expires. Call it in the publish's transaction: it holds the tenant's row until the transaction
   * ends, so concurrent publishes count one after another and cannot both squeeze under the cap.
   */
  async countActiveForCreate(
    db: Db,
    tenantId: string,
    now: Date,
  ): Promise<{ count: number; firstExpiry: Date | null }> {
    await lockTenant(db, tenantId);
    const row = await db
      .selectFrom('team_messages')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('expires_at').as('first')])
      .where('tenant_id', '=', tenantId)
      .where('deleted_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow();
    return { count: Number(row.n), firstExpiry: row.first ? new Date(row.first) : null };
  },

  /**
   * The publisher's row, locked until the transaction ends so that their concurrent publishes are counted
   * one after another; undefined when they are not a user of the tenant.
   */
  async lockPublisher(
    db: Db,
    tenantId: string,
    userId: string,
  ): Promise<{ teamMessagesEnabled: boolean } | undefined> {
    const row = await db
      .selectFrom('users')
      .select('team_messages_enabled')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', userId)
      .forNoKeyUpdate()
      .executeTakeFirst();
    return row && { teamMessagesEnabled: row.team_messages_enabled };
  },

  /** When the user published (created or deleted a message) after `since`, oldest first. */
  async publishedSince(db: Db, tenantId: string, userId: string, since: Date): Promise<Date[]> {
    const rows = await db
      .selectFrom('team_message_publishes')
      .select('at')
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .where('at', '>', since)
      .orderBy('at')
      .execute();
    return rows.map((row) => row.at);
  },

  /** Logs a publish and forgets the user's publishes up to `forgetUntil`, which no longer count. */
  async recordPublish(db: Db, tenantId: string, userId: string, at: Date, forgetUntil: Date): Promise<void> {
    await db
      .deleteFrom('team_message_publishes')
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .where('at', '<=', forgetUntil)
      .execute();
    await db
      .insertInto('team_message_publishes')
      .values({ tenant_id: tenantId, user_id: userId, at })
      .execute();
  },

  async isEnabled(db: Db, tenantId: string, userId: string): Promise<boolean | undefined> {
    const row = await db
      .selectFrom('users')
      .select('team_messages_enabled')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.team_messages_enabled;
  },

  async setEnabled(db: Db, tenantId: string, userId: string, enabled: boolean): Promise<void> {
    await db
      .updateTable('users')
      .set({ team_messages_enabled: enabled })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', userId)
      .execute();
  },

  /** Which of these ids are teams of the tenant. */
  async existingTeams(db: Db, tenantId: string, teamIds: readonly string[]): Promise<Set<string>> {
    if (teamIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('teams')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', teamIds)
      .execute();
    return new Set(rows.map((row) => row.id));
  },

  async allTeams(db: Db, tenantId: string): Promise<string[]> {
    const rows = await db.selectFrom('teams').select('id').where('tenant_id', '=', tenantId).execute();
    return rows.map((row) => row.id);
  },

  /** The team the user belongs to, if any. */
  async teamOf(db: Db, tenantId: string, userId: string): Promise<string | null> {
    const row = await db
      .selectFrom('users')
      .select('team_id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.team_id ?? null;
  },

  /**
   * Who sees a message to these teams: their members and supervisors, the publisher, and the tenant's
   * administrators (active users only).
   */
  async readersOf(
    db: Db,
    tenantId: string,
    teamIds: readonly string[],
    publisherId: string,
  ): Promise<Set<string>> {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('active', '=', true)
      .where((eb) =>
        eb.or([
          eb('role', '=', 'administrator'),
          eb('id', '=', publisherId),
          ...(teamIds.length === 0
            ? []
            : [
                eb('team_id', 'in', teamIds),
                eb.exists(
                  eb
                    .selectFrom('teams as t')
                    .select('t.id')
                    .whereRef('t.tenant_id', '=', 'users.tenant_id')
                    .where('t.id', 'in', teamIds)
                    .where((team) =>
                      team.or([
                        team('t.primary_supervisor_id', '=', team.ref('users.id')),
                        team('t.secondary_supervisor_id', '=', team.ref('users.id')),
                      ]),
                    ),
                ),
              ]),
        ]),
      )
      .execute();
    return new Set(rows.map((row) => row.id));
  },
};
