/** Contact service queues, the contacts the router holds, its event log and the agent state trace. */
export const acd = `
create table csqs (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  name text not null,
  channel text not null check (channel in ('voice', 'chat', 'email')),
  criterion text not null,
  agent_order jsonb not null default '[]',
  created_at timestamptz not null default now(),
  unique (tenant_id, name),
  unique (tenant_id, id)
);

create table csq_skills (
  tenant_id uuid not null,
  csq_id uuid not null,
  skill_id uuid not null,
  min_competence smallint not null check (min_competence between 1 and 10),
  primary key (tenant_id, csq_id, skill_id),
  foreign key (tenant_id, csq_id) references csqs (tenant_id, id) on delete cascade,
  foreign key (tenant_id, skill_id) references skills (tenant_id, id)
);

create table contacts (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  external_id text,
  channel text not null,
  csq_id uuid not null,
  call_type text not null,
  priority smallint not null,
  attributes jsonb not null default '{}',
  status text not null,
  seq bigint not null,
  created_at timestamptz not null,
  queued_at timestamptz not null,
  agent_id uuid,
  accepted_at timestamptz,
  wrap_up_at timestamptz,
  excluded jsonb not null default '[]',
  sticky_agent_id uuid,
  join_timeout_sent boolean not null default false,
  outcome text,
  ended_by text,
  ended_at timestamptz,
  wrap_up_reasons jsonb,
  unique (tenant_id, external_id)
);
create index contacts_open on contacts (tenant_id, status) where status <> 'ended';

create table contact_events (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  contact_id uuid not null,
  type text not null,
  at timestamptz not null,
  agent_id uuid,
  csq_id uuid,
  data jsonb not null
);
create index contact_events_contact on contact_events (tenant_id, contact_id, id);
create index contact_events_at on contact_events (tenant_id, at);

create table agent_state_trace (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  agent_id uuid not null,
  domain text not null,
  state text not null,
  previous text not null,
  reason_code integer,
  cause text,
  at timestamptz not null
);
create index agent_state_trace_agent on agent_state_trace (tenant_id, agent_id, at);

create table agent_presence (
  tenant_id uuid not null,
  agent_id uuid not null,
  domain text not null,
  chosen text not null,
  reason_code integer,
  primary key (tenant_id, agent_id, domain),
  foreign key (tenant_id, agent_id) references users (tenant_id, id) on delete cascade
);
`;
