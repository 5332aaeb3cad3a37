import type { Db } from '../db/database.ts';

export const queuesRepository = {
  /** Who the given users are, for lists of agents. */
  async people(db: Db, tenantId: string, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'alias', 'team_id'])
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ids)
      .execute();
  },
};
