import { forbidden, isAllowed, LIMITS } from '@switchboard/core';
import { sql } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { contactInHand, findContact, isInHandNow } from './contact-access.ts';
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

/** How an earlier contact was found to be the same customer's. */
type MatchedBy = 'customerId' | 'email';
interface Match {
  id: string;
  at: Date;
  matchedBy: MatchedBy;
}

/**
 * The other contacts of the same customer, newest first, at most `limit`, each with how it matched: by the
 * channel's `customerId` (an authenticated channel adapter set it) or only by the email typed into a chat,
 * which anyone can type. Two bounded lookups, each on its own index (migration 0012), merged; a contact found
 * both ways counts as matched by `customerId`.
 */
async function sameCustomer(db: Db, tenantId: string, contactId: string, limit: number): Promise<Match[]> {
  const { email, customerId } = await customerOf(db, tenantId, contactId);
  const found: Match[] = [];
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
    found.push(...rows.map((r) => ({ ...r, matchedBy: 'customerId' as const })));
  }
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
    found.push(...rows.map((r) => ({ ...r, matchedBy: 'email' as const })));
  }
  const byId = new Map<string, Match>();
  for (const match of found) if (!byId.has(match.id)) byId.set(match.id, match);
  return [...byId.values()].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}

/**
 * The customer's other contacts, newest first: for readers of every contact, and for the agent the contact is
 * with (accepted, or in wrap-up). A contact matched by `customerId` comes with its notes; one matched only by
 * the email the customer typed (not verified: anyone can type anyone's address) with its metadata alone —
 * when, where, with whom, how it ended — never its notes, customer name or transcript.
 */
export async function customerHistory(db: Db, principal: Principal, contactId: string, limit: number) {
  await contactInHand(db, principal, contactId);
  const matches = await sameCustomer(db, principal.tenantId, contactId, limit);
  const how = new Map(matches.map((m) => [m.id, m.matchedBy]));
  const summaries = await contactSummaries(
    db,
    principal.tenantId,
    matches.map((m) => m.id),
  );
  return summaries.map((summary) => {
    const matchedBy = how.get(summary.contactId) ?? 'email';
    if (matchedBy === 'customerId') return { ...summary, matchedBy, verified: true };
    return { ...summary, customerName: null, notes: [], matchedBy, verified: false };
  });
}

/**
 * Whether `earlierId` is in the history of `contactId` as the caller may open it (to read its transcript):
 * the contact in hand is theirs now, accepted, and the earlier one matched by `customerId`, never by email.
 */
export async function isInHistory(db: Db, principal: Principal, contactId: string, earlierId: string) {
  const inHand = await findContact(db, principal.tenantId, contactId);
  if (!inHand || !(isAllowed(principal, 'contact.read') || isInHandNow(principal, inHand))) return false;
  const matches = await sameCustomer(db, principal.tenantId, contactId, LIMITS.contactHistory.max);
  return matches.some((m) => m.id === earlierId && m.matchedBy === 'customerId');
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
    .where('type', 'in', ['contact.accepted', 'contact.dialled', 'contact.participant_joined'])
    .orderBy('at', 'desc')
    .limit(limit * 4)
    .execute();
  const ids = [...new Set(rows.map((r) => r.contact_id))].slice(0, limit);
  return contactSummaries(db, principal.tenantId, ids);
}
