/**
 * Group chat (spec C3): the agents who joined a chat besides its owner, the invitation ringing now and the
 * agents who declined since the last join, kept with the contact so a restart puts the chat back as it was.
 */
export const groupChat = `
alter table contacts
  add column guests jsonb not null default '[]',
  add column invite jsonb,
  add column decliners jsonb not null default '[]';
`;
