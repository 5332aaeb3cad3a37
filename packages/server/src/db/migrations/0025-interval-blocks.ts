/**
 * What lets a capture write only what changed, and readers keep what did not:
 * - a hash of each contact's detail records, kept on its first leg (folded again to the same records, a contact
 *   is not written again);
 * - a hash of each interval's rows per interval table (counted again to the same rows, an interval is not
 *   written again);
 * - a generation per tenant, interval table and UTC day of its rows, raised by every write of those rows (a
 *   capture that changed them, the retention purge). A process keeps rows it read with the generation it read
 *   them at, and reads them again only once the generation moved: on one node or many.
 */
export const intervalBlocks = `
alter table contact_legs add column records_hash text;

create table interval_hashes (
  tenant_id uuid not null references tenants (id) on delete cascade,
  table_name text not null,
  interval_start timestamptz not null,
  hash text not null,
  primary key (tenant_id, table_name, interval_start)
);
create index interval_hashes_start on interval_hashes (tenant_id, interval_start);

create table interval_blocks (
  tenant_id uuid not null references tenants (id) on delete cascade,
  table_name text not null,
  block integer not null,
  generation bigint not null,
  primary key (tenant_id, table_name, block)
);
`;
