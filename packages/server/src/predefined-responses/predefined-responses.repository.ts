import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { PredefinedResponseRow } from '../db/schema.ts';

export type ResponseChannel = 'chat' | 'email';

/** A response as the service writes it: checked, the body sanitised, `csqIds` empty when it is global. */
export interface ResponseFields {
  channel: ResponseChannel;
  title: string;
  body: string;
  csqIds: string[];
}

export interface StoredResponse extends PredefinedResponseRow {
  csqIds: string[];
}

async function withTags(db: Db, tenantId: string, rows: PredefinedResponseRow[]): Promise<StoredResponse[]> {
  const tags = new Map<string, string[]>(rows.map((row) => [row.id, []]));
  if (rows.length > 0) {
    const found = await db
      .selectFrom('predefined_response_csqs')
      .select(['response_id', 'csq_id'])
      .where('tenant_id', '=', tenantId)
      .where(
        'response_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('csq_id')
      .execute();
    for (const { response_id, csq_id } of found) tags.get(response_id)?.push(csq_id);
  }
  return rows.map((row) => ({ ...row, csqIds: tags.get(row.id) ?? [] }));
}

async function replaceTags(db: Db, tenantId: string, id: string, csqIds: readonly string[]): Promise<void> {
  await db
    .deleteFrom('predefined_response_csqs')
    .where('tenant_id', '=', tenantId)
    .where('response_id', '=', id)
    .execute();
  if (csqIds.length === 0) return;
  await db
    .insertInto('predefined_response_csqs')
    .values(csqIds.map((csqId) => ({ tenant_id: tenantId, response_id: id, csq_id: csqId })))
    .execute();
}

const responsesOf = (db: Db, tenantId: string) =>
  db.selectFrom('predefined_responses').selectAll().where('tenant_id', '=', tenantId);

export const predefinedResponsesRepository = {
  async insert(db: Db, tenantId: string, id: string, fields: ResponseFields): Promise<void> {
    const { channel, title, body, csqIds } = fields;
    await db
      .insertInto('predefined_responses')
      .values({ id, tenant_id: tenantId, channel, title, body, global: csqIds.length === 0 })
      .execute();
    await replaceTags(db, tenantId, id, csqIds);
  },

  async update(db: Db, tenantId: string, id: string, fields: ResponseFields, at: Date): Promise<void> {
    const { channel, title, body, csqIds } = fields;
    await db
      .updateTable('predefined_responses')
      .set({ channel, title, body, global: csqIds.length === 0, updated_at: at })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
    await replaceTags(db, tenantId, id, csqIds);
  },

  async delete(db: Db, tenantId: string, id: string): Promise<void> {
    await db
      .deleteFrom('predefined_responses')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
  },

  async findById(db: Db, tenantId: string, id: string): Promise<StoredResponse | undefined> {
    const row = await responsesOf(db, tenantId).where('id', '=', id).executeTakeFirst();
    return row && (await withTags(db, tenantId, [row]))[0];
  },

  /** Another response with this title, compared without regard to case. */
  async titleTaken(db: Db, tenantId: string, title: string, exceptId?: string): Promise<boolean> {
    let query = db
      .selectFrom('predefined_responses')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where(sql<string>`lower(title)`, '=', title.toLowerCase());
    if (exceptId) query = query.where('id', '<>', exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  },

  async list(db: Db, tenantId: string, channel?: ResponseChannel): Promise<StoredResponse[]> {
    let query = responsesOf(db, tenantId);
    if (channel) query = query.where('channel', '=', channel);
    return withTags(db, tenantId, await query.orderBy(sql`lower(title)`).orderBy('id').execute());
  },

  /** The responses of a channel an agent may use in a CSQ: the global ones and those tagged to it. */
  async forCsq(db: Db, tenantId: string, channel: ResponseChannel, csqId: string): Promise<StoredResponse[]> {
    const rows = await responsesOf(db, tenantId)
      .where('channel', '=', channel)
      .where((eb) =>
        eb.or([
          eb('global', '=', true),
          eb.exists(
            eb
              .selectFrom('predefined_response_csqs as t')
              .select('t.csq_id')
              .whereRef('t.tenant_id', '=', 'predefined_responses.tenant_id')
              .whereRef('t.response_id', '=', 'predefined_responses.id')
              .where('t.csq_id', '=', csqId),
          ),
        ]),
      )
      .orderBy(sql`lower(title)`)
      .orderBy('id')
      .execute();
    return withTags(db, tenantId, rows);
  },

  async count(db: Db, tenantId: string): Promise<number> {
    const row = await db
      .selectFrom('predefined_responses')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
