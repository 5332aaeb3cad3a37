import type { Db } from '../database.ts';

/** Deployment-wide values shared by every node (the token signing key); the one table without a tenant. */
export const systemSettingsRepository = {
  async getOrCreate(db: Db, key: string, create: () => string): Promise<string> {
    await db
      .insertInto('system_settings')
      .values({ key, value: create() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await db
      .selectFrom('system_settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    return row.value;
  },
};
