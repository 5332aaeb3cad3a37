import { codePoints, LIMITS } from '@switchboard/core';
import { useCallback, useEffect, useId, useState } from 'react';
import type { Contact, ItemOf, ResponseOf } from '../api/types.ts';
import { useDesk, useLive, useNow } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { duration } from '../ui/format.ts';

type InviteTarget = ItemOf<'/chats/{id}/invite-targets'>;

type Invitation = ResponseOf<'/chats/{id}/invitation', 'get'>;

/** A chat holds the customer and at most two agents. */
const MAX_AGENTS = 2;
const TARGETS_REFRESH_MS = 5_000;

export const isGuest = (contact: Contact, me: string) => contact.guests.some((g) => g.agentId === me);
export const isInvitedHere = (contact: Contact, me: string) => contact.invitation?.agentId === me;

/**
 * An invitation into a colleague's chat: who asks and why (their notes are for this agent alone), the customer,
 * the last 100 messages to read before answering, the time left, and Accept or Decline.
 */
export function InvitationCard(props: { contact: Contact; onAnswered: (accepted: boolean) => void }) {
  const { api } = useDesk();
  const now = useNow(250);
  const { contact } = props;
  const invitation = useLive(
    useCallback(() => api.request<Invitation>('GET', `/chats/${contact.id}/invitation`), [api, contact.id]),
    () => false,
    contact.id,
  );
  const submission = useSubmission();
  const titleId = useId();
  const answer = (accept: boolean) =>
    submission.run(async () => {
      await api.request('POST', `/chats/${contact.id}/invitation/${accept ? 'accept' : 'decline'}`);
      props.onAnswered(accept);
    });
  const data = invitation.data;
  const left = data ? Math.max(0, (Date.parse(data.deadline) - now) / 1000) : null;
  return (
    <article className="contact-card invitation" aria-labelledby={titleId} data-invitation={contact.id}>
      <header>
        <h3 id={titleId}>{data ? `${data.inviter.name} invites you to a chat` : 'Invitation to a chat'}</h3>
        <span className="status">Invitation</span>
      </header>
      {data ? (
        <>
          <dl className="facts">
            <dt>Customer</dt>
            <dd>{data.customer.name ?? 'Customer'}</dd>
            <dt>Asked of</dt>
            <dd>{data.csqName}</dd>
            {data.problemStatement ? (
              <>
                <dt>Problem</dt>
                <dd>{data.problemStatement}</dd>
              </>
            ) : null}
          </dl>
          {data.notes ? (
            <blockquote className="invitation-notes" aria-label="Notes for you">
              {data.notes}
            </blockquote>
          ) : null}
          <details>
            <summary>The conversation so far ({data.messages.length} messages)</summary>
            <ol className="chat-messages invitation-history">
              {data.messages.map((line) => (
                <li key={line.seq} className={`chat-line from-${line.from}`}>
                  <span className="chat-author">
                    {line.from === 'agent' ? (line.alias ?? 'Agent') : (data.customer.name ?? 'Customer')}
                  </span>
                  <span className="chat-text">{line.text}</span>
                </li>
              ))}
            </ol>
          </details>
        </>
      ) : (
        <p aria-busy="true">{invitation.error?.message ?? 'Loading the invitation…'}</p>
      )}
      <FormError message={submission.error} />
      <div className="row offer">
        <button type="button" className="primary" onClick={() => answer(true)} disabled={submission.busy}>
          Join the chat
        </button>
        <button type="button" onClick={() => answer(false)} disabled={submission.busy}>
          Decline
        </button>
        {left !== null ? (
          <span className="countdown" role="timer" aria-label="Time left to answer">
            {duration(Math.ceil(left))} left
          </span>
        ) : null}
      </div>
    </article>
  );
}

/**
 * Group chat controls of an active chat: invite an agent of a chosen CSQ (each listed with how many could join
 * now) with notes for them, see the invitation ringing, and leave once another agent is in.
 */
export function GroupControls(props: { contact: Contact; onChanged: () => void }) {
  const { api, me } = useDesk();
  const { contact } = props;
  const [open, setOpen] = useState(false);
  const submission = useSubmission();
  const agents = 1 + contact.guests.length;
  const full = agents >= MAX_AGENTS;
  const leave = () =>
    submission.run(async () => {
      await api.request('POST', `/chats/${contact.id}/leave`);
      props.onChanged();
    });
  return (
    <div className="group-controls">
      <FormError message={submission.error} />
      <div className="row">
        {contact.invitation ? (
          <span className="muted" role="status">
            Waiting for an agent of the invited queue to answer…
          </span>
        ) : (
          <button
            type="button"
            onClick={() => setOpen(!open)}
            disabled={full}
            aria-expanded={open}
            title={full ? 'Two agents are in this chat already' : undefined}
          >
            Invite an agent
          </button>
        )}
        {full ? <span className="muted">Two agents are in this chat.</span> : null}
        {agents > 1 ? (
          <button type="button" onClick={leave} disabled={submission.busy}>
            Leave the chat
          </button>
        ) : null}
      </div>
      {open && !full && !contact.invitation ? (
        <InviteForm
          contactId={contact.id}
          onSent={() => {
            setOpen(false);
            props.onChanged();
          }}
        />
      ) : null}
      {isGuest(contact, me.id) ? (
        <p className="muted">You joined this chat; its owner ends it and wraps it up.</p>
      ) : null}
    </div>
  );
}

function InviteForm(props: { contactId: string; onSent: () => void }) {
  const { api } = useDesk();
  const targets = useLive(
    useCallback(
      () => api.request<InviteTarget[]>('GET', `/chats/${props.contactId}/invite-targets`),
      [api, props.contactId],
    ),
    (event) => event.type === 'agent.state_changed',
    props.contactId,
    500,
  );
  // Other agents' states do not reach this agent's stream, so the counts are refreshed while the form is open.
  const { reload } = targets;
  useEffect(() => {
    const timer = setInterval(reload, TARGETS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const [csqId, setCsqId] = useState('');
  const [notes, setNotes] = useState('');
  const submission = useSubmission();
  const ids = { csq: useId(), notes: useId() };
  const chosen = csqId || targets.data?.find((t) => t.available > 0)?.csqId || '';
  const send = () =>
    submission.run(async () => {
      await api.request('POST', `/chats/${props.contactId}/invitations`, {
        csqId: chosen,
        ...(notes.trim() ? { notes } : {}),
      });
      props.onSent();
    });
  const tooLong = codePoints(notes) > LIMITS.chatMessage.max;
  return (
    <form
      className="invite-form"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label htmlFor={ids.csq}>Queue to invite from</label>
      <select id={ids.csq} value={chosen} onChange={(event) => setCsqId(event.target.value)}>
        {(targets.data ?? []).map((t) => (
          <option key={t.csqId} value={t.csqId}>
            {t.csqName} — {t.available} available
          </option>
        ))}
      </select>
      <label htmlFor={ids.notes}>Notes for the invited agent (the customer does not see them)</label>
      <textarea
        id={ids.notes}
        rows={2}
        value={notes}
        aria-invalid={tooLong}
        onChange={(event) => setNotes(event.target.value)}
      />
      <FormError message={submission.error} />
      <button type="submit" className="primary" disabled={submission.busy || !chosen || tooLong}>
        Send invitation
      </button>
    </form>
  );
}
