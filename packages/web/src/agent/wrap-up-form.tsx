import { LIMITS } from '@switchboard/core';
import { type FormEvent, useState } from 'react';
import type { ReasonCode, WrapUpCategory } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';

const MAX = LIMITS.wrapUpReasonsPerContact.max;

/**
 * Wrap-up: the reasons for this contact, then Ready or Not Ready for the next one. Where the center keeps a
 * wrap-up list for the contact the agent ticks reasons from it; elsewhere they type them.
 */
export function WrapUpForm(props: { contactId: string; reasons: ReasonCode[]; onDone: () => void }) {
  const { api } = useDesk();
  const list = useLive(() =>
    api.request<WrapUpCategory[]>('GET', `/contacts/${props.contactId}/wrap-up-reasons`),
  );
  const categories = (list.data ?? []).filter((c) => c.reasons.length > 0);
  const [text, setText] = useState('');
  const [ticked, setTicked] = useState<string[]>([]);
  const [next, setNext] = useState('ready');
  const submission = useSubmission();
  const notReady = props.reasons.filter((r) => r.kind === 'not_ready');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = text
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    const body = {
      reasons: categories.length > 0 ? ticked : typed,
      next: next === 'ready' ? { state: 'ready' } : { state: 'not_ready', reasonCode: Number(next) },
    };
    if (await submission.run(() => api.request('POST', `/contacts/${props.contactId}/wrap-up`, body)))
      props.onDone();
  };
  const tick = (name: string, on: boolean) =>
    setTicked((current) => (on ? [...current, name] : current.filter((n) => n !== name)));
  return (
    <form className="wrap-up" onSubmit={submit} aria-label="Wrap-up">
      <FormError message={submission.error} />
      {categories.length > 0 ? (
        <fieldset>
          <legend>
            Wrap-up reasons <span className="muted">(up to {MAX})</span>
          </legend>
          {categories.map((category, c) => (
            <fieldset key={category.id} className="reason-group">
              <legend>{category.name}</legend>
              {category.reasons.map((reason, r) => (
                <label key={reason.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={ticked.includes(reason.name)}
                    disabled={!ticked.includes(reason.name) && ticked.length >= MAX}
                    onChange={(e) => tick(reason.name, e.target.checked)}
                    {...(c === 0 && r === 0 ? { 'data-shortcut-target': 'wrap-up' } : {})}
                  />
                  {reason.name}
                </label>
              ))}
            </fieldset>
          ))}
        </fieldset>
      ) : (
        <label>
          Wrap-up reasons <span className="muted">(comma separated)</span>
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-shortcut-target="wrap-up"
            aria-invalid={Boolean(submission.fields.reasons)}
          />
        </label>
      )}
      {submission.fields.reasons ? <p className="field-error">{submission.fields.reasons}</p> : null}
      <label>
        Then
        <select value={next} onChange={(e) => setNext(e.target.value)}>
          <option value="ready">Ready</option>
          {notReady.map((r) => (
            <option key={r.id} value={r.code}>
              Not ready — {r.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={submission.busy}>
        Finish wrap-up
      </button>
    </form>
  );
}
