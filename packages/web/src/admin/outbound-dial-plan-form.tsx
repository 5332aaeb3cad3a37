import { LIMITS, type OutboundDialPlan } from '@switchboard/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useDesk, useLive } from '../live/hooks.ts';
import { Field, FormError, useFirstInvalidField, useSubmission } from '../ui/form.tsx';
import { CheckboxField, NumberField, TextField } from '../ui/inputs.tsx';

interface Tenant {
  settings: { voice: { outbound: OutboundDialPlan } };
}

/** The plan as typed: lists as text (patterns one per line, the others comma-separated). */
interface PlanForm {
  patterns: string;
  international: boolean;
  /** Empty: no country code (every + number is international). */
  countryCode: string;
  internationalPrefixes: string;
  /** Empty: no outside-line code. */
  outsideLinePrefix: string;
  emergencyNumbers: string;
  maxConcurrentCalls: number | '';
}

const toForm = (plan: OutboundDialPlan): PlanForm => ({
  patterns: plan.patterns.join('\n'),
  international: plan.international,
  countryCode: plan.countryCode ?? '',
  internationalPrefixes: plan.internationalPrefixes.join(', '),
  outsideLinePrefix: plan.outsideLinePrefix ?? '',
  emergencyNumbers: plan.emergencyNumbers.join(', '),
  maxConcurrentCalls: plan.maxConcurrentCalls,
});

const entries = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

/** What is sent: an emptied limit goes as null, for the server to say what it takes. */
const toBody = (form: PlanForm) => ({
  patterns: entries(form.patterns, /\n/),
  international: form.international,
  countryCode: form.countryCode.trim() === '' ? null : form.countryCode.trim(),
  internationalPrefixes: entries(form.internationalPrefixes, /,/),
  outsideLinePrefix: form.outsideLinePrefix.trim() === '' ? null : form.outsideLinePrefix.trim(),
  emergencyNumbers: entries(form.emergencyNumbers, /,/),
  maxConcurrentCalls: form.maxConcurrentCalls === '' ? null : form.maxConcurrentCalls,
});

/**
 * The server's message for one field of the plan. A field's own check names `voice/outbound/<field>`; the
 * schema names the entry of a list at fault (`voice/outbound/emergencyNumbers/0`).
 */
function fieldError(fields: Record<string, string>, field: keyof PlanForm): string | undefined {
  const path = `voice/outbound/${field}`;
  return fields[path] ?? Object.entries(fields).find(([key]) => key.startsWith(`${path}/`))?.[1];
}

/**
 * What agents may dial (docs/voice.md, "Outbound calls"), a tenant setting: the patterns a number must fit,
 * whether international numbers may be dialled, the emergency numbers, and how many calls at once.
 */
export function OutboundDialPlanForm() {
  const { api } = useDesk();
  const loaded = useLive(() => api.request<Tenant>('GET', '/tenant'));
  const [form, setForm] = useState<PlanForm | null>(null);
  const [saved, setSaved] = useState(false);
  const submission = useSubmission();
  const formRef = useRef<HTMLFormElement>(null);
  const unplaced = useFirstInvalidField(formRef, submission);
  // The plan as first read; later reloads leave what is being typed alone.
  useEffect(() => {
    const plan = loaded.data?.settings.voice.outbound;
    if (plan) setForm((typed) => typed ?? toForm(plan));
  }, [loaded.data]);
  if (!form) return <p aria-busy="true">{loaded.error?.message ?? 'Loading the outbound dial plan…'}</p>;
  const current = loaded.data ? JSON.stringify(toForm(loaded.data.settings.voice.outbound)) : '';
  const set = (patch: Partial<PlanForm>) => {
    setSaved(false);
    setForm({ ...form, ...patch });
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submission.run(async () => {
      const body = { voice: { outbound: toBody(form) } };
      const tenant = await api.request<Tenant>('PATCH', '/tenant/settings', body);
      loaded.set(() => tenant);
      setForm(toForm(tenant.settings.voice.outbound));
    });
    setSaved(ok);
  };
  const error = (field: keyof PlanForm) => fieldError(submission.fields, field);
  return (
    <form ref={formRef} className="panel" onSubmit={save} aria-labelledby="outbound-title">
      <h2 id="outbound-title">Outbound calls</h2>
      <p className="muted">
        What agents may dial. Emergency numbers always go through. International numbers (with <code>+</code>{' '}
        outside the country code, or an international prefix in front) are refused unless allowed. Every other
        number must fit one of the patterns: <code>X</code> any digit, <code>[1-5]</code> one digit of a set,{' '}
        <code>!</code> one or more digits; spaces and dashes are left out.
      </p>
      <FormError message={submission.error ?? unplaced} />
      <div className="columns">
        <Field label="Dial patterns (one per line)" error={error('patterns')}>
          {(input) => (
            <textarea
              {...input}
              rows={3}
              value={form.patterns}
              onChange={(e) => set({ patterns: e.target.value })}
            />
          )}
        </Field>
        <TextField
          label="Emergency numbers"
          value={form.emergencyNumbers}
          onChange={(emergencyNumbers) => set({ emergencyNumbers })}
          error={error('emergencyNumbers')}
          hint="Comma-separated, 2–6 digits each: 112, 911"
        />
        <NumberField
          label="Outbound calls in progress at most"
          value={form.maxConcurrentCalls}
          min={0}
          max={LIMITS.outboundCallsPerTenant.max}
          onChange={(maxConcurrentCalls) => set({ maxConcurrentCalls })}
          error={error('maxConcurrentCalls')}
          hint="0 turns outbound calls off"
        />
      </div>
      <fieldset>
        <legend>International calls</legend>
        <CheckboxField
          label="Allow international calls"
          checked={form.international}
          onChange={(international) => set({ international })}
        />
        <div className="columns">
          <TextField
            label="Country code"
            value={form.countryCode}
            onChange={(countryCode) => set({ countryCode })}
            error={error('countryCode')}
            hint="Without +: 44 makes +44… national; empty: every + number is international"
            maxLength={3}
          />
          <TextField
            label="International prefixes"
            value={form.internationalPrefixes}
            onChange={(internationalPrefixes) => set({ internationalPrefixes })}
            error={error('internationalPrefixes')}
            hint="Comma-separated, besides +: 00, 011"
          />
          <TextField
            label="Outside-line code"
            value={form.outsideLinePrefix}
            onChange={(outsideLinePrefix) => set({ outsideLinePrefix })}
            error={error('outsideLinePrefix')}
            hint="A PBX's code for an outside line (9): 9 00… is international too; empty: none"
            maxLength={4}
          />
        </div>
      </fieldset>
      <div className="row">
        <button type="submit" disabled={submission.busy || JSON.stringify(form) === current}>
          Save outbound calls
        </button>
        {saved ? <output>Saved.</output> : null}
      </div>
    </form>
  );
}
