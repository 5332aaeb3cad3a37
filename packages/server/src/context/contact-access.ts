import { forbidden, isAllowed, notFound } from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import type { ContactRow } from '../db/schema.ts';

/** Who may read a contact's notes and its customer's history, and write notes on it (spec C5). */

export const findContact = (db: Db, tenantId: string, id: string) =>
  db
    .selectFrom('contacts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();

/** The contact is the caller's now: offered to them, in their hands or wrap-up, or a group chat they are in. */
export const isTheirsNow = (principal: Principal, row: ContactRow): boolean =>
  row.status !== 'ended' &&
  row.status !== 'queued' &&
  (row.agent_id === principal.userId || row.guests.some((g) => g.agentId === principal.userId));

/**
 * The contact is in the caller's hands: accepted (or a group chat they joined) and not yet wrapped up. A
 * contact merely offered to them is not: they may still let it go, and its customer's history is not theirs.
 */
export const isInHandNow = (principal: Principal, row: ContactRow): boolean =>
  (row.status === 'active' || row.status === 'wrap_up') && isTheirsNow(principal, row);

/** Whether the caller accepted the contact or joined it at some time (it may have moved on since). */
export async function handledBefore(db: Db, principal: Principal, contactId: string): Promise<boolean> {
  const row = await db
    .selectFrom('contact_events')
    .select('id')
    .where('tenant_id', '=', principal.tenantId)
    .where('contact_id', '=', contactId)
    .where('agent_id', '=', principal.userId)
    .where('type', 'in', ['contact.accepted', 'contact.dialled', 'contact.participant_joined'])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The contact, for someone who may see its customer's history: readers of every contact, or the agent who has
 * it in hand now (accepted or in wrap-up; not merely offered). Anyone else is told it was not found.
 */
export async function contactInHand(db: Db, principal: Principal, contactId: string): Promise<ContactRow> {
  const reader = isAllowed(principal, 'contact.read');
  if (!reader && !isAllowed(principal, 'contact.handle')) throw forbidden();
  const row = await findContact(db, principal.tenantId, contactId);
  if (!row || !(reader || isInHandNow(principal, row))) throw notFound('Contact');
  return row;
}

/** The contact, for reading its notes: readers, the agent it is with now, or one who handled it before. */
export async function contactToRead(db: Db, principal: Principal, contactId: string): Promise<ContactRow> {
  const reader = isAllowed(principal, 'contact.read');
  if (!reader && !isAllowed(principal, 'contact.handle')) throw forbidden();
  const row = await findContact(db, principal.tenantId, contactId);
  const mayRead =
    row && (reader || isTheirsNow(principal, row) || (await handledBefore(db, principal, contactId)));
  if (!row || !mayRead) throw notFound('Contact');
  return row;
}
