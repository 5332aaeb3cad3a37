import { forbidden, isAllowed, LIMITS } from '@switchboard/core';
import { sql } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { contactInHand, findContact, isTheirsNow } from './contact-access.ts';
import { contactSummaries } from './contact-summaries.ts';

/** Who the customer of a contact is: the email they gave the chat (any case), or the channel's customer id. */
async function customerOf(db: Db, tenantId: string, contactId: string) {
  const [contact, session] = await Promise.all([
    findContact(db, tenantId, contactId),
    db
      .selectFrom('chat_sessions')
      .select('customer_email')
      .where('tenant_id', '=', tenantId)
      .where('contact_id', '=', contactId)
      .executeTakeFirst(),
  ]);
  return {
    email: session?.customer_email?.toLowerCase() || null,
    customerId: contact?.attributes.customerId || null,
  };
}

/**
 * The ids of the other contacts of the same customer, newest first, at most `limit`. Two bounded lookups,
 * each on its own index (migration 0012), merged.
 */
async function sameCustomer(db: Db, tenantId: string, contactId: string, limit: number): Promise<string[]> {
  const { email, customerId } = await customerOf(db, tenantId, contactId);
  const found: { id: string; at: Date }[] = [];
  if (email) {
    const rows = await db
      .selectFrom('chat_sessions')
      .select(['contact_id as id', 'created_at as at'])
      .where('tenant_id', '=', tenantId)
      .where('customer_email', 'is not', null)
      .where((eb) => eb(eb.fn('lower', ['customer_email']), '=', email))
      .where('contact_id', '<>', contactId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    found.push(...rows);
  }
  if (customerId) {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'created_at as at'])
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`attributes ? 'customerId'`)
      .where(sql<string>`attributes ->> 'customerId'`, '=', customerId)
      .where('id', '<>', contactId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    found.push(...rows);
  }
  const ids = [
    ...new Map(found.sort((a, b) => b.at.getTime() - a.at.getTime()).map((f) => [f.id, f])).keys(),
  ];
  return ids.slice(0, limit);
}

/**
 * The customer's other contacts, newest first, with their notes: for readers of every contact, and for the
 * agent the contact is with while it is theirs. Other agents are told the contact was not found.
 */
export async function customerHistory(db: Db, principal: Principal, contactId: string, limit: number) {
  await contactInHand(db, principal, contactId);
  return contactSummaries(
    db,
    principal.tenantId,
    await sameCustomer(db, principal.tenantId, contactId, limit),
  );
}

/** Whether `earlierId` is in the history of `contactId` as the caller may see it (to read its transcript). */
export async function isInHistory(db: Db, principal: Principal, contactId: string, earlierId: string) {
  const inHand = await findContact(db, principal.tenantId, contactId);
  if (!inHand || !(isAllowed(principal, 'contact.read') || isTheirsNow(principal, inHand))) return false;
  const ids = await sameCustomer(db, principal.tenantId, contactId, LIMITS.contactHistory.max);
  return ids.includes(earlierId);
}

/** The contacts the caller accepted or joined, newest first: their desktop's "Recent" list. */
export async function recentContacts(db: Db, principal: Principal, limit: number) {
  if (!isAllowed(principal, 'contact.handle') && !isAllowed(principal, 'contact.read')) throw forbidden();
  // The newest events on the index (migration 0012): a contact seldom comes back to one agent more than twice.
  const rows = await db
    .selectFrom('contact_events')
    .select(['contact_id'])
    .where('tenant_id', '=', principal.tenantId)
    .where('agent_id', '=', principal.userId)
    .where('type', 'in', ['contact.accepted', 'contact.participant_joined'])
    .orderBy('at', 'desc')
    .limit(limit * 4)
    .execute();
  const ids = [...new Set(rows.map((r) => r.contact_id))].slice(0, limit);
  return contactSummaries(db, principal.tenantId, ids);
}
