/**
 * Every interval's rows have a hash kept, so a capture that finds none for a table within its span knows the table
 * has no rows there and deletes nothing. Rows written before hashes were kept get an empty one, which no rows hash
 * to: their next count writes them again.
 */
export const intervalRowsHashed = ['csq', 'call_type', 'agent', 'agent_csq', 'agent_reason']
  .map(
    (prefix) => `insert into interval_hashes (tenant_id, table_name, interval_start, hash)
select distinct r.tenant_id, '${prefix}_intervals', r.interval_start, '' from ${prefix}_intervals r
where exists (select 1 from tenants t where t.id = r.tenant_id)
on conflict (tenant_id, table_name, interval_start) do nothing;`,
  )
  .join('\n');
