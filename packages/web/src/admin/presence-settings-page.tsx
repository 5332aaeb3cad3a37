import { type FormEvent, useEffect, useState } from 'react';
import type { ReasonCode } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { NumberField, SelectField } from '../ui/inputs.tsx';

interface Presence {
  disconnectGraceSeconds: number;
  disconnectReasonCodeId: string | null;
}
interface Tenant {
  settings: { presence: Presence };
}

const SYSTEM = '';

/** What happens to an agent whose desktop has closed: after how long, and with which Not Ready reason. */
export function PresenceSettingsPage() {
  const { api } = useDesk();
  const loaded = useLive(() => api.request<Tenant>('GET', '/tenant'));
  const reasons = useLive(() => api.request<ReasonCode[]>('GET', '/reason-codes?kind=not_ready'));
  const [form, setForm] = useState<Presence | null>(null);
  const [saved, setSaved] = useState(false);
  const submission = useSubmission();
  useEffect(() => {
    if (loaded.data) setForm(loaded.data.settings.presence);
  }, [loaded.data]);
  if (!form) return <p aria-busy="true">Loading…</p>;
  const set = (patch: Partial<Presence>) => {
    setSaved(false);
    setForm({ ...form, ...patch });
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (await submission.run(() => api.request('PATCH', '/tenant/settings', { presence: form })))
      setSaved(true);
  };
  const system = (reasons.data ?? []).find((r) => r.system);
  const options: (readonly [string, string])[] = [
    [SYSTEM, `${system?.label ?? 'Connection lost'} (system)`],
    ...(reasons.data ?? []).filter((r) => !r.system).map((r) => [r.id, `${r.label} (${r.code})`] as const),
  ];
  return (
    <form onSubmit={save} aria-labelledby="presence-title">
      <h1 id="presence-title">Desktop presence</h1>
      <p className="muted">
        An agent who is Ready when every tab of their desktop has closed goes Not Ready after the grace
        period; an offer ringing for them goes back to its queue. Agents working through the API only are
        never moved.
      </p>
      <FormError message={submission.error} />
      <div className="columns">
        <NumberField
          label="Disconnect grace (seconds, 10–600)"
          value={form.disconnectGraceSeconds}
          min={10}
          max={600}
          onChange={(v) => set({ disconnectGraceSeconds: v === '' ? 0 : v })}
          error={submission.fields.disconnectGraceSeconds}
        />
        <SelectField
          label="Not Ready reason"
          value={form.disconnectReasonCodeId ?? SYSTEM}
          options={options}
          onChange={(v) => set({ disconnectReasonCodeId: v === SYSTEM ? null : v })}
          error={submission.fields.disconnectReasonCodeId}
        />
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={submission.busy}>
          Save
        </button>
        {saved ? <output>Saved.</output> : null}
      </div>
    </form>
  );
}
