import { DEFAULT_EXTENSION_PATTERN, LIMITS } from '@switchboard/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useDesk, useLive } from '../live/hooks.ts';
import { FormError, type Submission, useSubmission } from '../ui/form.tsx';
import { TextField } from '../ui/inputs.tsx';

interface Tenant {
  settings: { voice: { extensionPattern: string } };
}

export interface PatternState {
  /** Whether the tenant's pattern has been read yet. */
  ready: boolean;
  /** The pattern in force (as last loaded or saved). */
  current: string;
  /** The pattern being edited. */
  draft: string;
  setDraft: (pattern: string) => void;
  save: () => Promise<boolean>;
  submission: Submission;
  saved: boolean;
}

/** The tenant's extension pattern (a tenant setting): what it is, and changing it. */
export function useExtensionPattern(): PatternState {
  const { api } = useDesk();
  const loaded = useLive(() => api.request<Tenant>('GET', '/tenant'));
  const current = loaded.data?.settings.voice.extensionPattern ?? DEFAULT_EXTENSION_PATTERN;
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const submission = useSubmission();
  // The pattern as first read; later reloads leave what is being typed alone.
  useEffect(() => {
    if (loaded.data) setDraft((typed) => typed ?? loaded.data?.settings.voice.extensionPattern ?? null);
  }, [loaded.data]);
  return {
    ready: loaded.data !== undefined,
    current,
    draft: draft ?? current,
    setDraft: (pattern) => {
      setSaved(false);
      setDraft(pattern);
    },
    submission,
    saved,
    save: async () => {
      const ok = await submission.run(async () => {
        const body = { voice: { extensionPattern: (draft ?? current).trim() } };
        const tenant = await api.request<Tenant>('PATCH', '/tenant/settings', body);
        loaded.set(() => tenant);
        setDraft(tenant.settings.voice.extensionPattern);
      });
      setSaved(ok);
      return ok;
    },
  };
}

/**
 * The dial pattern every desk phone's extension fits. A pattern some phone does not fit is refused, naming
 * the extensions; the server checks the syntax and says where a pattern goes wrong.
 */
export function ExtensionPatternForm({ state }: { state: PatternState }) {
  const { submission } = state;
  if (!state.ready) return <p aria-busy="true">Loading the extension pattern…</p>;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await state.save();
  };
  return (
    <form className="panel extension-pattern" onSubmit={submit} aria-labelledby="extension-pattern-title">
      <h2 id="extension-pattern-title">Extension pattern</h2>
      <p className="muted">
        Every desk phone's extension fits this dial pattern: <code>X</code> any digit, <code>[1-5]</code> or{' '}
        <code>[135]</code> one digit of a set, <code>!</code> one or more digits (at the end), <code>.</code>{' '}
        a separator; digits, <code>*</code>, <code>#</code> and <code>+</code> stand for themselves. For
        example <code>2XXX</code>: four digits starting with 2. <code>X!</code> (the default) takes two or
        more digits.
      </p>
      <FormError message={submission.error} />
      <TextField
        label="Pattern"
        value={state.draft}
        onChange={state.setDraft}
        error={submission.fields['voice/extensionPattern'] ?? submission.fields.voice}
        maxLength={LIMITS.dialPattern.max}
        required
      />
      <div className="row">
        <button type="submit" disabled={submission.busy || state.draft === state.current}>
          Save pattern
        </button>
        {state.saved ? <output>Saved.</output> : null}
      </div>
    </form>
  );
}
