/**
 * Retention and erasure of customers' personal data: the nightly purge finds a tenant's chat messages,
 * whispers and contact notes older than its retention by their time (without these indexes each chunk read
 * the tenant's whole table), and an erasure finds a customer's chats by the phone number they gave, compared
 * by its digits and plus sign alone ("+49 (30) 1234" is "+49301234").
 */
export const retention = `
create index chat_messages_at on chat_messages (tenant_id, at);
create index chat_whispers_at on chat_whispers (tenant_id, at);
create index contact_notes_at on contact_notes (tenant_id, created_at);
create index chat_sessions_phone on chat_sessions (tenant_id, regexp_replace(customer_phone, '[^0-9+]', '', 'g'))
  where customer_phone is not null;
`;
