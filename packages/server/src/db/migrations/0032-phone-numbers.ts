/**
 * Phone numbers: where inbound calls arrive (a DID, or a short internal number), each sending its calls to a
 * call flow or straight into a voice CSQ, never both. A number is unique on the server, whatever the tenant: an
 * inbound call names only the number dialled. The flow and the CSQ are foreign keys within the tenant, so
 * neither can be deleted while a number sends calls to it.
 */
export const phoneNumbers = `
alter table call_flows add unique (tenant_id, id);

create table phone_numbers (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  number text not null unique,
  name text not null,
  flow_id uuid,
  csq_id uuid,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  foreign key (tenant_id, flow_id) references call_flows (tenant_id, id),
  foreign key (tenant_id, csq_id) references csqs (tenant_id, id),
  constraint phone_numbers_one_target check ((flow_id is null) <> (csq_id is null))
);
create index phone_numbers_tenant on phone_numbers (tenant_id, number);
create index phone_numbers_flow on phone_numbers (tenant_id, flow_id) where flow_id is not null;
create index phone_numbers_csq on phone_numbers (tenant_id, csq_id) where csq_id is not null;
`;
