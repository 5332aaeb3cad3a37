import { useCallback } from 'react';
import { useDesk, useLive } from '../live/hooks.ts';
import { type StoredEvent, transferNoteFor } from './transfer-note-for.ts';

/** Events after which the note may no longer, or newly, be meant for this agent. */
const QUEUEINGS = new Set(['contact.transferred', 'contact.queued', 'contact.offered']);

/**
 * The note of the last transfer that brought this contact here, for the agent it is offered to or who has it
 * now (the customer never sees it). Nothing when it came without one, or was meant for someone else.
 */
export function TransferNote(props: { contactId: string }) {
  const { api, me } = useDesk();
  const { contactId } = props;
  const events = useLive(
    useCallback(() => api.request<StoredEvent[]>('GET', `/contacts/${contactId}/events`), [api, contactId]),
    (event) => event.contactId === contactId && QUEUEINGS.has(event.type),
    contactId,
  );
  const note = events.data ? transferNoteFor(events.data, me.id) : null;
  if (!note) return null;
  return (
    <blockquote className="transfer-note" aria-label="Transfer note for you" data-testid="transfer-note">
      <span className="muted">Transferred with a note: </span>
      {note}
    </blockquote>
  );
}
