/**
 * Workforce management, forecasting (days are 'YYYY-MM-DD' text on the tenant's wall clock, as the
 * recapture's day is): workloads (queues forecast and staffed together, with their targets),
 * special days, forecasts with their intervals and the evaluation that chose their method, and the planners'
 * adjustments (kept, never edited: a removed adjustment keeps who removed it and when).
 */
export const workforce = `
create table wfm_workloads (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  name text not null,
  channel text not null check (channel in ('voice', 'chat', 'email')),
  basis text not null check (basis in ('csq', 'call_type')),
  csq_ids uuid[] not null default '{}',
  call_types text[] not null default '{}',
  imported_queues text[] not null default '{}',
  service_level_pct double precision,
  service_level_seconds integer,
  asa_seconds integer,
  response_seconds integer,
  max_occupancy double precision,
  shrinkage double precision not null default 0,
  patience_seconds integer,
  max_concurrent_chats integer,
  open_hours jsonb,
  auto_publish boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create unique index wfm_workloads_name on wfm_workloads (tenant_id, lower(name));

create table wfm_special_days (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  workload_id uuid,
  date text not null check (date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  name text not null,
  closed boolean not null,
  factor double precision,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, workload_id) references wfm_workloads (tenant_id, id) on delete cascade
);
create unique index wfm_special_days_date
  on wfm_special_days (tenant_id, coalesce(workload_id, '00000000-0000-0000-0000-000000000000'::uuid), date);

create table wfm_forecasts (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  workload_id uuid not null,
  status text not null check (status in ('draft', 'published')),
  method text not null,
  interval_minutes integer not null,
  first_day text not null check (first_day ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  days integer not null,
  history_intervals integer not null,
  evaluation jsonb not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  published_by uuid,
  published_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, workload_id) references wfm_workloads (tenant_id, id) on delete cascade
);
create index wfm_forecasts_workload on wfm_forecasts (tenant_id, workload_id, created_at desc);

create table wfm_forecast_intervals (
  tenant_id uuid not null,
  forecast_id uuid not null,
  interval_start timestamptz not null,
  volume double precision not null,
  aht_seconds double precision,
  primary key (tenant_id, forecast_id, interval_start),
  foreign key (tenant_id, forecast_id) references wfm_forecasts (tenant_id, id) on delete cascade
);

create table wfm_adjustments (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  workload_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  volume_factor double precision,
  aht_factor double precision,
  note text not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  removed_by uuid,
  removed_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, workload_id) references wfm_workloads (tenant_id, id) on delete cascade
);
create index wfm_adjustments_workload on wfm_adjustments (tenant_id, workload_id, starts_at);
`;
