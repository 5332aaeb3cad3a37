import { authorize, invalid } from '@switchboard/core';
import { sql } from 'kysely';
import { recordChange } from '../audit/audit.service.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';

/** What erased text reads afterwards: in the transcript, the notes, the attributes' values. */
export const ERASED = '[erased]';

/** How an erasure names its customer: any of these, and every contact that matches one is theirs. */
export interface CustomerIdentity {
  /** The email the customer gave a chat (any case). */
  email?: string | undefined;
  /** The phone number the customer gave a chat, compared by its digits and plus sign alone. */
  phone?: string | undefined;
  /** `attributes.customerId`, as a channel adapter set it. */
  customerId?: string | undefined;
}

export interface Erasure {
  dryRun: boolean;
  /** Ended contacts of the customer whose personal data was erased (or would be). */
  contacts: number;
  /** Chat messages whose text was replaced by the marker (or would be). */
  messages: number;
  /** Contact notes replaced by the marker (or would be). */
  notes: number;
  /** Contacts of the customer still open: left untouched; erase again once they have ended. */
  openContacts: number;
}

const digitsOf = (phone: string) => phone.replace(/[^0-9+]/g, '');

/** The tenant's contacts matching any of the identifiers, each with whether it is still open. */
async function contactsOf(db: Db, tenantId: string, who: CustomerIdentity) {
  const ids = new Set<string>();
  const add = (rows: { id: string }[]) => {
    for (const row of rows) ids.add(row.id);
  };
  const sessions = db
    .selectFrom('chat_sessions')
    .select('contact_id as id')
    .where('tenant_id', '=', tenantId);
  if (who.email)
    add(
      await sessions
        .where('customer_email', 'is not', null)
        .where((eb) => eb(eb.fn('lower', ['customer_email']), '=', who.email?.toLowerCase() ?? ''))
        .execute(),
    );
  if (who.phone)
    add(
      await sessions
        .where('customer_phone', 'is not', null)
        .where(sql<string>`regexp_replace(customer_phone, '[^0-9+]', '', 'g')`, '=', digitsOf(who.phone))
        .execute(),
    );
  if (who.customerId)
    add(
      await db
        .selectFrom('contacts')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where(sql<boolean>`attributes ? 'customerId'`)
        .where(sql<string>`attributes ->> 'customerId'`, '=', who.customerId)
        .execute(),
    );
  if (ids.size === 0) return { ended: [], open: 0 };
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...ids])
    .execute();
  const ended = rows.filter((r) => r.status === 'ended').map((r) => r.id);
  return { ended, open: rows.length - ended.length };
}

async function countTexts(db: Db, tenantId: string, ids: string[]) {
  const count = async (table: 'chat_messages' | 'contact_notes') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('contact_id', 'in', ids)
      .where('body', '<>', ERASED)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return { messages: await count('chat_messages'), notes: await count('contact_notes') };
}

/** Replaces the personal data of these (ended) contacts; their times, outcomes, events and figures stay. */
async function eraseContacts(trx: Db, tenantId: string, ids: string[]): Promise<void> {
  const mine = sql`tenant_id = ${tenantId} and contact_id = any(${ids}::uuid[])`;
  await sql`
    update chat_sessions set customer_name = null, customer_email = null, customer_phone = null,
      custom_fields = '{}', rating_comment = case when rating_comment is null then null else ${ERASED} end
    where ${mine}`.execute(trx);
  for (const table of ['chat_messages', 'chat_whispers', 'contact_notes'])
    await sql`update ${sql.table(table)} set body = ${ERASED} where ${mine} and body <> ${ERASED}`.execute(
      trx,
    );
  await sql`
    update contacts set attributes = (select jsonb_object_agg(key, ${ERASED}::text) from jsonb_each(attributes))
    where tenant_id = ${tenantId} and id = any(${ids}::uuid[]) and attributes <> '{}'`.execute(trx);
  // A transfer's note is an agent's free text: its event keeps its time, the text goes.
  await sql`
    update contact_events set data = jsonb_set(data, '{note}', to_jsonb(${ERASED}::text))
    where ${mine} and type = 'contact.transferred' and data ->> 'note' is not null`.execute(trx);
  // The event log (kept a week) carries the same texts to desktops: chat messages, whispers, transfer notes.
  await sql`
    update event_log set payload = payload || jsonb_strip_nulls(jsonb_build_object(
      'text', case when payload ? 'text' then to_jsonb(${ERASED}::text) end,
      'body', case when payload ? 'body' then to_jsonb(${ERASED}::text) end,
      'note', case when payload ->> 'note' is not null then to_jsonb(${ERASED}::text) end))
    where tenant_id = ${tenantId} and payload ->> 'contactId' = any(${ids}::text[])
      and (payload ? 'text' or payload ? 'body' or payload ->> 'note' is not null)`.execute(trx);
}

/**
 * Erases one customer's personal data from every ended contact of theirs in the caller's tenant (docs/reporting.md,
 * "Erasing a customer's personal data"), in one transaction with its audit entry, which names no personal data.
 * Idempotent: a second erasure finds nothing left to erase. A dry run only counts.
 */
export async function eraseCustomer(
  db: Db,
  principal: Principal,
  request: CustomerIdentity & { dryRun?: boolean | undefined },
): Promise<Erasure> {
  authorize(principal, 'customer.erase');
  if (!request.email && !request.phone && !request.customerId)
    throw invalid('Name the customer by email, phone or customerId (one is enough).', { field: 'email' });
  if (request.phone !== undefined && digitsOf(request.phone).length === 0)
    throw invalid('phone must contain digits.', { field: 'phone' });
  const { tenantId } = principal;
  const dryRun = request.dryRun ?? false;
  return db.transaction().execute(async (trx) => {
    const { ended, open } = await contactsOf(trx, tenantId, request);
    const counts = ended.length > 0 ? await countTexts(trx, tenantId, ended) : { messages: 0, notes: 0 };
    const erasure = { dryRun, contacts: ended.length, ...counts, openContacts: open };
    if (dryRun || ended.length === 0) return erasure;
    await eraseContacts(trx, tenantId, ended);
    const identifiedBy = (['email', 'phone', 'customerId'] as const).filter((key) => request[key]);
    const { dryRun: _, ...after } = erasure;
    await recordChange(trx, principal, {
      action: 'erase',
      entityType: 'customer',
      entityId: crypto.randomUUID(),
      before: null,
      after: { identifiedBy, ...after },
    });
    return erasure;
  });
}
