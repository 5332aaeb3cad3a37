/** Tenants, identity, teams, skills, reason codes, sessions, API keys and the audit log. */
export const foundation = `
create table system_settings (
  key text primary key,
  value text not null
);

create table tenants (
  id uuid primary key,
  name text not null unique,
  display_name text not null,
  settings jsonb not null,
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  username text not null,
  display_name text not null,
  role text not null check (role in ('administrator', 'supervisor', 'agent', 'service')),
  password_hash text,
  alias text,
  extension text,
  team_id uuid,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, username),
  unique (tenant_id, id)
);
create unique index users_tenant_username_ci on users (tenant_id, lower(username));

create table teams (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  name text not null,
  primary_supervisor_id uuid,
  secondary_supervisor_id uuid,
  created_at timestamptz not null default now(),
  unique (tenant_id, name),
  unique (tenant_id, id),
  foreign key (tenant_id, primary_supervisor_id) references users (tenant_id, id),
  foreign key (tenant_id, secondary_supervisor_id) references users (tenant_id, id)
);

alter table users add foreign key (tenant_id, team_id) references teams (tenant_id, id)
  on delete set null (team_id);

create table skills (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  name text not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, name),
  unique (tenant_id, id)
);

create table agent_skills (
  tenant_id uuid not null,
  user_id uuid not null,
  skill_id uuid not null,
  competence smallint not null check (competence between 1 and 10),
  primary key (tenant_id, user_id, skill_id),
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
  foreign key (tenant_id, skill_id) references skills (tenant_id, id) on delete cascade
);

create table reason_codes (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  kind text not null check (kind in ('not_ready', 'logout')),
  code integer not null,
  label text not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, kind, code)
);

create table sessions (
  id uuid primary key,
  tenant_id uuid not null,
  user_id uuid not null,
  refresh_hash text not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);

create table api_keys (
  id uuid primary key,
  tenant_id uuid not null,
  user_id uuid not null,
  name text not null,
  scope text not null check (scope in ('read', 'write')),
  key_hash text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  last_used_at timestamptz,
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);

create table audit_log (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  actor_id uuid,
  actor_name text not null,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  before jsonb,
  after jsonb,
  at timestamptz not null default now()
);
create index audit_log_tenant_at on audit_log (tenant_id, id desc);
`;
