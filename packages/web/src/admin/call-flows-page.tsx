import { LIMITS } from '@switchboard/core';
import type { CallFlow, Csq, ItemOf } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { SelectField, TextField } from '../ui/inputs.tsx';
import { blankStep, type FlowForm, flowToForm, formToDefinition } from './call-flow-form.ts';
import { CallFlowStep } from './call-flow-step.tsx';
import { CrudPage, type FormProps } from './crud-page.tsx';

type Calendar = ItemOf<'/calendars'>;

/** The server's refusals about one step, by the field under it (`prompt/text`; '' for the step itself). */
function stepErrors(errors: Record<string, string>, name: string): Record<string, string> {
  const prefix = `definition/steps/${name}`;
  const mine: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === prefix) mine[''] = message;
    else if (path.startsWith(`${prefix}/`)) mine[path.slice(prefix.length + 1)] = message;
  }
  return mine;
}

const newKey = () => crypto.randomUUID();

/** Call flows (docs/voice.md): the steps a call goes through before it waits for an agent, as a form. */
export function CallFlowsPage() {
  const { api } = useDesk();
  const csqs = useLive(() => api.request<Csq[]>('GET', '/csqs'));
  const calendars = useLive(() => api.request<Calendar[]>('GET', '/calendars'));
  const voiceCsqs = (csqs.data ?? [])
    .filter((q) => q.channel === 'voice')
    .map((q) => [q.id, q.name] as const);
  const calendarOptions = (calendars.data ?? []).map((c) => [c.id, c.name] as const);
  return (
    <CrudPage<CallFlow, FlowForm>
      title="Call flows"
      noun="call flow"
      path="/call-flows"
      updateMethod="PUT"
      columns={[
        { label: 'Name', render: (f) => f.name },
        { label: 'Version', render: (f) => f.version },
        { label: 'Steps', render: (f) => Object.keys(f.definition.steps).length },
        { label: 'Saved', render: (f) => new Date(f.updatedAt).toLocaleString() },
      ]}
      blank={() => {
        const greeting = blankStep('greeting', 'play', newKey());
        return { name: '', version: 0, start: greeting.key, steps: [greeting] };
      }}
      toForm={(flow) =>
        flowToForm(flow as { name: string; version: number; definition: Record<string, unknown> })
      }
      toBody={(form, editing) => ({
        name: form.name.trim(),
        definition: formToDefinition(form),
        ...(editing ? { version: form.version } : {}),
      })}
      fields={(props) => <FlowFields {...props} csqs={voiceCsqs} calendars={calendarOptions} />}
    />
  );
}

function FlowFields({
  form,
  set,
  errors,
  csqs,
  calendars,
}: FormProps<FlowForm> & {
  csqs: readonly (readonly [string, string])[];
  calendars: readonly (readonly [string, string])[];
}) {
  const steps = form.steps.map((s) => [s.key, s.name || '(unnamed)'] as const);
  const placed = form.steps.some((s) => Object.keys(stepErrors(errors, s.name)).length > 0);
  const changeStep = (index: number, patch: Partial<FlowForm['steps'][number]>) =>
    set({ steps: form.steps.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  return (
    <>
      <div className="columns">
        <TextField
          label="Name"
          value={form.name}
          onChange={(name) => set({ name })}
          error={errors.name}
          maxLength={LIMITS.callFlowName.max}
          required
        />
        <SelectField
          label="Calls start at"
          value={form.start}
          options={steps}
          onChange={(start) => set({ start })}
          error={errors['definition/start']}
        />
      </div>
      {errors.definition && !placed && !errors['definition/start'] ? (
        <p className="field-error" role="alert">
          {errors.definition}
        </p>
      ) : null}
      {form.steps.map((step, index) => (
        <CallFlowStep
          key={step.key}
          step={step}
          steps={steps}
          csqs={csqs}
          calendars={calendars}
          errors={stepErrors(errors, step.name)}
          change={(patch) => changeStep(index, patch)}
          rename={(name) => changeStep(index, { name })}
          remove={() => set({ steps: form.steps.filter((_, i) => i !== index) })}
        />
      ))}
      <div className="row">
        <button
          type="button"
          onClick={() =>
            set({ steps: [...form.steps, blankStep(`step${form.steps.length + 1}`, 'play', newKey())] })
          }
        >
          Add a step
        </button>
      </div>
    </>
  );
}
