import { Field } from './form.tsx';

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'password';
  disabled?: boolean;
  required?: boolean;
  /** From core/limits.ts: the browser then refuses to take more characters than the server would. */
  maxLength?: number;
}) {
  return (
    <Field label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      {(input) => (
        <input
          {...input}
          type={props.type ?? 'text'}
          value={props.value}
          disabled={props.disabled}
          required={props.required}
          maxLength={props.maxLength}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function NumberField(props: {
  label: string;
  value: number | '';
  onChange: (value: number | '') => void;
  error?: string | undefined;
  hint?: string;
  min?: number;
  max?: number;
}) {
  return (
    <Field label={props.label} error={props.error} {...(props.hint ? { hint: props.hint } : {})}>
      {(input) => (
        <input
          {...input}
          type="number"
          value={props.value}
          min={props.min}
          max={props.max}
          onChange={(e) => props.onChange(e.target.value === '' ? '' : Number(e.target.value))}
        />
      )}
    </Field>
  );
}

export function SelectField<V extends string>(props: {
  label: string;
  value: V;
  options: readonly (readonly [V, string])[];
  onChange: (value: V) => void;
  error?: string | undefined;
  hint?: string;
  disabled?: boolean;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {(input) => (
        <select
          {...input}
          value={props.value}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.value as V)}
        >
          {props.options.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />{' '}
      {props.label}
    </label>
  );
}
