/** What the server says of a contact's notes and of contacts in "Recent" and a customer's history. */
export interface ContactNote {
  id: string;
  contactId: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface ContactSummary {
  contactId: string;
  channel: string;
  csqId: string;
  csqName: string | null;
  status: 'queued' | 'offered' | 'active' | 'wrap_up' | 'ended';
  agentId: string | null;
  agentName: string | null;
  customerName: string | null;
  customerEmail: string | null;
  createdAt: string;
  acceptedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  outcome: string | null;
  wrapUpReasons: string[];
  notes: ContactNote[];
  /** In a customer's history: how it was found to be theirs (`email`: typed by the customer, not verified). */
  matchedBy?: 'customerId' | 'email';
  verified?: boolean;
}
