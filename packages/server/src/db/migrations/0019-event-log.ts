/**
 * The durable event log: every event a desktop or an integrator's feed receives, numbered per tenant by a
 * gap-free cursor taken in the transaction that commits it. `event_cursors` holds each tenant's last cursor;
 * its row lock orders writers, so a reader that sees cursor N has every cursor before N too.
 * `kind` says who may read an entry: `router` (by role, as the event stream filters), `notice` (the
 * `user_ids` named), `config` (administrators), `access` (nobody: open streams re-check their caller).
 */
export const eventLog = `
create table event_cursors (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  last bigint not null
);

create table event_log (
  tenant_id uuid not null references tenants (id) on delete cascade,
  cursor bigint not null,
  at timestamptz not null,
  kind text not null check (kind in ('router', 'notice', 'config', 'access')),
  type text not null,
  user_ids uuid[],
  payload jsonb not null,
  primary key (tenant_id, cursor)
);
create index event_log_at on event_log (tenant_id, at);
`;
