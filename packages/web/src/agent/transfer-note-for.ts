/** A contact's event as GET /contacts/{id}/events gives it, with what the transfer note needs of its data. */
export interface StoredEvent {
  type: string;
  data: { note?: string | null; toAgentId?: string | null; cause?: string | null } | null;
}

/**
 * The note of the transfer that brought this contact to `me`, or null. A transfer to an agent was meant for
 * that agent only. A transfer to a CSQ was meant for whoever that queueing offered it to: once the contact
 * queued again (requeued, or its offer went unanswered) it reaches someone the note no longer describes it to.
 */
export function transferNoteFor(events: readonly StoredEvent[], me: string): string | null {
  const at = events.findLastIndex((e) => e.type === 'contact.transferred');
  const transfer = events[at];
  const note = transfer?.data?.note;
  if (!transfer || !note) return null;
  if (transfer.data?.toAgentId) return transfer.data.toAgentId === me ? note : null;
  const queuedAgain = events
    .slice(at + 1)
    .some((e) => e.type === 'contact.queued' && e.data?.cause !== 'transferred');
  return queuedAgain ? null : note;
}
