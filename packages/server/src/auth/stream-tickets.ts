import { randomBytes } from 'node:crypto';
import { type Clock, SwitchboardError } from '@switchboard/core';
import { Type } from 'typebox';
import type { Db } from '../db/database.ts';
import { streamTicketsRepository } from '../db/repositories/index.ts';
import type { Grant } from './grant.ts';
import { sha256 } from './secrets.ts';

/** Long enough to open a socket right after asking, short enough that a leaked ticket is worth nothing. */
export const TICKET_SECONDS = 30;

export const StreamTicket = Type.Object({
  ticket: Type.String({ description: 'Opens one WebSocket as `?ticket=`; used once.' }),
  expiresIn: Type.Integer({ description: 'Seconds left to connect with it.' }),
});

/** What a ticket opens: the event stream of a session or an API key, or the customer's stream of a chat. */
export type TicketTarget = Grant | { kind: 'chat'; tenantId: string; chatId: string };

/**
 * A ticket for one WebSocket, so that no long-lived secret travels in a URL (where proxies and logs keep
 * it). 256 random bits, stored only as a hash; expired tickets are swept when new ones are issued.
 */
export async function issueTicket(
  db: Db,
  clock: Clock,
  target: TicketTarget,
): Promise<{ ticket: string; expiresIn: number }> {
  const now = clock.now();
  await streamTicketsRepository.deleteExpired(db, new Date(now));
  const ticket = randomBytes(32).toString('base64url');
  await streamTicketsRepository.insert(db, {
    ticket_hash: sha256(ticket),
    tenant_id: target.tenantId,
    kind: target.kind,
    user_id: target.kind === 'chat' ? null : target.userId,
    session_id: target.kind === 'session' ? target.sessionId : null,
    api_key_id: target.kind === 'api_key' ? target.apiKeyId : null,
    chat_id: target.kind === 'chat' ? target.chatId : null,
    expires_at: new Date(now + TICKET_SECONDS * 1000),
  });
  return { ticket, expiresIn: TICKET_SECONDS };
}

const refused = (route: string) =>
  new SwitchboardError(
    'unauthenticated',
    `The ticket is not valid, has expired or was used already: get a new one from POST ${route}.`,
  );

/** Uses up a ticket for the event stream: the grant it was issued for (still to be checked as live). */
export async function redeemEventTicket(db: Db, clock: Clock, ticket: string): Promise<Grant> {
  const row = await take(db, clock, ticket);
  if (row?.kind === 'session' && row.user_id && row.session_id)
    return { kind: 'session', tenantId: row.tenant_id, userId: row.user_id, sessionId: row.session_id };
  if (row?.kind === 'api_key' && row.user_id && row.api_key_id)
    return { kind: 'api_key', tenantId: row.tenant_id, userId: row.user_id, apiKeyId: row.api_key_id };
  throw refused('/api/v1/events/tickets');
}

/** Uses up a ticket for a chat's customer stream; it opens only the chat it was issued for. */
export async function redeemChatTicket(db: Db, clock: Clock, ticket: string, chatId: string): Promise<void> {
  const row = await take(db, clock, ticket);
  if (row?.kind !== 'chat' || row.chat_id !== chatId)
    throw refused(`/api/v1/public/chats/${chatId}/stream-tickets`);
}

async function take(db: Db, clock: Clock, ticket: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(ticket)) return undefined;
  const row = await streamTicketsRepository.take(db, sha256(ticket));
  return row && row.expires_at.getTime() > clock.now() ? row : undefined;
}

/** A long-lived secret in a socket's URL is refused outright, so that clients move to tickets. */
export const tokenInUrl = (route: string) =>
  new SwitchboardError(
    'unauthenticated',
    `Secrets in URLs are refused: use a ticket from POST ${route} as ?ticket=, or send an Authorization header.`,
  );
