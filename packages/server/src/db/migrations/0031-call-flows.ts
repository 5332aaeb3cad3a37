/**
 * Call flows: what a caller hears and presses before waiting in a voice CSQ. A flow keeps its current
 * definition with the CSQs, calendars and prompts it names (so those cannot be deleted from under it), and
 * every version saved, each with who saved it and when.
 */
export const callFlows = `
create table call_flows (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  name text not null,
  version integer not null,
  definition jsonb not null,
  csq_ids uuid[] not null,
  calendar_ids uuid[] not null,
  prompt_ids uuid[] not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index call_flows_name_ci on call_flows (tenant_id, lower(name));

create table call_flow_versions (
  tenant_id uuid not null,
  flow_id uuid not null references call_flows (id) on delete cascade,
  version integer not null,
  name text not null,
  definition jsonb not null,
  saved_by uuid,
  saved_at timestamptz not null,
  primary key (flow_id, version)
);
`;
