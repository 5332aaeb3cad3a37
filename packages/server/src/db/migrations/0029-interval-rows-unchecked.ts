/**
 * The interval tables are derived rows: only the capture writes them, for a tenant it has just read, and it
 * rewrites them from the detail records at will. Checking each row's tenant against `tenants` took as long as
 * writing the row on the embedded database (an interval's close writes about a thousand), so they no longer
 * reference `tenants`. Tenants are never deleted; a deletion would clear these tables along with the rest.
 */
export const intervalRowsUnchecked = ['csq', 'call_type', 'agent', 'agent_csq', 'agent_reason']
  .map(
    (prefix) =>
      `alter table ${prefix}_intervals drop constraint if exists ${prefix}_intervals_tenant_id_fkey;`,
  )
  .join('\n');
