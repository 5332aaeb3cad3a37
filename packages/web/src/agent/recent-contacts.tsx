import { useCallback } from 'react';
import type { LiveEvent } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { ContactSummaryItem } from './contact-summary.tsx';
import type { ContactSummary } from './context-types.ts';

/** A contact of mine was taken, ended or wrapped up: the list changes. */
const changesRecent = (myId: string) => (event: LiveEvent) =>
  event.agentId === myId &&
  [
    'contact.accepted',
    'contact.dialled',
    'contact.participant_joined',
    'contact.wrap_up_ended',
    'contact.ended',
  ].includes(event.type);

/** The agent's last contacts, newest first, still there after wrap-up: to reread a transcript and its notes. */
export function RecentContacts() {
  const { api, me } = useDesk();
  const recent = useLive(
    useCallback(() => api.request<ContactSummary[]>('GET', '/me/recent-contacts'), [api]),
    changesRecent(me.id),
    me.id,
    300,
  );
  return (
    <section className="recent-contacts" aria-labelledby="recent-contacts">
      <h2 id="recent-contacts">
        Recent <span className="count">{recent.data?.length ?? '…'}</span>
      </h2>
      {!recent.data ? (
        <p aria-busy="true">{recent.error?.message ?? 'Loading…'}</p>
      ) : recent.data.length === 0 ? (
        <p className="muted">No contacts yet.</p>
      ) : (
        <ul className="contact-summaries">
          {recent.data.map((c) => (
            <li key={c.contactId}>
              <ContactSummaryItem contact={c} showAgent={false} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
