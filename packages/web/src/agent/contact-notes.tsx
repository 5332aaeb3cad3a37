import { codePoints, LIMITS } from '@switchboard/core';
import { useCallback, useState } from 'react';
import { useDesk, useLive } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { clock } from '../ui/format.ts';
import type { ContactNote } from './context-types.ts';

/** Notes as plain text (React escapes it), oldest first, with author and time. */
export function NoteList(props: { notes: ContactNote[] }) {
  if (props.notes.length === 0) return <p className="muted">No notes.</p>;
  return (
    <ul className="contact-notes-list">
      {props.notes.map((note) => (
        <li key={note.id} className="contact-note">
          <span className="note-body">{note.body}</span>
          <span className="muted">
            {note.authorName} · <time dateTime={note.createdAt}>{clock(note.createdAt)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The notes of the contact in hand: what earlier agents wrote (after a transfer) and a box to add one.
 * Notes stay with the contact and its customer's history; the customer never sees them.
 */
export function ContactNotes(props: { contactId: string; canWrite: boolean }) {
  const { api } = useDesk();
  const { contactId } = props;
  const notes = useLive(
    useCallback(() => api.request<ContactNote[]>('GET', `/contacts/${contactId}/notes`), [api, contactId]),
    () => false,
    contactId,
  );
  const [text, setText] = useState('');
  const submission = useSubmission();
  const max = LIMITS.contactNote.max;
  const save = () =>
    submission.run(async () => {
      const note = await api.request<ContactNote>('POST', `/contacts/${contactId}/notes`, { body: text });
      notes.set((current) => [...(current ?? []), note]);
      setText('');
    });
  const headingId = `notes-${contactId}`;
  return (
    <section className="contact-notes" aria-labelledby={headingId}>
      <h3 id={headingId}>Notes</h3>
      {notes.data ? <NoteList notes={notes.data} /> : <p aria-busy="true">{notes.error?.message ?? '…'}</p>}
      {props.canWrite ? (
        <form
          className="note-form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label htmlFor={`${headingId}-text`} className="visually-hidden">
            New note
          </label>
          <textarea
            id={`${headingId}-text`}
            rows={2}
            value={text}
            placeholder="A note for the next agent and the customer's history (never sent to the customer)"
            onChange={(event) => setText(event.target.value)}
          />
          <div className="row spread">
            <span className={`muted${codePoints(text) > max ? ' field-error' : ''}`}>
              {codePoints(text)} / {max}
            </span>
            <button type="submit" disabled={submission.busy || text.trim() === '' || codePoints(text) > max}>
              Add note
            </button>
          </div>
          <FormError message={submission.error ?? Object.values(submission.fields)[0] ?? null} />
        </form>
      ) : null}
    </section>
  );
}
