import type { Db } from '../database.ts';
import type { SessionRow, UserRow } from '../schema.ts';

export const sessionsRepository = {
  async insert(
    db: Db,
    session: { id: string; tenantId: string; userId: string; refreshHash: string; expiresAt: Date },
  ): Promise<void> {
    await db
      .insertInto('sessions')
      .values({
        id: session.id,
        tenant_id: session.tenantId,
        user_id: session.userId,
        refresh_hash: session.refreshHash,
        expires_at: session.expiresAt,
      })
      .execute();
  },

  findById(db: Db, tenantId: string, sessionId: string): Promise<SessionRow | undefined> {
    return db
      .selectFrom('sessions')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', sessionId)
      .executeTakeFirst();
  },

  /**
   * What authenticating a request needs, in one query: the session if it is unrevoked and unexpired and its user's
   * role and name if the user is active (the session's own user, so a token cannot borrow another's).
   */
  findLive(
    db: Db,
    tenantId: string,
    sessionId: string,
    userId: string,
    now: Date,
  ): Promise<{ id: string; user_id: string; role: UserRow['role']; username: string } | undefined> {
    return db
      .selectFrom('sessions')
      .innerJoin('users', (join) =>
        join.onRef('users.tenant_id', '=', 'sessions.tenant_id').onRef('users.id', '=', 'sessions.user_id'),
      )
      .select(['sessions.id', 'sessions.user_id', 'users.role', 'users.username'])
      .where('sessions.tenant_id', '=', tenantId)
      .where('sessions.id', '=', sessionId)
      .where('sessions.user_id', '=', userId)
      .where('sessions.revoked_at', 'is', null)
      .where('sessions.expires_at', '>', now)
      .where('users.active', '=', true)
      .executeTakeFirst();
  },

  /** Swaps the refresh secret only if it is still the one presented, so a refresh token works once. */
  async rotate(
    db: Db,
    tenantId: string,
    sessionId: string,
    fromHash: string,
    toHash: string,
  ): Promise<boolean> {
    const result = await db
      .updateTable('sessions')
      .set({ refresh_hash: toHash })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', sessionId)
      .where('refresh_hash', '=', fromHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  },

  async revoke(db: Db, tenantId: string, sessionId: string, at: Date): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ revoked_at: at })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .execute();
  },

  /** Ends every session of a user, but `except` (the caller's own, when they changed their own password). */
  async revokeAllOfUser(db: Db, tenantId: string, userId: string, at: Date, except?: string): Promise<void> {
    let query = db
      .updateTable('sessions')
      .set({ revoked_at: at })
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (except) query = query.where('id', '!=', except);
    await query.execute();
  },
};
