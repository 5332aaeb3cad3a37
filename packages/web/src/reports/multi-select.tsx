import { useId } from 'react';

/** A choice of any number of items, folded into one line; none chosen means all. */
export function MultiSelect(props: {
  label: string;
  /** What "none chosen" means, e.g. "All CSQs". */
  all: string;
  options: readonly { id: string; name: string }[];
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const id = useId();
  const chosen = new Set(props.value);
  const names = props.options.filter((o) => chosen.has(o.id)).map((o) => o.name);
  const summary =
    names.length === 0 ? props.all : names.length <= 2 ? names.join(', ') : `${names.length} chosen`;
  const toggle = (optionId: string, on: boolean) =>
    props.onChange(on ? [...props.value, optionId] : props.value.filter((v) => v !== optionId));
  return (
    <div className="field multi-select">
      <span className="label" id={id}>
        {props.label}
      </span>
      <details>
        <summary aria-describedby={id}>{summary}</summary>
        <fieldset aria-labelledby={id}>
          {props.options.length === 0 ? <p className="muted">None.</p> : null}
          {props.options.map((option) => (
            <label key={option.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.has(option.id)}
                onChange={(e) => toggle(option.id, e.target.checked)}
              />{' '}
              {option.name}
            </label>
          ))}
          {props.value.length > 0 ? (
            <button type="button" className="link" onClick={() => props.onChange([])}>
              {props.all}
            </button>
          ) : null}
        </fieldset>
      </details>
    </div>
  );
}
