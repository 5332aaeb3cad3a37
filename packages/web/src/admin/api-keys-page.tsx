import { type FormEvent, useState } from 'react';
import type { ItemOf, User } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { SelectField, TextField } from '../ui/inputs.tsx';

type ApiKey = ItemOf<'/users/{id}/api-keys'> & { key?: string };

/** Service users' API keys: create (the secret is shown once), list, revoke. */
export function ApiKeysPage() {
  const { api } = useDesk();
  const services = useLive(() => api.request<User[]>('GET', '/users?role=service&limit=500'));
  const [userId, setUserId] = useState('');
  const chosen = userId || services.data?.[0]?.id || '';
  const keys = useLive(
    () => (chosen ? api.request<ApiKey[]>('GET', `/users/${chosen}/api-keys`) : Promise.resolve([])),
    undefined,
    chosen,
  );
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [secret, setSecret] = useState<string | null>(null);
  const submission = useSubmission();
  const create = async (event: FormEvent) => {
    event.preventDefault();
    await submission.run(async () => {
      const created = await api.request<ApiKey>('POST', `/users/${chosen}/api-keys`, {
        name: name.trim(),
        scope,
      });
      setSecret(created.key ?? null);
      setName('');
      keys.reload();
    });
  };
  if (services.data?.length === 0)
    return (
      <section>
        <h1>API keys</h1>
        <p className="muted">
          Create a user with the role “Service user” first; keys belong to service users.
        </p>
      </section>
    );
  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">API keys</h1>
      <SelectField
        label="Service user"
        value={chosen}
        options={(services.data ?? []).map((u) => [u.id, `${u.displayName} (${u.username})`] as const)}
        onChange={(v) => {
          setUserId(v);
          setSecret(null);
        }}
      />
      <form onSubmit={create} className="panel" aria-label="New API key">
        <FormError message={submission.error} />
        <div className="columns">
          <TextField
            label="Key name"
            value={name}
            onChange={setName}
            error={submission.fields.name}
            required
          />
          <SelectField
            label="Scope"
            value={scope}
            options={[
              ['read', 'Read'],
              ['write', 'Read and write'],
            ]}
            onChange={setScope}
            error={submission.fields.scope}
          />
        </div>
        <button type="submit" className="primary" disabled={submission.busy || !chosen}>
          Create key
        </button>
      </form>
      {secret ? (
        <div className="panel secret" role="alert">
          <p>Copy this key now: it is shown only once and stored hashed.</p>
          <code data-testid="api-key-secret">{secret}</code>
        </div>
      ) : null}
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Scope</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(keys.data ?? []).map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td>{k.scope}</td>
              <td>{new Date(k.createdAt).toLocaleString()}</td>
              <td>{k.lastUsedAt ? new Date(k.lastUsedAt).toLocaleString() : 'never'}</td>
              <td>{k.revokedAt ? 'revoked' : 'active'}</td>
              <td>
                {k.revokedAt ? null : (
                  <button
                    type="button"
                    onClick={() =>
                      submission.run(async () => {
                        await api.request('POST', `/api-keys/${k.id}/revoke`);
                        keys.reload();
                      })
                    }
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
