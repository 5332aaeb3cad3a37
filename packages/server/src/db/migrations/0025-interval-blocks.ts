/**
 * A generation per tenant, interval table and UTC day of its rows, raised by every write of those rows (a capture
 * that changed them, the retention purge). A process keeps rows it read with the generation it read them at, and
 * reads them again only once the generation moved: on one node or many.
 */
export const intervalBlocks = `
create table interval_blocks (
  tenant_id uuid not null references tenants (id) on delete cascade,
  table_name text not null,
  block integer not null,
  generation bigint not null,
  primary key (tenant_id, table_name, block)
);
`;
