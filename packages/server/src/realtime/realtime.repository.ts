import type { Db } from '../db/database.ts';

export const realtimeRepository = {
  /**
   * The tenant's people with an agent state (agents and supervisors, active), with their team: those of
   * `teamIds` only when given, those of `ids` only when given.
   */
  people(
    db: Db,
    tenantId: string,
    filter: { teamIds: readonly string[] | null; ids: readonly string[] | null },
  ) {
    let query = db
      .selectFrom('users')
      .leftJoin('teams', (join) =>
        join.onRef('teams.id', '=', 'users.team_id').onRef('teams.tenant_id', '=', 'users.tenant_id'),
      )
      .select([
        'users.id',
        'users.username',
        'users.display_name',
        'users.team_id',
        'teams.name as team_name',
      ])
      .where('users.tenant_id', '=', tenantId)
      .where('users.role', 'in', ['agent', 'supervisor'])
      .where('users.active', '=', true)
      .orderBy('users.display_name')
      .orderBy('users.id');
    if (filter.teamIds !== null) {
      if (filter.teamIds.length === 0) return Promise.resolve([]);
      query = query.where('users.team_id', 'in', filter.teamIds);
    }
    if (filter.ids !== null) {
      if (filter.ids.length === 0) return Promise.resolve([]);
      query = query.where('users.id', 'in', filter.ids);
    }
    return query.execute();
  },
};

export type RealtimePerson = Awaited<ReturnType<typeof realtimeRepository.people>>[number];
