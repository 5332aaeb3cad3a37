/**
 * Customer context at the agent desktop (spec C5): notes agents write on a contact for the next agent and
 * the customer's history, and the indexes that find an agent's recent contacts and a customer's earlier
 * ones (by email, case-insensitively, or by the customerId a channel adapter gives) without a scan.
 */
export const contactNotes = `
alter table contacts add constraint contacts_tenant_id unique (tenant_id, id);

create table contact_notes (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  contact_id uuid not null,
  author_id uuid not null,
  body text not null,
  created_at timestamptz not null,
  foreign key (tenant_id, contact_id) references contacts (tenant_id, id) on delete cascade,
  foreign key (tenant_id, author_id) references users (tenant_id, id) on delete cascade
);
create index contact_notes_contact on contact_notes (tenant_id, contact_id, created_at);

create index contact_events_handled on contact_events (tenant_id, agent_id, at desc)
  where type in ('contact.accepted', 'contact.participant_joined');
create index chat_sessions_email on chat_sessions (tenant_id, lower(customer_email), created_at desc)
  where customer_email is not null;
create index contacts_customer_id on contacts (tenant_id, (attributes ->> 'customerId'), created_at desc)
  where attributes ? 'customerId';
`;
