/**
 * System reason codes: ones the product itself gives (an agent whose desktop went away is put Not Ready with
 * "Connection lost"). Administrators may rename or renumber them, never delete them. Every existing tenant
 * gets the code, numbered 32759 or the next number free in its Not Ready list.
 */
export const connectionLostReason = `
alter table reason_codes add column system text;
create unique index reason_codes_system on reason_codes (tenant_id, system) where system is not null;

insert into reason_codes (id, tenant_id, kind, code, label, system)
select gen_random_uuid(), t.id, 'not_ready',
  (select min(n) from generate_series(32759, 65535) n
    where not exists (
      select 1 from reason_codes r where r.tenant_id = t.id and r.kind = 'not_ready' and r.code = n)),
  'Connection lost', 'connection_lost'
from tenants t;
`;
