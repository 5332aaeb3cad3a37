import { codePoints, LIMITS } from '@switchboard/core';
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Contact, ResponseOf } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { STATE_LABELS } from '../ui/format.ts';

type TransferTargets = ResponseOf<'/contacts/{id}/transfer-targets', 'get'>;

const TARGETS_REFRESH_MS = 5_000;

/** The API documents the state as a plain string: one it does not name is shown as it comes. */
const stateLabel = (state: string) =>
  Object.hasOwn(STATE_LABELS, state) ? STATE_LABELS[state as keyof typeof STATE_LABELS] : state;

/** The Transfer button of an active contact, and the dialog it opens. */
export function TransferButton(props: { contact: Contact; onTransferred: () => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button type="button" ref={button} onClick={() => setOpen(true)} aria-haspopup="dialog">
        Transfer
      </button>
      {open ? (
        <TransferDialog
          contact={props.contact}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
          onTransferred={() => {
            setOpen(false);
            props.onTransferred();
          }}
        />
      ) : null}
    </>
  );
}

/**
 * Hands the contact to a queue of its channel (it waits there for whoever is offered it) or straight to an
 * agent who can take it now, with a note for whoever receives it; the customer never sees the note. A modal
 * dialog: Escape closes it, the focus stays inside, and goes back to the Transfer button.
 */
export function TransferDialog(props: { contact: Contact; onClose: () => void; onTransferred: () => void }) {
  const { api } = useDesk();
  const { contact } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const targets = useLive(
    useCallback(
      () => api.request<TransferTargets>('GET', `/contacts/${contact.id}/transfer-targets`),
      [api, contact.id],
    ),
    (event) => event.type === 'agent.state_changed',
    contact.id,
    500,
  );
  // Colleagues' states do not reach an agent's stream, so who is available is asked again while this is open.
  const { reload } = targets;
  useEffect(() => {
    const timer = setInterval(reload, TARGETS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const submission = useSubmission();
  const ids = { title: useId(), note: useId(), count: useId() };
  const used = codePoints(note);
  const tooLong = used > LIMITS.transferNote.max;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [kind, id] = target.split(':');
    if (!id) return;
    const body = { [kind === 'csq' ? 'csqId' : 'agentId']: id, ...(note.trim() ? { note } : {}) };
    const done = await submission.run(() => api.request('POST', `/contacts/${contact.id}/transfer`, body));
    if (done) props.onTransferred();
    else reload();
  };
  const data = targets.data;
  return (
    <dialog ref={dialog} onClose={props.onClose} aria-labelledby={ids.title} className="transfer-dialog">
      <form onSubmit={submit}>
        <h2 id={ids.title}>Transfer this {contact.channel === 'voice' ? 'call' : contact.channel}</h2>
        {data ? null : <p aria-busy="true">{targets.error?.message ?? 'Loading where it can go…'}</p>}
        {data ? (
          <fieldset>
            <legend>To a queue (it waits there for the next agent)</legend>
            {data.csqs.length === 0 ? <p className="muted">No queue takes this channel.</p> : null}
            {data.csqs.map((q) => (
              <label key={q.csqId} className="choice">
                <input
                  type="radio"
                  name="transfer-target"
                  value={`csq:${q.csqId}`}
                  checked={target === `csq:${q.csqId}`}
                  onChange={(e) => setTarget(e.target.value)}
                />
                {q.name} <span className="muted">— {q.available} available</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {data ? (
          <fieldset>
            <legend>To an agent (offered to them at once)</legend>
            {data.agents.length === 0 ? <p className="muted">No other agent is signed in.</p> : null}
            {data.agents.map((a) => (
              <label key={a.agentId} className="choice" data-agent={a.agentId}>
                <input
                  type="radio"
                  name="transfer-target"
                  value={`agent:${a.agentId}`}
                  checked={target === `agent:${a.agentId}`}
                  disabled={!a.available}
                  onChange={(e) => setTarget(e.target.value)}
                />
                {a.name}{' '}
                <span className="muted">
                  — {a.available ? 'available' : `${stateLabel(a.state)}, cannot take it now`}
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <label htmlFor={ids.note}>Note for whoever receives it (the customer does not see it)</label>
        <textarea
          id={ids.note}
          rows={3}
          value={note}
          aria-invalid={tooLong}
          aria-describedby={ids.count}
          onChange={(event) => setNote(event.target.value)}
        />
        <p id={ids.count} className={tooLong ? 'field-error' : 'muted'}>
          {tooLong
            ? `The note is ${used - LIMITS.transferNote.max} characters too long (at most ${LIMITS.transferNote.max}).`
            : `${used} / ${LIMITS.transferNote.max}`}
        </p>
        <FormError message={submission.fields.note ?? submission.error} />
        <div className="row">
          <button type="submit" className="primary" disabled={submission.busy || !target || tooLong}>
            Transfer
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
