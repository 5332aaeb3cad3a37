import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import { Field, FormError, useSubmission } from '../ui/form.tsx';

export function SignIn() {
  const [tenant, setTenant] = useState(localStorage.getItem('switchboard.tenant') ?? 'demo');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submission = useSubmission();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submission.run(() => api.signIn(tenant.trim(), username.trim(), password));
    if (ok) localStorage.setItem('switchboard.tenant', tenant.trim());
  };
  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Switchboard</h1>
        <p className="muted">Sign in to your contact center.</p>
        <FormError message={submission.error} />
        <Field label="Tenant" error={submission.fields.tenant}>
          {(input) => (
            <input
              {...input}
              name="tenant"
              value={tenant}
              onChange={(e) => setTenant(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label="Username" error={submission.fields.username}>
          {(input) => (
            <input
              {...input}
              name="username"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              required
              // biome-ignore lint/a11y/noAutofocus: the sign-in page has one job
              autoFocus
            />
          )}
        </Field>
        <Field label="Password" error={submission.fields.password}>
          {(input) => (
            <input
              {...input}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={submission.busy}>
          {submission.busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
