/**
 * Call recording: each voice CSQ's policy, and the recordings themselves. A recording is one agent's part of a
 * call (a transfer starts another), stereo G.711 (customer left, agent right) sealed with a key of its own under
 * the master key, with the metadata a QM import reads and the spans during which recording was paused.
 */
export const recordings = `
alter table csqs add column recording text not null default 'off'
  check (recording in ('off', 'always', 'on_demand'));

create table recordings (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  contact_id uuid not null,
  csq_id uuid,
  agent_id uuid,
  recorded_user text not null,
  direction text not null,
  ani text not null,
  dnis text not null,
  started_at timestamptz not null,
  ended_at timestamptz not null,
  duration_ms integer not null,
  pauses jsonb not null,
  truncated boolean not null,
  master_key_id text not null,
  wrapped_key text not null,
  audio bytea not null
);
create index recordings_contact on recordings (tenant_id, contact_id, started_at);
create index recordings_started on recordings (tenant_id, started_at);
`;
