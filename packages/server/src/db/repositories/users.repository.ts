import type { Role } from '@switchboard/core';
import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { NewUser, UserRow, UserUpdate } from '../schema.ts';

export interface AgentSkill {
  skillId: string;
  competence: number;
}

export interface UserFilter {
  role?: Role | undefined;
  teamId?: string | undefined;
  limit: number;
  offset: number;
}

export const usersRepository = {
  async insert(db: Db, user: NewUser): Promise<void> {
    await db.insertInto('users').values(user).execute();
  },

  findById(db: Db, tenantId: string, userId: string): Promise<UserRow | undefined> {
    return db
      .selectFrom('users')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', userId)
      .executeTakeFirst();
  },

  findByUsername(db: Db, tenantId: string, username: string): Promise<UserRow | undefined> {
    return db
      .selectFrom('users')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where(sql<string>`lower(username)`, '=', username.toLowerCase())
      .executeTakeFirst();
  },

  list(db: Db, tenantId: string, filter: UserFilter): Promise<UserRow[]> {
    let query = db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId);
    if (filter.role) query = query.where('role', '=', filter.role);
    if (filter.teamId) query = query.where('team_id', '=', filter.teamId);
    return query.orderBy('username').limit(filter.limit).offset(filter.offset).execute();
  },

  async update(db: Db, tenantId: string, userId: string, change: UserUpdate): Promise<void> {
    await db
      .updateTable('users')
      .set({ ...change, updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', userId)
      .execute();
  },

  /** Sets a new password hash only if the old one is still `from` and the user active; says whether it did. */
  async replacePasswordHash(
    db: Db,
    tenantId: string,
    userId: string,
    from: string,
    to: string,
  ): Promise<boolean> {
    const result = await db
      .updateTable('users')
      .set({ password_hash: to, updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', userId)
      .where('password_hash', '=', from)
      .where('active', '=', true)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  },

  /** Which of these ids are agents or supervisors of the tenant. */
  async agentIds(db: Db, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ids)
      .where('role', 'in', ['agent', 'supervisor'])
      .execute();
    return new Set(rows.map((r) => r.id));
  },

  async countActiveAdministrators(db: Db, tenantId: string, excludingId: string): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('role', '=', 'administrator')
      .where('active', '=', true)
      .where('id', '!=', excludingId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  async skillsOf(db: Db, tenantId: string, userIds: readonly string[]): Promise<Map<string, AgentSkill[]>> {
    const bySkill = new Map<string, AgentSkill[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return bySkill;
    const rows = await db
      .selectFrom('agent_skills')
      .select(['user_id', 'skill_id', 'competence'])
      .where('tenant_id', '=', tenantId)
      .where('user_id', 'in', userIds)
      .orderBy('skill_id')
      .execute();
    for (const row of rows)
      bySkill.get(row.user_id)?.push({ skillId: row.skill_id, competence: row.competence });
    return bySkill;
  },

  async replaceSkills(
    db: Db,
    tenantId: string,
    userId: string,
    skills: readonly AgentSkill[],
  ): Promise<void> {
    await db
      .deleteFrom('agent_skills')
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .execute();
    if (skills.length === 0) return;
    await db
      .insertInto('agent_skills')
      .values(
        skills.map((s) => ({
          tenant_id: tenantId,
          user_id: userId,
          skill_id: s.skillId,
          competence: s.competence,
        })),
      )
      .execute();
  },
};
