/** Calendars (spec C2): a time zone, weekly hours, holidays and custom days, stored as validated JSON. */
export const calendars = `
create table calendars (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  name text not null,
  calendar jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, name),
  unique (tenant_id, id)
);
`;
