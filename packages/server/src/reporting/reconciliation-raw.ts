import { dayBounds } from '@switchboard/core';
import type { Db } from '../db/database.ts';
import { type Center, SHORT_ABANDON_SECONDS, TIME_ZONE } from './reconciliation-center.ts';

/**
 * Day totals of one CSQ counted straight from the `contacts` table and `contact_events`, without the detail
 * records or core's counting: right for a CSQ no contact moves into or out of, where a contact is one leg.
 */
export async function rawCounts(center: Center, csqId: string, serviceLevelSeconds: number) {
  const { db } = center.server.database;
  const day = dayBounds(TIME_ZONE, center.date);
  const contacts = await db
    .selectFrom('contacts')
    .select(['id', 'created_at', 'ended_at', 'outcome'])
    .where('tenant_id', '=', center.tenantId)
    .where('csq_id', '=', csqId)
    .where('created_at', '>=', new Date(day.start))
    .where('created_at', '<', new Date(day.end))
    .execute();
  const events = await db
    .selectFrom('contact_events')
    .select(['contact_id', 'type', 'at', 'data'])
    .where('tenant_id', '=', center.tenantId)
    .where(
      'contact_id',
      'in',
      contacts.map((contact) => contact.id),
    )
    .orderBy('id')
    .execute();
  const createdAt = new Map(contacts.map((contact) => [contact.id, contact.created_at.getTime()]));
  const firstAccepted = new Map<string, number>();
  let wrapUpsEnded = 0;
  let ringOuts = 0;
  for (const event of events) {
    if (event.type === 'contact.accepted' && !firstAccepted.has(event.contact_id))
      firstAccepted.set(event.contact_id, event.at.getTime());
    if (event.type === 'contact.wrap_up_ended') wrapUpsEnded++;
    const data = (typeof event.data === 'string' ? JSON.parse(event.data) : event.data) as { cause?: string };
    if (event.type === 'contact.offer_withdrawn' && data.cause === 'no_answer') ringOuts++;
  }
  const waits = [...firstAccepted].map(([id, at]) => at - (createdAt.get(id) ?? Number.NaN));
  const waited = (contact: (typeof contacts)[number]) =>
    (contact.ended_at?.getTime() ?? Number.NaN) - contact.created_at.getTime();
  const count = (filter: (contact: (typeof contacts)[number]) => boolean) => contacts.filter(filter).length;
  return {
    created: contacts.length,
    endedAbandoned: count((c) => c.outcome === 'abandoned' || c.outcome === 'abandoned_while_offered'),
    abandonedWhileOffered: count(
      (c) => c.outcome === 'abandoned_while_offered' && waited(c) >= SHORT_ABANDON_SECONDS * 1000,
    ),
    dequeued: count((c) => c.outcome === 'dequeued'),
    endedHandled: count((c) => c.outcome === 'handled'),
    accepted: firstAccepted.size,
    acceptedWithin: waits.filter((wait) => wait <= serviceLevelSeconds * 1000).length,
    answerWaitMs: waits.reduce((sum, wait) => sum + wait, 0),
    wrapUpsEnded,
    ringOuts,
  };
}

const TABLES = [
  'csq_intervals',
  'call_type_intervals',
  'agent_intervals',
  'agent_csq_intervals',
  'agent_reason_intervals',
  'contact_legs',
  'agent_segments',
] as const;

/** Every row of the tenant's interval tables and detail records, in a stable order. */
export async function snapshot(db: Db, tenantId: string) {
  const tables = {} as Record<(typeof TABLES)[number], string[]>;
  for (const table of TABLES) {
    const rows = await db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).execute();
    tables[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return tables;
}

/** Deletes the tenant's interval rows (and their hashes) and detail records: what a recapture rebuilds from the raw records. */
export async function forget(db: Db, tenantId: string): Promise<void> {
  for (const table of [...TABLES, 'interval_hashes'] as const)
    await db.deleteFrom(table).where('tenant_id', '=', tenantId).execute();
}
