import { type FormEvent, useEffect, useState } from 'react';
import type { ResponseOf } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { CheckboxField, NumberField } from '../ui/inputs.tsx';

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
