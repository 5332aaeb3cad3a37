import { useState } from 'react';
import { duration } from '../ui/format.ts';
import { NoteList } from './contact-notes.tsx';
import type { ContactSummary } from './context-types.ts';
import { Transcript } from './transcript.tsx';

const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });

/** How a contact ended, in a word or two: its outcome and wrap-up reasons, or that it is still open. */
const outcomeOf = (c: ContactSummary) =>
  c.status !== 'ended' ? 'open' : [c.outcome ?? 'ended', ...c.wrapUpReasons].filter(Boolean).join(' · ');

/**
 * One earlier contact, closed to a line (who, where, when, how long, how it ended); opened, its notes and,
 * for a chat, its transcript. `via`: the contact in hand, for another agent's chat with the same customer.
 */
export function ContactSummaryItem(props: { contact: ContactSummary; showAgent: boolean; via?: string }) {
  const { contact: c } = props;
  const [open, setOpen] = useState(false);
  // Anyone can type anyone's email: such a match shows when, where, with whom and how it ended, nothing more.
  const unverified = c.matchedBy === 'email';
  return (
    <details
      className="contact-summary"
      data-contact-id={c.contactId}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        <strong>{c.customerName ?? c.customerEmail ?? 'Customer'}</strong> · {c.csqName ?? '—'} · {c.channel}{' '}
        · <time dateTime={c.acceptedAt ?? c.createdAt}>{when(c.acceptedAt ?? c.createdAt)}</time>
        {c.durationSeconds === null ? '' : ` · ${duration(c.durationSeconds)}`} · {outcomeOf(c)}
        {props.showAgent && c.agentName ? ` · ${c.agentName} ` : ' '}
        {unverified ? <span className="badge">not verified</span> : null}
        {c.notes.length > 0 ? (
          <span className="count">{`${c.notes.length} note${c.notes.length === 1 ? '' : 's'}`}</span>
        ) : null}
      </summary>
      {unverified ? (
        <p className="muted unverified">
          Matched by the email the customer typed; not verified. Its notes and transcript are not shown.
        </p>
      ) : null}
      <NoteList notes={c.notes} />
      {open && c.channel === 'chat' && !unverified ? (
        <Transcript contactId={c.contactId} {...(props.via ? { via: props.via } : {})} />
      ) : null}
    </details>
  );
}
