/**
 * Real-time adherence: each tenant's rules (agent state and reason code → activity) and threshold, the agents'
 * planned activities (imported shifts until schedules are made in the product), and the exceptions supervisors
 * approved.
 */
export const adherence = `
create table wfm_adherence_settings (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  threshold_seconds integer not null,
  rules jsonb not null,
  work_activities text[] not null,
  updated_at timestamptz not null default now()
);

create table wfm_planned_activities (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  agent_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  activity text not null,
  channels text not null check (channels in ('voice', 'digital', 'any')),
  import_id uuid not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, agent_id) references users (tenant_id, id) on delete cascade,
  check (ends_at > starts_at)
);
create index wfm_planned_activities_agent on wfm_planned_activities (tenant_id, agent_id, starts_at);
create index wfm_planned_activities_start on wfm_planned_activities (tenant_id, starts_at);

create table wfm_adherence_exceptions (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  agent_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  note text not null,
  approved_by uuid,
  approved_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, agent_id) references users (tenant_id, id) on delete cascade,
  check (ends_at > starts_at)
);
create index wfm_adherence_exceptions_agent on wfm_adherence_exceptions (tenant_id, agent_id, starts_at);
`;
