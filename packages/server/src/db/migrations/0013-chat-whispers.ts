/**
 * Whispers (spec C6 coaching): what a supervisor monitoring a chat wrote to its agents alone. Kept apart from
 * `chat_messages`, whose every row the customer reads and downloads, so no query of the customer's side can
 * reach one.
 */
export const chatWhispers = `
create table chat_whispers (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  contact_id uuid not null,
  supervisor_id uuid not null,
  supervisor_name text not null,
  body text not null,
  at timestamptz not null,
  foreign key (tenant_id, contact_id) references chat_sessions (tenant_id, contact_id) on delete cascade
);
create index chat_whispers_contact on chat_whispers (tenant_id, contact_id, id);
`;
