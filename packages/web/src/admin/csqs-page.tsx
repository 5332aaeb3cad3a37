import { LIMITS } from '@switchboard/core';
import { useState } from 'react';
import type { Channel, Criterion, Csq, PhoneNumber, QueueThresholds, Skill } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { Field } from '../ui/form.tsx';
import { NumberField, SelectField, TextField } from '../ui/inputs.tsx';
import { CrudPage } from './crud-page.tsx';
import { CallerIdField, NO_CALLER_ID } from './csq-caller-id.tsx';
import { Resources } from './csq-resources.tsx';

interface CsqForm {
  name: string;
  channel: Channel;
  criterion: Criterion;
  /** skillId → minimum competence as typed ('' = not required). */
  skills: Record<string, string>;
  serviceLevelSeconds: number | '';
  recording: Csq['recording'];
  /** A voice CSQ's caller ID: one of the center's numbers, or NO_CALLER_ID. */
  callerId: string;
  /** Empty: no alert on that figure. */
  thresholds: Record<keyof QueueThresholds, number | ''>;
}

const THRESHOLD_FIELDS = [
  ['serviceLevelBelowPercent', 'Service level today below (%)', LIMITS.csqServiceLevelBelowPercent],
  ['longestWaitAboveSeconds', 'Longest wait above (seconds)', LIMITS.csqLongestWaitAboveSeconds],
  ['waitingAbove', 'Contacts waiting above', LIMITS.csqWaitingAbove],
] as const;

const thresholdsForm = (t: QueueThresholds | undefined): CsqForm['thresholds'] => ({
  serviceLevelBelowPercent: t?.serviceLevelBelowPercent ?? '',
  longestWaitAboveSeconds: t?.longestWaitAboveSeconds ?? '',
  waitingAbove: t?.waitingAbove ?? '',
});

const thresholdsBody = (t: CsqForm['thresholds']): QueueThresholds => ({
  serviceLevelBelowPercent: t.serviceLevelBelowPercent === '' ? null : t.serviceLevelBelowPercent,
  longestWaitAboveSeconds: t.longestWaitAboveSeconds === '' ? null : t.longestWaitAboveSeconds,
  waitingAbove: t.waitingAbove === '' ? null : t.waitingAbove,
});

const CHANNELS = [
  ['chat', 'Chat'],
  ['email', 'Email'],
  ['voice', 'Voice'],
] as const;

const RECORDING = [
  ['off', 'Off'],
  ['always', 'Every answered call'],
  ['on_demand', 'When the agent starts it'],
] as const;

const CRITERIA: Record<Channel, (readonly [Criterion, string])[]> = {
  chat: [
    ['longest_available', 'Longest available'],
    ['most_skilled', 'Most skilled'],
  ],
  email: [
    ['longest_available', 'Longest available'],
    ['most_skilled', 'Most skilled'],
  ],
  voice: [
    ['longest_available', 'Longest available'],
    ['most_skilled', 'Most skilled'],
    ['least_skilled', 'Least skilled'],
    ['linear', 'Linear'],
    ['circular', 'Circular'],
    ['most_handled', 'Most handled contacts'],
    ['shortest_aht', 'Shortest average handle time'],
  ],
};

const requiredSkills = (skills: Record<string, string>) =>
  Object.entries(skills)
    .filter(([, level]) => level !== '')
    .map(([skillId, level]) => ({ skillId, minCompetence: Number(level) }));

