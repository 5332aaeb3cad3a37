import { useCallback } from 'react';
import { useDesk, useLive } from '../live/hooks.ts';

interface StoredEvent {
  type: string;
  data: { note?: string | null };
}

/**
 * The note of the last transfer that brought this contact here, for the agent it is offered to or who has it
 * now (the customer never sees it). Nothing when it came without one.
 */
export function TransferNote(props: { contactId: string }) {
  const { api } = useDesk();
  const { contactId } = props;
  const events = useLive(
    useCallback(() => api.request<StoredEvent[]>('GET', `/contacts/${contactId}/events`), [api, contactId]),
    () => false,
    contactId,
  );
  const note = events.data?.findLast((e) => e.type === 'contact.transferred')?.data.note;
  if (!note) return null;
  return (
    <blockquote className="transfer-note" aria-label="Transfer note for you" data-testid="transfer-note">
      <span className="muted">Transferred with a note: </span>
      {note}
    </blockquote>
  );
}
