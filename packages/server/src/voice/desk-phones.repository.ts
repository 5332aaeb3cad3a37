import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { DeskPhonesTable } from '../db/schema.ts';
import { countForCreate } from '../db/tenant-lock.ts';

export interface StoredDeskPhone {
  id: string;
  extension: string;
  name: string;
  sipUsername: string;
  /** The sealed secret holding the digest hash of its password (HA1). */
  secretId: string;
  /** The agent signed in with this phone's extension, whose calls ring it. */
  agentId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = [
  'id',
  'extension',
  'name',
  'sip_username',
  'secret_id',
  'agent_id',
  'created_at',
  'updated_at',
] as const;

type PhoneRow = Selectable<Pick<DeskPhonesTable, (typeof COLUMNS)[number]>>;
const toStored = (row: PhoneRow): StoredDeskPhone => ({
  id: row.id,
  extension: row.extension,
  name: row.name,
  sipUsername: row.sip_username,
  secretId: row.secret_id,
  agentId: row.agent_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const deskPhonesRepository = {
  async list(db: Db, tenantId: string): Promise<StoredDeskPhone[]> {
    const rows = await db
      .selectFrom('desk_phones')
      .select(COLUMNS)
      .where('tenant_id', '=', tenantId)
      .orderBy('extension')
      .execute();
    return rows.map(toStored);
  },

  async findById(db: Db, tenantId: string, id: string): Promise<StoredDeskPhone | undefined> {
    const row = await db
      .selectFrom('desk_phones')
      .select(COLUMNS)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toStored(row);
  },

  async findByExtension(db: Db, tenantId: string, extension: string): Promise<StoredDeskPhone | undefined> {
    const row = await db
      .selectFrom('desk_phones')
      .select(COLUMNS)
      .where('tenant_id', '=', tenantId)
      .where('extension', '=', extension)
      .executeTakeFirst();
    return row && toStored(row);
  },

  /**
   * The phone that registers as `sipUsername`, with its tenant. The one lookup of desk phones not scoped to a
   * tenant: a REGISTER names only the username, which is unique on the server.
   */
  async findBySipUsername(
    db: Db,
    sipUsername: string,
  ): Promise<(StoredDeskPhone & { tenantId: string }) | undefined> {
    const row = await db
      .selectFrom('desk_phones')
      .select([...COLUMNS, 'tenant_id'])
      .where('sip_username', '=', sipUsername)
      .executeTakeFirst();
    return row && { ...toStored(row), tenantId: row.tenant_id };
  },

  /** The phone the agent is signed in with, if any. */
  async findByAgent(db: Db, tenantId: string, agentId: string): Promise<StoredDeskPhone | undefined> {
    const row = await db
      .selectFrom('desk_phones')
      .select(COLUMNS)
      .where('tenant_id', '=', tenantId)
      .where('agent_id', '=', agentId)
      .executeTakeFirst();
    return row && toStored(row);
  },

  countForCreate: (db: Db, tenantId: string): Promise<number> => countForCreate(db, 'desk_phones', tenantId),

  async insert(
    db: Db,
    tenantId: string,
    phone: { id: string; extension: string; name: string; sipUsername: string; secretId: string },
    at: Date,
  ): Promise<void> {
    await db
      .insertInto('desk_phones')
      .values({
        id: phone.id,
        tenant_id: tenantId,
        extension: phone.extension,
        name: phone.name,
        sip_username: phone.sipUsername,
        secret_id: phone.secretId,
        agent_id: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  },

  async rename(db: Db, tenantId: string, id: string, name: string, at: Date): Promise<void> {
    await db
      .updateTable('desk_phones')
      .set({ name, updated_at: at })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
  },

  async replaceSecret(db: Db, tenantId: string, id: string, secretId: string, at: Date): Promise<void> {
    await db
      .updateTable('desk_phones')
      .set({ secret_id: secretId, updated_at: at })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
  },

  async delete(db: Db, tenantId: string, id: string): Promise<void> {
    await db.deleteFrom('desk_phones').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  },

  /**
   * Signs the agent in with the phone of `extension` (their calls ring it), leaving any other phone they had:
   * the phone of `extension` unless another agent holds it. Answers the phone taken, or undefined when there is
   * no such phone or someone else holds it. Call it in a transaction.
   */
  async claim(
    db: Db,
    tenantId: string,
    agentId: string,
    extension: string,
  ): Promise<StoredDeskPhone | undefined> {
    await db
      .updateTable('desk_phones')
      .set({ agent_id: null })
      .where('tenant_id', '=', tenantId)
      .where('agent_id', '=', agentId)
      .where('extension', '!=', extension)
      .execute();
    const row = await db
      .updateTable('desk_phones')
      .set({ agent_id: agentId })
      .where('tenant_id', '=', tenantId)
      .where('extension', '=', extension)
      .where((eb) => eb.or([eb('agent_id', 'is', null), eb('agent_id', '=', agentId)]))
      .returning(COLUMNS)
      .executeTakeFirst();
    return row && toStored(row);
  },

  /** The agent leaves their desk phone: calls ring in the desktop again. */
  async release(db: Db, tenantId: string, agentId: string): Promise<void> {
    await db
      .updateTable('desk_phones')
      .set({ agent_id: null })
      .where('tenant_id', '=', tenantId)
      .where('agent_id', '=', agentId)
      .execute();
  },
};
