/**
 * Retention and erasure of customers' personal data: the nightly purge finds a tenant's chat messages,
 * whispers and contact notes older than its retention by their time (without these indexes each chunk read
 * the tenant's whole table), and an erasure finds a customer's chats by the phone number they gave.
 */
export const retention = `
create index chat_messages_at on chat_messages (tenant_id, at);
create index chat_whispers_at on chat_whispers (tenant_id, at);
create index contact_notes_at on contact_notes (tenant_id, created_at);
create index chat_sessions_phone on chat_sessions (tenant_id, customer_phone)
  where customer_phone is not null;
`;
