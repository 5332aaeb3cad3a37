/**
 * Supervisor and emergency assist (spec C6): an agent's request for help on a contact, kept with who was
 * asked and when each step happened, so requests and answer times can be reported. Open requests whose
 * secondary has not been alerted yet are what a restarted server schedules again.
 */
export const assistRequests = `
create table assist_requests (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  contact_id uuid not null,
  agent_id uuid not null,
  -- The agent's team when asking, and its supervisors then: the ones asked even if the team changes later.
  team_id uuid,
  primary_supervisor_id uuid,
  secondary_supervisor_id uuid,
  kind text not null check (kind in ('help', 'emergency')),
  created_at timestamptz not null,
  escalated_at timestamptz,
  answered_at timestamptz,
  answered_by uuid,
  cancelled_at timestamptz,
  ended_at timestamptz,
  unique (tenant_id, id),
  check (primary_supervisor_id is not null or secondary_supervisor_id is not null),
  check ((answered_at is null) = (answered_by is null)),
  -- Closed once, one way: answered, cancelled or ended.
  check (num_nonnulls(answered_at, cancelled_at, ended_at) <= 1),
  foreign key (tenant_id, contact_id) references contacts (tenant_id, id) on delete cascade,
  foreign key (tenant_id, agent_id) references users (tenant_id, id) on delete cascade,
  foreign key (tenant_id, team_id) references teams (tenant_id, id) on delete set null (team_id),
  foreign key (tenant_id, primary_supervisor_id) references users (tenant_id, id) on delete set null (primary_supervisor_id),
  foreign key (tenant_id, secondary_supervisor_id) references users (tenant_id, id) on delete set null (secondary_supervisor_id),
  foreign key (tenant_id, answered_by) references users (tenant_id, id)
);
-- One open request per contact: a second is refused (an emergency replaces an open help request).
create unique index assist_requests_open_per_contact on assist_requests (tenant_id, contact_id)
  where answered_at is null and cancelled_at is null and ended_at is null;
create index assist_requests_by_time on assist_requests (tenant_id, created_at);
`;
