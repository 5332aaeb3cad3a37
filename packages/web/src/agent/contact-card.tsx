import { CARRIED_CALL_PREFIX, type DialResult } from '@switchboard/core';
import type { ReasonCode } from '../api/types.ts';
import { useDesk, useNow } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { duration, since } from '../ui/format.ts';
import { AssistButtons } from './assist-buttons.tsx';
import { CallControls } from './call-controls.tsx';
import { GroupControls, isGuest } from './group-chat.tsx';
import { isBrowserCall } from './softphone.ts';
import { TransferButton } from './transfer-dialog.tsx';
import { TransferNote } from './transfer-note.tsx';
import type { MyContact } from './use-desktop.ts';
import { WrapUpForm } from './wrap-up-form.tsx';

const STATUS_LABELS: Record<MyContact['status'], string> = {
  queued: 'Queued',
  offered: 'Offered to you',
  active: 'In progress',
  wrap_up: 'Wrap-up',
  ended: 'Ended',
};

/**
 * A web chat's external id is the server's key for a start the widget may retry (`chat:<widget>:<uuid>`), and a
 * call's the controller's mark on its own calls (`switchboard-call:<uuid>`): nothing the agent or the customer
 * would call a reference.
 */
const isServerKey = (externalId: string) =>
  externalId.startsWith('chat:') || externalId.startsWith(CARRIED_CALL_PREFIX);

/** How the far end of a call the agent placed answered, in words. */
const DIAL_RESULTS: Record<DialResult, string> = {
  answered: 'Answered',
  busy: 'Busy',
  no_answer: 'No answer',
  declined: 'Declined',
  unreachable: 'Not reachable (the number may not exist)',
  failed: 'The call failed',
};

/** One contact in the agent's hands: what it is, and the next thing to do with it. */
export function ContactCard(props: {
  contact: MyContact;
  csqName: string;
  reasons: ReasonCode[];
  /** The extension of the desk phone the agent's calls ring, if one is registered. */
  deskPhone: string | null;
  onAccept: () => Promise<void>;
  onChanged: () => void;
}) {
  const { api, me } = useDesk();
  const now = useNow(250);
  const { contact } = props;
  const submission = useSubmission();
  const act = (path: string) =>
    submission.run(async () => {
      await api.request('POST', `/contacts/${contact.id}/${path}`);
      props.onChanged();
    });
  const left = contact.deadline === null ? null : Math.max(0, (contact.deadline - now) / 1000);
  const attributes = Object.entries(contact.attributes ?? {});
  const titleId = `contact-${contact.id}`;
  const browserCall = isBrowserCall(contact);
  const ringsDeskPhone = browserCall && props.deskPhone !== null;
  return (
    <article
      className={`contact-card contact-${contact.status}`}
      aria-labelledby={titleId}
      data-contact-id={contact.id}
    >
      <header>
        <h3 id={titleId}>
          {contact.callType || 'Contact'} <span className="muted">· {contact.channel}</span>
        </h3>
        <span className="status" data-testid="contact-status">
          {STATUS_LABELS[contact.status]}
        </span>
      </header>
      <dl className="facts">
        {contact.direction === 'outbound' ? (
          <>
            <dt>Your call to</dt>
            <dd data-testid="dialled">{contact.attributes.DNIS}</dd>
            <dt>Far end</dt>
            <dd data-testid="dial-result">
              {contact.dialResult ? DIAL_RESULTS[contact.dialResult] : 'Ringing…'}
            </dd>
          </>
        ) : null}
        <dt>Queue</dt>
        <dd>{props.csqName || '—'}</dd>
        <dt>{contact.status === 'offered' ? 'Waiting' : 'Handling'}</dt>
        <dd>
          {since(
            contact.status === 'offered' ? contact.queuedAt : (contact.acceptedAt ?? contact.queuedAt),
            now,
          )}
        </dd>
        {contact.externalId && !isServerKey(contact.externalId) ? (
          <>
            <dt>Reference</dt>
            <dd>{contact.externalId}</dd>
          </>
        ) : null}
        {attributes.map(([key, value]) => (
          <div key={key} className="attribute">
            <dt>{key}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {contact.status === 'offered' || contact.status === 'active' ? (
        <TransferNote contactId={contact.id} />
      ) : null}
      <FormError message={submission.error} />
      {contact.status === 'offered' ? (
        <div className="row offer">
          {ringsDeskPhone ? (
            <span className="ringing">Ringing on your desk phone {props.deskPhone}: pick it up there.</span>
          ) : (
            <button
              type="button"
              className="primary"
              onClick={() => submission.run(props.onAccept)}
              disabled={submission.busy}
              aria-keyshortcuts="Alt+A"
            >
              {browserCall ? 'Answer' : 'Accept'}
            </button>
          )}
          {left !== null ? (
            <span className="countdown" role="timer" aria-label="Time left to accept">
              {duration(Math.ceil(left))} left
            </span>
          ) : null}
        </div>
      ) : null}
      {contact.status === 'active' && contact.channel === 'chat' ? (
        <GroupControls contact={contact} onChanged={props.onChanged} />
      ) : null}
      {browserCall ? (
        <CallControls contact={contact} deskPhone={props.deskPhone} onChanged={props.onChanged} />
      ) : null}
      {contact.status === 'active' && !isGuest(contact, me.id) && !browserCall ? (
        <div className="row">
          <button type="button" onClick={() => act('complete')} disabled={submission.busy}>
            End and wrap up
          </button>
          {contact.guests.length === 0 && !contact.invitation ? (
            <TransferButton contact={contact} onTransferred={props.onChanged} />
          ) : null}
          {contact.channel === 'voice' ? (
            <button type="button" onClick={() => act('hold')} disabled={submission.busy}>
              Hold
            </button>
          ) : null}
        </div>
      ) : null}
      {contact.status === 'active' && !isGuest(contact, me.id) ? (
        <AssistButtons contactId={contact.id} />
      ) : null}
      {contact.status === 'wrap_up' ? (
        <WrapUpForm contactId={contact.id} reasons={props.reasons} onDone={props.onChanged} />
      ) : null}
    </article>
  );
}
