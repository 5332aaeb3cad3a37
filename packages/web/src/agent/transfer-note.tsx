import { useCallback } from 'react';
import type { ItemOf } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';

type StoredEvent = ItemOf<'/contacts/{id}/events'>;

/** An event's data is documented as any JSON: a transfer's note is read only when it is text. */
const noteOf = (event: StoredEvent | undefined) => {
  const data = event?.data;
  const note = data && typeof data === 'object' && 'note' in data ? data.note : null;
  return typeof note === 'string' ? note : null;
};

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
  const note = noteOf(events.data?.findLast((e) => e.type === 'contact.transferred'));
  if (!note) return null;
  return (
    <blockquote className="transfer-note" aria-label="Transfer note for you" data-testid="transfer-note">
      <span className="muted">Transferred with a note: </span>
      {note}
    </blockquote>
  );
}
