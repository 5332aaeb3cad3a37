import { useCallback } from 'react';
import type { LiveEvent } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { type StoredEvent, transferNoteFor } from './transfer-note-for.ts';

/**
 * Events after which the note may be newly meant for this agent: the contact transferred or offered to them.
 * When it goes to someone else (declined, queued again, transferred on) the card goes away with it; reading
 * the contact's events then would be refused, as it is no longer theirs.
 */
const forMe = (event: LiveEvent, me: string) =>
  (event.type === 'contact.offered' && event.agentId === me) ||
  (event.type === 'contact.transferred' && event.toAgentId === me);

/**
 * The note of the last transfer that brought this contact here, for the agent it is offered to or who has it
 * now (the customer never sees it). Nothing when it came without one, or was meant for someone else.
 */
export function TransferNote(props: { contactId: string }) {
  const { api, me } = useDesk();
  const { contactId } = props;
  const events = useLive(
    useCallback(() => api.request<StoredEvent[]>('GET', `/contacts/${contactId}/events`), [api, contactId]),
    (event) => event.contactId === contactId && forMe(event, me.id),
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
