import type { ItemOf } from '../api/types.ts';

/** What the server says of a contact's notes and of contacts in "Recent" and a customer's history. */
export type ContactNote = ItemOf<'/contacts/{id}/notes'>;

export type ContactSummary = ItemOf<'/me/recent-contacts'>;
