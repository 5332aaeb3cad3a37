/**
 * Desk phones: SIP phones on agents' desks, each known by its extension in the tenant. A phone registers with a
 * SIP username unique on the server (a REGISTER names only that) and a password of its own, kept as its digest
 * hash (HA1), a sealed secret (`desk_phone_ha1`). An agent signs in to the desktop with a phone's extension (hot-desking):
 * `agent_id` is the agent whose calls ring it, one phone per agent at most.
 */
export const deskPhones = `
create table desk_phones (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  extension text not null,
  name text not null,
  sip_username text not null unique,
  secret_id text not null references sealed_secrets (id),
  agent_id uuid references users (id) on delete set null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (tenant_id, extension)
);
create unique index desk_phones_agent on desk_phones (tenant_id, agent_id) where agent_id is not null;
`;
