import {
  ABANDON_RULES,
  type AbandonRule,
  INTERVAL_BASES,
  INTERVAL_MINUTES,
  type IntervalBasis,
  type IntervalMinutes,
  REPORTING_LIMITS,
  RETENTION_DAYS,
  RETENTION_KINDS,
  type ReportingSettings,
  type RetentionKind,
  SUPERVISOR_SCOPES,
  type SupervisorScope,
} from '@switchboard/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useDesk, useLive } from '../live/hooks.ts';
import { Field, FormError, useSubmission } from '../ui/form.tsx';
import { NumberField, SelectField } from '../ui/inputs.tsx';

interface Tenant {
  settings: { reporting: ReportingSettings };
}

const RULES: Record<AbandonRule, string> = {
  counted_against: 'Abandons count against: within ÷ (offered − dequeued)',
  ignored: 'Abandons ignored: within ÷ (offered − abandoned − dequeued)',
  counted_for: 'Abandons within the threshold count for it',
};
const BASES: Record<IntervalBasis, string> = {
  entry: 'The interval it entered the CSQ in',
  completion: 'The interval it ended in',
};
const SCOPES: Record<SupervisorScope, string> = {
  teams: "Their teams' agents and the CSQs they serve",
  tenant: 'The whole center',
};
const RETENTION_LABELS: Record<RetentionKind, string> = {
  contactEventsDays: 'Contact events and agent state trace',
  detailRecordsDays: 'Detail records (contact legs, agent segments)',
  intervalDays: 'Interval tables and imported history',
  transcriptsDays: 'Chat transcripts, whispers and contact notes',
};
const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** How reports count: the zone of their days, the interval, the abandon rules, and what supervisors see. */
export function ReportingSettingsPage() {
  const { api } = useDesk();
  const loaded = useLive(() => api.request<Tenant>('GET', '/tenant'));
  const [form, setForm] = useState<ReportingSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const submission = useSubmission();
  useEffect(() => {
    if (loaded.data) setForm(loaded.data.settings.reporting);
  }, [loaded.data]);
  if (!form) return <p aria-busy="true">{loaded.error?.message ?? 'Loading…'}</p>;
  const set = (patch: Partial<ReportingSettings>) => {
    setSaved(false);
    setForm({ ...form, ...patch });
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await submission.run(async () => {
      const tenant = await api.request<Tenant>('PATCH', '/tenant/settings', { reporting: form });
      setForm(tenant.settings.reporting);
    });
    if (answer) setSaved(true);
  };
  const { shortAbandonSeconds: shortLimit, captureDelayMinutes: delayLimit } = REPORTING_LIMITS;
  return (
    <form onSubmit={save} aria-labelledby="reporting-title">
      <h1 id="reporting-title">Reporting</h1>
      <p className="muted">
        How the interval tables and reports count (docs/metrics.md). A change applies to intervals captured
        from now on; days already captured keep their figures until they are captured again.
      </p>
      <FormError message={submission.error} />
      <div className="columns">
        <Field
          label="Time zone"
          error={submission.fields.timeZone}
          hint="Report days and intervals, e.g. Europe/Berlin"
        >
          {(input) => (
            <>
              <input
                {...input}
                list="reporting-time-zones"
                value={form.timeZone}
                required
                onChange={(e) => set({ timeZone: e.target.value })}
              />
              <datalist id="reporting-time-zones">
                {ZONES.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <SelectField
          label="Interval"
          value={String(form.intervalMinutes)}
          options={INTERVAL_MINUTES.map((m) => [String(m), `${m} minutes`] as const)}
          onChange={(v) => set({ intervalMinutes: Number(v) as IntervalMinutes })}
          error={submission.fields.intervalMinutes}
        />
        <SelectField
          label="Abandons in the service level"
          value={form.abandonRule}
          options={ABANDON_RULES.map((rule) => [rule, RULES[rule]] as const)}
          onChange={(abandonRule) => set({ abandonRule })}
          error={submission.fields.abandonRule}
        />
        <NumberField
          label={`Short abandon (seconds, ${shortLimit.min}–${shortLimit.max})`}
          hint="Abandons after a shorter wait count as neither offered nor abandoned; 0 counts them all"
          value={form.shortAbandonSeconds}
          min={shortLimit.min}
          max={shortLimit.max}
          onChange={(v) => set({ shortAbandonSeconds: v === '' ? 0 : v })}
          error={submission.fields.shortAbandonSeconds}
        />
        <SelectField
          label="A contact counts in"
          value={form.intervalBasis}
          options={INTERVAL_BASES.map((basis) => [basis, BASES[basis]] as const)}
          onChange={(intervalBasis) => set({ intervalBasis })}
          error={submission.fields.intervalBasis}
        />
        <NumberField
          label={`Capture delay (minutes, ${delayLimit.min}–${delayLimit.max})`}
          hint="How long after its end an interval is written, so late events still count"
          value={form.captureDelayMinutes}
          min={delayLimit.min}
          max={delayLimit.max}
          onChange={(v) => set({ captureDelayMinutes: v === '' ? 0 : v })}
          error={submission.fields.captureDelayMinutes}
        />
        <SelectField
          label="Supervisors see"
          value={form.supervisorScope}
          options={SUPERVISOR_SCOPES.map((scope) => [scope, SCOPES[scope]] as const)}
          onChange={(supervisorScope) => set({ supervisorScope })}
          error={submission.fields.supervisorScope}
        />
      </div>
      <h2>Retention</h2>
      <p className="muted">Days each kind of data is kept; a nightly job deletes what is older.</p>
      <div className="columns">
        {RETENTION_KINDS.map((kind) => (
          <NumberField
            key={kind}
            label={`${RETENTION_LABELS[kind]} (days, ${RETENTION_DAYS.min}–${RETENTION_DAYS.max})`}
            value={form.retention[kind]}
            min={RETENTION_DAYS.min}
            max={RETENTION_DAYS.max}
            onChange={(v) =>
              set({ retention: { ...form.retention, [kind]: v === '' ? RETENTION_DAYS.min : v } })
            }
            error={submission.fields[`retention.${kind}`]}
          />
        ))}
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
