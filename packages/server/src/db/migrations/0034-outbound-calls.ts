/**
 * Outbound calls: a contact is inbound (the customer reached the center) or outbound (an agent placed the call);
 * a voice CSQ may name the caller ID its outbound calls present, one of the tenant's numbers.
 */
export const outboundCalls = `
alter table contacts add column direction text not null default 'inbound';
alter table csqs add column caller_id text;
`;
