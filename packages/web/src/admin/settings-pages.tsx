import { type FormEvent, useEffect, useState } from 'react';
import type { ItemOf, ResponseOf, User } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { CheckboxField, NumberField, SelectField, TextField } from '../ui/inputs.tsx';

type ChannelSettings = ResponseOf<'/channel-settings', 'get'>;

/** Channel parameters: timeouts, capacity and blending, for the whole tenant. */
export function ChannelSettingsPage() {
  const { api } = useDesk();
  const loaded = useLive(() => api.request<ChannelSettings>('GET', '/channel-settings'));
  const [form, setForm] = useState<ChannelSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const submission = useSubmission();
  useEffect(() => {
    if (loaded.data) setForm(loaded.data);
  }, [loaded.data]);
  if (!form) return <p aria-busy="true">Loading…</p>;
  const set = (patch: Partial<ChannelSettings>) => {
    setSaved(false);
    setForm({ ...form, ...patch });
  };
  const num = (v: number | '') => (v === '' ? 0 : v);
  const errors = submission.fields;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (await submission.run(() => api.request('PATCH', '/channel-settings', form))) setSaved(true);
  };
  return (
    <form onSubmit={save} aria-labelledby="channels-title">
      <h1 id="channels-title">Channel parameters</h1>
      <FormError message={submission.error} />
      <div className="columns">
        {(['chat', 'email', 'voice'] as const).map((channel) => (
          <NumberField
            key={channel}
            label={`No-answer timeout, ${channel} (seconds)`}
            value={form.noAnswerTimeoutSeconds[channel]}
            onChange={(v) =>
              set({ noAnswerTimeoutSeconds: { ...form.noAnswerTimeoutSeconds, [channel]: num(v) } })
            }
            error={errors.noAnswerTimeoutSeconds}
          />
        ))}
        <NumberField
          label="Join timeout (minutes, 1–60)"
          value={form.joinTimeoutMinutes}
          min={1}
          max={60}
          onChange={(v) => set({ joinTimeoutMinutes: num(v) })}
          error={errors.joinTimeoutMinutes}
        />
        <NumberField
          label="Inactivity timeout (minutes)"
          value={form.inactivityTimeoutMinutes}
          onChange={(v) => set({ inactivityTimeoutMinutes: num(v) })}
          error={errors.inactivityTimeoutMinutes}
        />
        <NumberField
          label="Sticky email timeout (hours, 1–120)"
          value={form.stickyEmailTimeoutHours}
          min={1}
          max={120}
          onChange={(v) => set({ stickyEmailTimeoutHours: num(v) })}
          error={errors.stickyEmailTimeoutHours}
        />
        <NumberField
          label="Wrap-up timeout (seconds, 5–7200; empty: none)"
          value={form.wrapUpTimeoutSeconds ?? ''}
          onChange={(v) => set({ wrapUpTimeoutSeconds: v === '' ? null : v })}
          error={errors.wrapUpTimeoutSeconds}
        />
        <NumberField
          label="Chats per agent (1–5)"
          value={form.maxChatsPerAgent}
          min={1}
          max={5}
          onChange={(v) => set({ maxChatsPerAgent: num(v) })}
          error={errors.maxChatsPerAgent}
        />
        <NumberField
          label="Emails per agent (1–5)"
          value={form.maxEmailsPerAgent}
          min={1}
          max={5}
          onChange={(v) => set({ maxEmailsPerAgent: num(v) })}
          error={errors.maxEmailsPerAgent}
        />
      </div>
      <CheckboxField
        label="Offer chats to agents on a voice call"
        checked={form.offerChatWhileOnVoice}
        onChange={(v) => set({ offerChatWhileOnVoice: v })}
      />
      <CheckboxField
        label="Offer voice calls to agents in a chat"
        checked={form.offerVoiceWhileOnChat}
        onChange={(v) => set({ offerVoiceWhileOnChat: v })}
      />
      <div className="row">
        <button type="submit" className="primary" disabled={submission.busy}>
          Save
        </button>
        {saved ? <output>Saved.</output> : null}
      </div>
    </form>
  );
}

/** A listed key, or the one just created with its secret (shown once). */
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
