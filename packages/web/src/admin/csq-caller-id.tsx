import type { PhoneNumber } from '../api/types.ts';
import { Field } from '../ui/form.tsx';
import './csq-caller-id.css';

/** The select's value for a CSQ without a caller ID. */
export const NO_CALLER_ID = '';

/**
 * A voice CSQ's caller ID: one of the center's numbers, which its agents' outbound calls present. A number
 * deleted since it was chosen stays listed (marked) so that the form shows what the CSQ holds.
 */
export function CallerIdField(props: {
  value: string;
  numbers: PhoneNumber[] | undefined;
  onChange: (callerId: string) => void;
  error: string | undefined;
}) {
  const numbers = props.numbers ?? [];
  const unlisted = props.value !== NO_CALLER_ID && !numbers.some((entry) => entry.number === props.value);
  // While the numbers load, the CSQ's own is shown as it is.
  const unlistedLabel = props.numbers
    ? `${props.value} (no longer one of the center's numbers)`
    : props.value;
  return (
    <div className="caller-id">
      <Field
        label="Caller ID for outbound calls"
        error={props.error}
        hint="The number agents' outbound calls from this queue present (Administration → Numbers)"
      >
        {(input) => (
          <select {...input} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
            <option value={NO_CALLER_ID}>None</option>
            {numbers.map((entry) => (
              <option key={entry.id} value={entry.number}>
                {`${entry.number} — ${entry.name}`}
              </option>
            ))}
            {unlisted ? <option value={props.value}>{unlistedLabel}</option> : null}
          </select>
        )}
      </Field>
    </div>
  );
}
