import type { Db } from '../database.ts';
import type { TeamRow } from '../schema.ts';

export interface TeamFields {
  name: string;
  primarySupervisorId: string | null;
  secondarySupervisorId: string | null;
}

export const teamsRepository = {
  async insert(db: Db, tenantId: string, id: string, team: TeamFields): Promise<void> {
    await db
      .insertInto('teams')
      .values({
        id,
        tenant_id: tenantId,
        name: team.name,
        primary_supervisor_id: team.primarySupervisorId,
        secondary_supervisor_id: team.secondarySupervisorId,
      })
      .execute();
  },

  findById(db: Db, tenantId: string, teamId: string): Promise<TeamRow | undefined> {
    return db
      .selectFrom('teams')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', teamId)
      .executeTakeFirst();
  },

  list(db: Db, tenantId: string): Promise<TeamRow[]> {
    return db.selectFrom('teams').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
  },

  /** Teams where the user is primary or secondary supervisor. */
  async supervisedBy(db: Db, tenantId: string, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('teams')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where((eb) =>
        eb.or([eb('primary_supervisor_id', '=', userId), eb('secondary_supervisor_id', '=', userId)]),
      )
      .execute();
    return rows.map((r) => r.id);
  },

  async update(db: Db, tenantId: string, teamId: string, team: TeamFields): Promise<void> {
    await db
      .updateTable('teams')
      .set({
        name: team.name,
        primary_supervisor_id: team.primarySupervisorId,
        secondary_supervisor_id: team.secondarySupervisorId,
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', teamId)
      .execute();
  },

  async delete(db: Db, tenantId: string, teamId: string): Promise<void> {
    await db.deleteFrom('teams').where('tenant_id', '=', tenantId).where('id', '=', teamId).execute();
  },
};
