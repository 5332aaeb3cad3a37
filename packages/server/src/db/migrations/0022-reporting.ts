/**
 * Reporting: detail records folded from the contact event log (one per contact leg in a CSQ, one per offer of a
 * contact to an agent), the interval tables aggregated from them and from the agent state trace, and each
 * tenant's capture position. Counts are additive (milliseconds for times), so rows add up to longer rows.
 */
export const reporting = `
create table contact_legs (
  tenant_id uuid not null references tenants (id) on delete cascade,
  contact_id uuid not null,
  leg smallint not null,
  channel text not null,
  csq_id uuid not null,
  call_type text not null,
  chat_type text not null,
  from_csq_id uuid,
  entered_at timestamptz not null,
  first_offered_at timestamptz,
  answered_at timestamptz,
  agent_id uuid,
  ended_at timestamptz,
  outcome text,
  handle_ended_at timestamptz,
  offers integer not null,
  no_answers integer not null,
  ring_ms bigint not null,
  talk_ms bigint not null,
  hold_ms bigint not null,
  wrap_ms bigint not null,
  transfers_out integer not null,
  primary key (tenant_id, contact_id, leg)
);
create index contact_legs_entered on contact_legs (tenant_id, entered_at);
create index contact_legs_ended on contact_legs (tenant_id, ended_at);
create index contact_legs_handle_ended on contact_legs (tenant_id, handle_ended_at);

create table agent_segments (
  tenant_id uuid not null references tenants (id) on delete cascade,
  contact_id uuid not null,
  agent_id uuid not null,
  seq smallint not null,
  leg smallint not null,
  channel text not null,
  csq_id uuid not null,
  call_type text not null,
  chat_type text not null,
  role text not null,
  from_csq_id uuid,
  offered_at timestamptz not null,
  answered_at timestamptz,
  talk_ended_at timestamptz,
  wrap_up_ended_at timestamptz,
  handled_at timestamptz,
  outcome text,
  ring_ms bigint not null,
  hold_ms bigint not null,
  wrap_reasons jsonb not null default '[]',
  primary key (tenant_id, contact_id, agent_id, seq)
);
create index agent_segments_offered on agent_segments (tenant_id, offered_at);
create index agent_segments_handled on agent_segments (tenant_id, handled_at);
create index agent_segments_agent on agent_segments (tenant_id, agent_id, offered_at);

create table csq_intervals (
  tenant_id uuid not null references tenants (id) on delete cascade,
  csq_id uuid not null,
  interval_start timestamptz not null,
  interval_minutes smallint not null,
  offered integer not null default 0,
  answered integer not null default 0,
  handled integer not null default 0,
  abandoned integer not null default 0,
  abandoned_in_queue integer not null default 0,
  abandoned_while_offered integer not null default 0,
  short_abandoned integer not null default 0,
  dequeued integer not null default 0,
  open integer not null default 0,
  undecided integer not null default 0,
  answered_within_threshold integer not null default 0,
  abandoned_within_threshold integer not null default 0,
  answer_wait_ms bigint not null default 0,
  longest_wait_ms bigint not null default 0,
  handle_count integer not null default 0,
  talk_ms bigint not null default 0,
  hold_ms bigint not null default 0,
  wrap_ms bigint not null default 0,
  no_answers integer not null default 0,
  transfers_out integer not null default 0,
  primary key (tenant_id, interval_start, csq_id)
);

create table call_type_intervals (
  tenant_id uuid not null references tenants (id) on delete cascade,
  call_type text not null,
  interval_start timestamptz not null,
  interval_minutes smallint not null,
  offered integer not null default 0,
  answered integer not null default 0,
  handled integer not null default 0,
  abandoned integer not null default 0,
  abandoned_in_queue integer not null default 0,
  abandoned_while_offered integer not null default 0,
  short_abandoned integer not null default 0,
  dequeued integer not null default 0,
  open integer not null default 0,
  undecided integer not null default 0,
  answered_within_threshold integer not null default 0,
  abandoned_within_threshold integer not null default 0,
  answer_wait_ms bigint not null default 0,
  longest_wait_ms bigint not null default 0,
  handle_count integer not null default 0,
  talk_ms bigint not null default 0,
  hold_ms bigint not null default 0,
  wrap_ms bigint not null default 0,
  no_answers integer not null default 0,
  transfers_out integer not null default 0,
  primary key (tenant_id, interval_start, call_type)
);

create table agent_intervals (
  tenant_id uuid not null references tenants (id) on delete cascade,
  agent_id uuid not null,
  domain text not null,
  interval_start timestamptz not null,
  interval_minutes smallint not null,
  logged_in_ms bigint not null default 0,
  ready_ms bigint not null default 0,
  not_ready_ms bigint not null default 0,
  reserved_ms bigint not null default 0,
  active_ms bigint not null default 0,
  work_ms bigint not null default 0,
  presented integer not null default 0,
  answered integer not null default 0,
  handled integer not null default 0,
  no_answers integer not null default 0,
  rejected integer not null default 0,
  talk_ms bigint not null default 0,
  hold_ms bigint not null default 0,
  wrap_ms bigint not null default 0,
  transfers_out integer not null default 0,
  primary key (tenant_id, interval_start, agent_id, domain)
);
create index agent_intervals_agent on agent_intervals (tenant_id, agent_id, interval_start);

create table agent_csq_intervals (
  tenant_id uuid not null references tenants (id) on delete cascade,
  agent_id uuid not null,
  csq_id uuid not null,
  interval_start timestamptz not null,
  interval_minutes smallint not null,
  logged_in_ms bigint not null default 0,
  ready_ms bigint not null default 0,
  not_ready_ms bigint not null default 0,
  reserved_ms bigint not null default 0,
  active_ms bigint not null default 0,
  work_ms bigint not null default 0,
  presented integer not null default 0,
  answered integer not null default 0,
  handled integer not null default 0,
  no_answers integer not null default 0,
  rejected integer not null default 0,
  talk_ms bigint not null default 0,
  hold_ms bigint not null default 0,
  wrap_ms bigint not null default 0,
  transfers_out integer not null default 0,
  primary key (tenant_id, interval_start, agent_id, csq_id)
);

create table agent_reason_intervals (
  tenant_id uuid not null references tenants (id) on delete cascade,
  agent_id uuid not null,
  domain text not null,
  interval_start timestamptz not null,
  interval_minutes smallint not null,
  reason_code integer not null,
  not_ready_ms bigint not null,
  primary key (tenant_id, interval_start, agent_id, domain, reason_code)
);

create table report_captures (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  captured_until timestamptz not null,
  recaptured_date text
);

create table report_definitions (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  user_id uuid not null,
  name text not null,
  template text not null,
  query jsonb not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, user_id, name),
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);

create index contact_events_at_contact on contact_events (tenant_id, at, contact_id);
create index agent_state_trace_at on agent_state_trace (tenant_id, at);
`;
