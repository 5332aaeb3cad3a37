/**
 * Interval history imported from files (spec C7), for the forecasts: one row per queue, start and row size.
 * A re-import of the same (queue, start, size) replaces the row and records the import that wrote it last.
 * Queues are names (the CSQ or call type the file is about), not CSQ ids: history may predate the CSQs.
 */
export const intervalHistory = `
create table interval_imports (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  -- No foreign key: the record of an import outlives the user who made it.
  user_id uuid,
  file_name text not null,
  interval_minutes smallint not null check (interval_minutes in (15, 30, 60)),
  rows integer not null check (rows >= 0),
  inserted integer not null check (inserted >= 0),
  replaced integer not null check (replaced >= 0),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index interval_imports_recent on interval_imports (tenant_id, created_at);

create table interval_history (
  tenant_id uuid not null references tenants (id) on delete cascade,
  queue text not null,
  interval_start timestamptz not null,
  interval_minutes smallint not null check (interval_minutes in (15, 30, 60)),
  offered integer not null check (offered >= 0),
  answered integer not null check (answered >= 0 and answered <= offered),
  abandoned integer not null check (abandoned >= 0 and abandoned <= offered),
  handle_seconds_avg double precision check (handle_seconds_avg >= 0),
  asa_seconds double precision check (asa_seconds >= 0),
  service_level double precision check (service_level between 0 and 1),
  import_id uuid not null,
  imported_at timestamptz not null,
  primary key (tenant_id, queue, interval_start, interval_minutes),
  foreign key (tenant_id, import_id) references interval_imports (tenant_id, id) on delete cascade
);
create index interval_history_by_start on interval_history (tenant_id, interval_start);
`;
