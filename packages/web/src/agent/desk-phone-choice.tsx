import { type FormEvent, useId, useState } from 'react';
import { type Loaded, useDesk, useLive } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';

/** The desk phone an agent's calls ring (its extension), and whether it is registered now. */
export interface DeskPhone {
  extension: string | null;
  registered: boolean;
}

/** The agent's desk phone, as the server knows it: asked again with each offer, which rings it if registered. */
export function useDeskPhone(): Loaded<DeskPhone> {
  const { api, me } = useDesk();
  return useLive(
    () => api.request<DeskPhone>('GET', `/agents/${me.id}/desk-phone`),
    (event) => event.type === 'contact.offered',
  );
}

/** The extension the desktop's calls ring, when the agent's desk phone takes them (registered). */
export const deskPhoneOf = (phone: DeskPhone | undefined) =>
  phone?.extension && phone.registered ? phone.extension : null;

/**
 * Where the agent's calls ring: in this browser, or on the desk phone they sit at, by its extension
 * (hot-desking). A phone that is not registered leaves the calls ringing here meanwhile.
 */
export function DeskPhoneChoice(props: { phone: Loaded<DeskPhone> }) {
  const { api, me } = useDesk();
  const { phone } = props;
  const [extension, setExtension] = useState('');
  const submission = useSubmission();
  const inputId = useId();
  const choose = (chosen: string | null) =>
    submission.run(async () => {
      const next = await api.request<DeskPhone>('PUT', `/agents/${me.id}/desk-phone`, { extension: chosen });
      phone.set(() => next);
      setExtension('');
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (extension.trim()) void choose(extension.trim());
  };
  const current = phone.data?.extension ?? null;
  return (
    <section className="desk-phone" aria-label="Where calls ring">
      {current ? (
        <p>
          Calls ring on your desk phone <strong>{current}</strong>
          {phone.data?.registered ? '.' : ', which is not registered: they ring here meanwhile.'}{' '}
          <button type="button" onClick={() => choose(null)} disabled={submission.busy}>
            Take calls in the browser
          </button>
        </p>
      ) : (
        <form className="row" onSubmit={submit}>
          <span>Calls ring in this browser.</span>
          <label htmlFor={inputId}>Desk phone extension</label>
          <input
            id={inputId}
            inputMode="numeric"
            size={8}
            value={extension}
            aria-invalid={submission.fields.extension ? true : undefined}
            onChange={(event) => setExtension(event.target.value)}
          />
          <button type="submit" disabled={submission.busy || !extension.trim()}>
            Use desk phone
          </button>
        </form>
      )}
      <FormError message={submission.fields.extension ?? submission.error} />
    </section>
  );
}
