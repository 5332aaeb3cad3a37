/**
 * Team messages (spec C6): short texts a supervisor sends to the desktops of one, several or all of their
 * teams until they expire or are deleted; the switch an administrator turns on per supervisor; and a log
 * of publishes (creates and deletes) to hold each publisher to a number per rolling hour.
 */
export const teamMessages = `
alter table users add column team_messages_enabled boolean not null default false;

create table team_messages (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  -- Orders messages published in the same instant: newest first means highest seq first.
  seq bigint generated always as identity,
  supervisor_id uuid not null,
  text text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  deleted_at timestamptz,
  deleted_by uuid,
  unique (tenant_id, id),
  check (expires_at > created_at),
  check ((deleted_at is null) = (deleted_by is null)),
  foreign key (tenant_id, supervisor_id) references users (tenant_id, id) on delete cascade,
  foreign key (tenant_id, deleted_by) references users (tenant_id, id)
);
create index team_messages_active on team_messages (tenant_id, expires_at) where deleted_at is null;
create index team_messages_by_publisher on team_messages (tenant_id, supervisor_id, created_at);

create table team_message_targets (
  tenant_id uuid not null,
  message_id uuid not null,
  team_id uuid not null,
  primary key (tenant_id, message_id, team_id),
  foreign key (tenant_id, message_id) references team_messages (tenant_id, id) on delete cascade,
  foreign key (tenant_id, team_id) references teams (tenant_id, id) on delete cascade
);
create index team_message_targets_team on team_message_targets (tenant_id, team_id);

-- One row per create or delete; rows older than an hour no longer count and are pruned as new ones come.
create table team_message_publishes (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  user_id uuid not null,
  at timestamptz not null,
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);
create index team_message_publishes_by_user on team_message_publishes (tenant_id, user_id, at);
`;
