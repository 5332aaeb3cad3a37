/**
 * Web chat sessions (spec C3): the customer side of a chat contact (who they said they are, the hashed
 * secret their widget holds, the rating they gave) and the messages both sides sent, numbered per chat.
 * A session is written before its contact is queued, so a queued chat contact always has one.
 */
export const chatSessions = `
create table chat_sessions (
  tenant_id uuid not null references tenants (id) on delete cascade,
  contact_id uuid not null,
  widget_id uuid,
  token_hash text not null,
  customer_name text,
  customer_email text,
  customer_phone text,
  custom_fields jsonb not null default '{}',
  problem_statement text,
  last_seq integer not null default 0,
  rating smallint check (rating between 1 and 5),
  rating_comment text,
  rated_at timestamptz,
  created_at timestamptz not null,
  primary key (tenant_id, contact_id),
  -- The customer's calls name only the chat: contact ids are unique across tenants.
  unique (contact_id),
  -- A deleted widget leaves its chats' history in place.
  foreign key (tenant_id, widget_id) references chat_widgets (tenant_id, id) on delete set null (widget_id)
);

create table chat_messages (
  tenant_id uuid not null,
  contact_id uuid not null,
  seq integer not null,
  sender text not null check (sender in ('customer', 'agent')),
  agent_id uuid,
  alias text,
  body text not null,
  -- The sender's own id for the message: a retried send finds the first one instead of adding another.
  client_id uuid,
  at timestamptz not null,
  primary key (tenant_id, contact_id, seq),
  unique (tenant_id, contact_id, client_id),
  foreign key (tenant_id, contact_id) references chat_sessions (tenant_id, contact_id) on delete cascade
);
`;
