import { useState } from 'react';
import { useDesk } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/**
 * A keypad for the call in hand, folded away until asked for: each key is sent to the other side as a keypad tone
 * (a far end's menu on a call the agent placed). The keys pressed show beside it.
 */
export function Keypad(props: { contactId: string }) {
  const { api } = useDesk();
  const [open, setOpen] = useState(false);
  const [pressed, setPressed] = useState('');
  const submission = useSubmission();
  const press = (key: string) =>
    submission.run(async () => {
      await api.request('POST', `/contacts/${props.contactId}/voice/keys`, { keys: key });
      setPressed((before) => (before + key).slice(-32));
    });
  return (
    <>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Keypad
      </button>
      {open ? (
        <fieldset className="keypad" aria-label="Keypad">
          <output aria-label="Keys sent">{pressed}</output>
          {KEYS.map((key) => (
            <button key={key} type="button" onClick={() => press(key)}>
              {key}
            </button>
          ))}
        </fieldset>
      ) : null}
      {open ? <FormError message={submission.error} /> : null}
    </>
  );
}
