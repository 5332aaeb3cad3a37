import { LIMITS } from '@switchboard/core';
import { type FormEvent, useState } from 'react';
import { useDesk } from '../live/hooks.ts';
import { Field, FormError, useSubmission } from '../ui/form.tsx';

/** The signed-in user's own account: who they are, and changing their password. */
export function AccountPage() {
  const { me } = useDesk();
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">Your account</h1>
      <p>
        {me.displayName}{' '}
        <span className="muted">
          ({me.username}, {me.role})
        </span>
      </p>
      <ChangePassword />
    </section>
  );
}

function ChangePassword() {
  const { api } = useDesk();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);
  const submission = useSubmission();
  const mismatch = again !== '' && again !== next ? 'The two new passwords are not the same.' : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    setDone(false);
    const ok = await submission.run(() =>
      api.request('PUT', '/me/password', { currentPassword: current, newPassword: next }),
    );
    if (ok) {
      setCurrent('');
      setNext('');
      setAgain('');
      setDone(true);
    }
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title">Change your password</h2>
      <FormError message={submission.error} />
      <Field label="Current password" error={submission.fields.currentPassword}>
        {(input) => (
          <input
            {...input}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            maxLength={LIMITS.password.max}
            required
          />
        )}
      </Field>
      <Field
        label="New password"
        error={submission.fields.newPassword}
        hint={`${LIMITS.password.min} to ${LIMITS.password.max} characters.`}
      >
        {(input) => (
          <input
            {...input}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            minLength={LIMITS.password.min}
            maxLength={LIMITS.password.max}
            required
          />
        )}
      </Field>
      <Field label="New password again" error={mismatch}>
        {(input) => (
          <input
            {...input}
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
            maxLength={LIMITS.password.max}
            required
          />
        )}
      </Field>
      <button type="submit" className="primary" disabled={submission.busy || Boolean(mismatch)}>
        {submission.busy ? 'Changing…' : 'Change password'}
      </button>
      <output aria-live="polite" className="form-status">
        {done ? 'Your password is changed. You stay signed in here; your other sessions are signed out.' : ''}
      </output>
    </form>
  );
}
