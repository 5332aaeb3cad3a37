import { useCallback } from 'react';
import { useDesk, useLive } from '../live/hooks.ts';
import { ContactSummaryItem } from './contact-summary.tsx';
import type { ContactSummary } from './context-types.ts';

/**
 * The customer's earlier contacts beside the contact in hand (same email, or the channel's customer id):
 * when, where, with whom, how it ended, the notes, and the transcript when opened.
 */
export function CustomerHistory(props: { contactId: string }) {
  const { api } = useDesk();
  const { contactId } = props;
  const history = useLive(
    useCallback(
      () => api.request<ContactSummary[]>('GET', `/contacts/${contactId}/customer-history`),
      [api, contactId],
    ),
    () => false,
    contactId,
  );
  const headingId = `history-${contactId}`;
  return (
    <section className="customer-history" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Earlier contacts <span className="count">{history.data?.length ?? '…'}</span>
      </h3>
      {!history.data ? (
        <p aria-busy="true">{history.error?.message ?? 'Loading…'}</p>
      ) : history.data.length === 0 ? (
        <p className="muted">None: this is the customer's first contact we know of.</p>
      ) : (
        <ul className="contact-summaries">
          {history.data.map((c) => (
            <li key={c.contactId}>
              <ContactSummaryItem contact={c} showAgent via={contactId} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
