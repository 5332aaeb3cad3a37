import type { ApiKeyScope } from '@switchboard/core';
import type { Db } from '../database.ts';
import type { ApiKeyRow } from '../schema.ts';

export const apiKeysRepository = {
  async insert(
    db: Db,
    key: { id: string; tenantId: string; userId: string; name: string; scope: ApiKeyScope; keyHash: string },
  ): Promise<void> {
    await db
      .insertInto('api_keys')
      .values({
        id: key.id,
        tenant_id: key.tenantId,
        user_id: key.userId,
        name: key.name,
        scope: key.scope,
        key_hash: key.keyHash,
      })
      .execute();
  },

  /** Looks a key up by id alone: the id is how a presented key finds its tenant. */
  findForAuthentication(db: Db, keyId: string): Promise<ApiKeyRow | undefined> {
    return db.selectFrom('api_keys').selectAll().where('id', '=', keyId).executeTakeFirst();
  },

  findById(db: Db, tenantId: string, keyId: string): Promise<ApiKeyRow | undefined> {
    return db
      .selectFrom('api_keys')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', keyId)
      .executeTakeFirst();
  },

  listOfUser(db: Db, tenantId: string, userId: string): Promise<ApiKeyRow[]> {
    return db
      .selectFrom('api_keys')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
  },

  async revoke(db: Db, tenantId: string, keyId: string, at: Date): Promise<void> {
    await db
      .updateTable('api_keys')
      .set({ revoked_at: at })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', keyId)
      .where('revoked_at', 'is', null)
      .execute();
  },

  async revokeAllOfUser(db: Db, tenantId: string, userId: string, at: Date): Promise<void> {
    await db
      .updateTable('api_keys')
      .set({ revoked_at: at })
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
  },

  async touch(db: Db, tenantId: string, keyId: string, at: Date): Promise<void> {
    await db
      .updateTable('api_keys')
      .set({ last_used_at: at })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', keyId)
      .execute();
  },
};