/** Contact service queues: channel, required skills with minimum competence, selection criterion. */
export function CsqsPage() {
  const { api } = useDesk();
  const skills = useLive(() => api.request<Skill[]>('GET', '/skills'));
  const numbers = useLive(() => api.request<PhoneNumber[]>('GET', '/phone-numbers'));
  const [showing, setShowing] = useState<Csq | null>(null);
  const skillName = (id: string) => skills.data?.find((s) => s.id === id)?.name ?? '?';
  return (
    <>
      <CrudPage<Csq, CsqForm>
        title="Contact service queues"
        noun="CSQ"
        path="/csqs"
        columns={[
          { label: 'Name', render: (q) => q.name },
          { label: 'Channel', render: (q) => q.channel },
          {
            label: 'Selection',
            render: (q) => CRITERIA[q.channel].find(([c]) => c === q.criterion)?.[1] ?? q.criterion,
          },
          {
            label: 'Caller ID',
            render: (q) => (q.channel === 'voice' ? (q.callerId ?? '—') : ''),
          },
          {
            label: 'Skills',
            render: (q) => q.skills.map((s) => `${skillName(s.skillId)} ≥ ${s.minCompetence}`).join(', '),
          },
        ]}
        blank={() => ({
          name: '',
          channel: 'chat',
          criterion: 'longest_available',
          skills: {},
          serviceLevelSeconds: 20,
          recording: 'off',
          callerId: NO_CALLER_ID,
          thresholds: thresholdsForm(undefined),
        })}
        toForm={(q) => ({
          name: q.name,
          channel: q.channel,
          criterion: q.criterion,
          skills: Object.fromEntries(q.skills.map((s) => [s.skillId, String(s.minCompetence)])),
          serviceLevelSeconds: q.serviceLevelSeconds ?? 20,
          recording: q.recording,
          callerId: q.callerId ?? NO_CALLER_ID,
          thresholds: thresholdsForm(q.thresholds),
        })}
        toBody={(f, editing) => ({
          name: f.name.trim(),
          ...(editing ? {} : { channel: f.channel }),
          criterion: f.criterion,
          skills: requiredSkills(f.skills),
          ...(f.serviceLevelSeconds === '' ? {} : { serviceLevelSeconds: f.serviceLevelSeconds }),
          recording: f.channel === 'voice' ? f.recording : 'off',
          callerId: f.channel === 'voice' && f.callerId !== NO_CALLER_ID ? f.callerId : null,
          thresholds: thresholdsBody(f.thresholds),
        })}
        actions={(q) => (
          <button type="button" onClick={() => setShowing(q)}>
            Show resources
          </button>
        )}
        fields={({ form, set, errors, editing }) => (
          <>
            <div className="columns">
              <TextField
                label="Name"
                value={form.name}
                onChange={(name) => set({ name })}
                error={errors.name}
                required
              />
              <SelectField
                label="Channel"
                value={form.channel}
                options={CHANNELS}
                disabled={editing}
                onChange={(channel) => set({ channel, criterion: 'longest_available' })}
                error={errors.channel}
              />
              <SelectField
                label="Resource selection"
                value={form.criterion}
                options={CRITERIA[form.channel]}
                onChange={(criterion) => set({ criterion })}
                error={errors.criterion}
              />
              <NumberField
                label="Service level threshold (seconds)"
                value={form.serviceLevelSeconds}
                min={1}
                max={3600}
                onChange={(serviceLevelSeconds) => set({ serviceLevelSeconds })}
                error={errors.serviceLevelSeconds}
              />
              {form.channel === 'voice' ? (
                <>
                  <SelectField
                    label="Call recording"
                    value={form.recording}
                    options={RECORDING}
                    onChange={(recording) => set({ recording })}
                    error={errors.recording}
                  />
                  <CallerIdField
                    value={form.callerId}
                    numbers={numbers.data}
                    onChange={(callerId) => set({ callerId })}
                    error={errors.callerId}
                  />
                </>
              ) : null}
            </div>
            <fieldset>
              <legend>Queue view alerts (empty: none)</legend>
              <div className="columns">
                {THRESHOLD_FIELDS.map(([key, label, limit]) => (
                  <NumberField
                    key={key}
                    label={label}
                    value={form.thresholds[key]}
                    min={limit.min}
                    max={limit.max}
                    onChange={(value) => set({ thresholds: { ...form.thresholds, [key]: value } })}
                  />
                ))}
              </div>
              {errors.thresholds ? <p className="field-error">{errors.thresholds}</p> : null}
            </fieldset>
            <fieldset>
              <legend>Required skills (minimum competence 1–10; empty: not required)</legend>
              <div className="columns">
                {(skills.data ?? []).map((skill) => (
                  <Field key={skill.id} label={skill.name}>
                    {(input) => (
                      <input
                        {...input}
                        type="number"
                        min={1}
                        max={10}
                        value={form.skills[skill.id] ?? ''}
                        onChange={(e) => set({ skills: { ...form.skills, [skill.id]: e.target.value } })}
                      />
                    )}
                  </Field>
                ))}
              </div>
              {errors.skills ? <p className="field-error">{errors.skills}</p> : null}
            </fieldset>
          </>
        )}
      />
      {showing ? <Resources csq={showing} skillName={skillName} onClose={() => setShowing(null)} /> : null}
    </>
  );
}
