import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { PhoneNumbersTable } from '../db/schema.ts';
import { countForCreate } from '../db/tenant-lock.ts';

/** What an administrator sets on a number: exactly one of `flowId` and `csqId` is set. */
export interface PhoneNumberFields {
  number: string;
  name: string;
  flowId: string | null;
  csqId: string | null;
}

export interface StoredPhoneNumber extends PhoneNumberFields {
  id: string;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = ['id', 'number', 'name', 'flow_id', 'csq_id', 'created_at', 'updated_at'] as const;

type NumberRow = Selectable<Pick<PhoneNumbersTable, (typeof COLUMNS)[number]>>;
const toStored = (row: NumberRow): StoredPhoneNumber => ({
  id: row.id,
  number: row.number,
  name: row.name,
  flowId: row.flow_id,
  csqId: row.csq_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * The number's tenant and where its calls go. The one lookup of numbers not scoped to a tenant: an inbound
 * call names only the number dialled, and numbers are unique on the server.
 */
export async function findByNumber(
  db: Db,
  number: string,
): Promise<
  { id: string; tenantId: string; number: string; flowId: string | null; csqId: string | null } | undefined
> {
  const row = await db
    .selectFrom('phone_numbers')
    .select(['id', 'tenant_id', 'number', 'flow_id', 'csq_id'])
    .where('number', '=', number)
    .executeTakeFirst();
  return (
    row && { id: row.id, tenantId: row.tenant_id, number: row.number, flowId: row.flow_id, csqId: row.csq_id }
  );
}

export const phoneNumbersRepository = {
  /** Whether `number` is one of the tenant's numbers. */
  async isTenants(db: Db, tenantId: string, number: string): Promise<boolean> {
    const row = await db
      .selectFrom('phone_numbers')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('number', '=', number)
      .executeTakeFirst();
    return row !== undefined;
  },

  async list(db: Db, tenantId: string): Promise<StoredPhoneNumber[]> {
    const rows = await db
      .selectFrom('phone_numbers')
      .select(COLUMNS)
      .where('tenant_id', '=', tenantId)
      .orderBy('number')
      .execute();
    return rows.map(toStored);
  },

  async findById(db: Db, tenantId: string, id: string): Promise<StoredPhoneNumber | undefined> {
    const row = await db
      .selectFrom('phone_numbers')
      .select(COLUMNS)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toStored(row);
  },

  findByNumber,

  countForCreate: (db: Db, tenantId: string): Promise<number> =>
    countForCreate(db, 'phone_numbers', tenantId),

  async insert(db: Db, tenantId: string, id: string, fields: PhoneNumberFields, at: Date): Promise<void> {
    await db
      .insertInto('phone_numbers')
      .values({
        id,
        tenant_id: tenantId,
        number: fields.number,
        name: fields.name,
        flow_id: fields.flowId,
        csq_id: fields.csqId,
        created_at: at,
        updated_at: at,
      })
      .execute();
  },

  async update(db: Db, tenantId: string, id: string, fields: PhoneNumberFields, at: Date): Promise<void> {
    await db
      .updateTable('phone_numbers')
      .set({
        number: fields.number,
        name: fields.name,
        flow_id: fields.flowId,
        csq_id: fields.csqId,
        updated_at: at,
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
  },

  async delete(db: Db, tenantId: string, id: string): Promise<void> {
    await db.deleteFrom('phone_numbers').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  },

  /** The names of the CSQs presenting the number `id` as their caller ID. */
  async presentedBy(db: Db, tenantId: string, id: string): Promise<string[]> {
    const rows = await db
      .selectFrom('csqs')
      .innerJoin('phone_numbers', (join) =>
        join
          .onRef('phone_numbers.tenant_id', '=', 'csqs.tenant_id')
          .onRef('phone_numbers.number', '=', 'csqs.caller_id'),
      )
      .select('csqs.name')
      .where('csqs.tenant_id', '=', tenantId)
      .where('phone_numbers.id', '=', id)
      .orderBy('csqs.name')
      .execute();
    return rows.map((row) => row.name);
  },

  /** The numbers that send their calls to this call flow or CSQ, with their names. */
  async using(
    db: Db,
    tenantId: string,
    what: 'flow' | 'csq',
    id: string,
  ): Promise<{ number: string; name: string }[]> {
    return db
      .selectFrom('phone_numbers')
      .select(['number', 'name'])
      .where('tenant_id', '=', tenantId)
      .where(what === 'flow' ? 'flow_id' : 'csq_id', '=', id)
      .orderBy('number')
      .execute();
  },
};
