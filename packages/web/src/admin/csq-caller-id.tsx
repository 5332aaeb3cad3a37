import type { PhoneNumber } from '../api/types.ts';
import { SelectField } from '../ui/inputs.tsx';
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
      <SelectField
        label="Caller ID for outbound calls"
        error={props.error}
        hint="The number agents' outbound calls from this queue present (Administration → Numbers)"
        value={props.value}
        options={[
          [NO_CALLER_ID, 'None'],
          ...numbers.map((entry) => [entry.number, `${entry.number} — ${entry.name}`] as const),
          ...(unlisted ? [[props.value, unlistedLabel] as const] : []),
        ]}
        onChange={props.onChange}
      />
    </div>
  );
}
