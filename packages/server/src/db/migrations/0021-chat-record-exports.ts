/**
 * Chat record exports run as background jobs: the request (who asked, for which period, how far it got) and
 * its CSV in parts, in order, so any node can serve the file from the database. A rerun of the job deletes
 * the parts and writes them again; deleting an export (the nightly purge) takes its parts with it.
 */
export const chatRecordExports = `
create table chat_record_exports (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null,
  requested_by uuid not null,
  from_at timestamptz not null,
  to_at timestamptz not null,
  -- No foreign key: the export records what was asked, and a CSQ may go later.
  csq_id uuid,
  status text not null default 'queued' check (status in ('queued', 'running', 'completed', 'failed')),
  rows integer not null default 0,
  error text,
  job_id uuid,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  primary key (tenant_id, id),
  check (from_at < to_at),
  foreign key (tenant_id, requested_by) references users (tenant_id, id) on delete cascade
);
create index chat_record_exports_recent on chat_record_exports (tenant_id, created_at);
create index chat_record_exports_finished on chat_record_exports (finished_at);

create table chat_record_export_parts (
  tenant_id uuid not null,
  export_id uuid not null,
  seq integer not null,
  body text not null,
  primary key (tenant_id, export_id, seq),
  foreign key (tenant_id, export_id) references chat_record_exports (tenant_id, id) on delete cascade
);
`;
