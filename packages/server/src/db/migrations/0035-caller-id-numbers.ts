/**
 * A CSQ's caller ID is one of its tenant's numbers for as long as it is set: a number presented by a CSQ cannot be
 * deleted (the check at the end of the statement, so a tenant's own deletion takes both), and renumbering it
 * changes what the CSQ presents. A caller ID whose number is gone already is cleared first.
 */
export const callerIdNumbers = `
update csqs set caller_id = null
where caller_id is not null and not exists (
  select 1 from phone_numbers p where p.tenant_id = csqs.tenant_id and p.number = csqs.caller_id);
alter table phone_numbers add constraint phone_numbers_tenant_number unique (tenant_id, number);
alter table csqs add constraint csqs_caller_id_number foreign key (tenant_id, caller_id)
  references phone_numbers (tenant_id, number) on update cascade;
create index csqs_caller_id on csqs (tenant_id, caller_id) where caller_id is not null;
drop index phone_numbers_tenant;
`;
