/**
 * Stream tickets: browsers cannot set headers on a WebSocket, so they trade their credential (a bearer token,
 * an API key, a chat secret) for a ticket that opens one socket within 30 s. Only its hash is kept; a ticket
 * is deleted as it is redeemed, so it opens one socket on whichever node it reaches, never two.
 */
export const streamTickets = `
create table stream_tickets (
  ticket_hash text primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  kind text not null check (kind in ('session', 'api_key', 'chat')),
  user_id uuid,
  session_id uuid,
  api_key_id uuid,
  chat_id uuid,
  expires_at timestamptz not null,
  check (
    (kind = 'session' and user_id is not null and session_id is not null)
    or (kind = 'api_key' and user_id is not null and api_key_id is not null)
    or (kind = 'chat' and chat_id is not null)
  )
);

create index stream_tickets_expiry on stream_tickets (expires_at);
`;
