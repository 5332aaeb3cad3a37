import { LIMITS, type WidgetFieldMode } from '@switchboard/core';
import { CheckboxField, SelectField, TextField } from '../ui/inputs.tsx';
import { capital, type SectionProps } from './chat-widget-types.ts';

const MODES: (readonly [WidgetFieldMode, string])[] = [
  ['off', 'Not asked'],
  ['optional', 'Optional'],
  ['required', 'Required'],
];

/** What the widget's form asks: name, email and phone, and the custom fields. */
export function FormFieldsSection({ form, group, err }: SectionProps) {
  const custom = form.fields.custom;
  const setCustom = (i: number, patch: Partial<(typeof custom)[number]>) =>
    group('fields', { custom: custom.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  return (
    <fieldset>
      <legend>Form fields</legend>
      <div className="columns">
        {(['name', 'email', 'phone'] as const).map((key) => (
          <SelectField
            key={key}
            label={`${capital(key)} field`}
            value={form.fields[key]}
            options={MODES}
            onChange={(mode) => group('fields', { [key]: mode })}
            error={err(`fields/${key}`)}
          />
        ))}
      </div>
      {custom.map((field, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: custom fields have no id; their position is it.
        <div className="row" key={i}>
          <TextField
            label={`Custom field ${i + 1}`}
            value={field.label}
            onChange={(label) => setCustom(i, { label })}
            error={err(`fields/custom/${i}/label`)}
          />
          <CheckboxField
            label={`Custom field ${i + 1} is required`}
            checked={field.required}
            onChange={(required) => setCustom(i, { required })}
          />
          <button type="button" onClick={() => group('fields', { custom: custom.filter((_, j) => j !== i) })}>
            Remove custom field {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={custom.length >= LIMITS.widgetCustomFields.max}
        onClick={() => group('fields', { custom: [...custom, { label: '', required: false }] })}
      >
        Add a custom field
      </button>
    </fieldset>
  );
}
