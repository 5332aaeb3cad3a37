import { type FormEvent, useId, useState } from 'react';
import type { AgentLive, ItemOf } from '../api/types.ts';
import { useDesk } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { placeCall } from './softphone.ts';

type Csq = ItemOf<'/csqs'>;

/** The agent's voice CSQs that present a caller ID: the ones a call may be placed for. */
export const callableCsqs = (csqs: readonly Csq[], agent: Pick<AgentLive, 'csqs'>) =>
  csqs.filter((csq) => csq.channel === 'voice' && csq.callerId && agent.csqs.includes(csq.id));

/**
 * Places a call from this browser, folded away until opened: the number as the agent types it, and the CSQ it is
 * for, whose number the customer sees. The agent hears it ring, then the customer; the call then shows among
 * their contacts like any other. The center's dial plan decides what may be dialled (emergency numbers always).
 */
export function PlaceCall(props: { agent: AgentLive; csqs: readonly Csq[] }) {
  const { api } = useDesk();
  const mine = callableCsqs(props.csqs, props.agent);
  const [number, setNumber] = useState('');
  const [chosen, setChosen] = useState('');
  const submission = useSubmission();
  const numberId = useId();
  const csqId = useId();
  if (mine.length === 0) return null;
  const csq = mine.find((each) => each.id === chosen) ?? mine[0];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!csq || !number.trim()) return;
    void submission.run(async () => {
      // The call shows among the agent's contacts with its `contact.dialled` event.
      await placeCall(api, csq.id, number);
      setNumber('');
    });
  };
  return (
    <details className="place-call">
      <summary>Place a call</summary>
      <form className="row" onSubmit={submit}>
        <label htmlFor={numberId}>Number</label>
        <input
          id={numberId}
          type="tel"
          autoComplete="off"
          size={16}
          value={number}
          aria-invalid={submission.fields.number ? true : undefined}
          onChange={(event) => setNumber(event.target.value)}
        />
        {mine.length > 1 ? (
          <>
            <label htmlFor={csqId}>For</label>
            <select id={csqId} value={csq?.id} onChange={(event) => setChosen(event.target.value)}>
              {mine.map((each) => (
                <option key={each.id} value={each.id}>
                  {each.name} ({each.callerId})
                </option>
              ))}
            </select>
          </>
        ) : (
          <span className="muted">
            as {csq?.name} ({csq?.callerId})
          </span>
        )}
        <button type="submit" className="primary" disabled={submission.busy || !number.trim()}>
          Call
        </button>
      </form>
      <FormError message={submission.fields.number ?? submission.error} />
    </details>
  );
}
