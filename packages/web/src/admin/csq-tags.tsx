import { ApiError } from '../api/client.ts';
import type { Csq } from '../api/types.ts';
import { CheckboxField } from '../ui/inputs.tsx';

/** Where a response or wrap-up category applies: everywhere (global), or in the CSQs ticked. */
export interface Tags {
  global: boolean;
  csqIds: string[];
}

export const tagsOf = (item: { global: boolean; csqIds: string[] }): Tags => ({
  global: item.global,
  csqIds: item.csqIds,
});

/** The API's form: no CSQs means global. Refuses "not global" with no CSQ ticked, under the field. */
export function csqIdsOf(tags: Tags): string[] {
  if (tags.global) return [];
  if (tags.csqIds.length === 0) {
    const message = 'Tick at least one CSQ, or make it global.';
    throw new ApiError(400, 'validation_failed', message, [{ path: 'body/csqIds', message }]);
  }
  return tags.csqIds;
}

/** "Global" or a list of CSQs to tick; the CSQs offered are those given (say, of one channel). */
export function CsqTags(props: {
  tags: Tags;
  csqs: Csq[];
  onChange: (tags: Tags) => void;
  error?: string | undefined;
  globalLabel: string;
  hint?: string;
}) {
  const { tags, csqs } = props;
  const toggle = (id: string, on: boolean) =>
    props.onChange({
      global: false,
      csqIds: on ? [...tags.csqIds, id] : tags.csqIds.filter((c) => c !== id),
    });
  return (
    <fieldset>
      <legend>Applies to</legend>
      <CheckboxField
        label={props.globalLabel}
        checked={tags.global}
        onChange={(global) => props.onChange({ ...tags, global })}
      />
      {tags.global ? null : (
        <div className="columns">
          {csqs.map((csq) => (
            <CheckboxField
              key={csq.id}
              label={csq.name}
              checked={tags.csqIds.includes(csq.id)}
              onChange={(on) => toggle(csq.id, on)}
            />
          ))}
        </div>
      )}
      {props.hint ? <p className="field-hint">{props.hint}</p> : null}
      {props.error ? (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** "Global", or the names of the CSQs, for a table cell. */
export function appliesTo(item: { global: boolean; csqIds: string[] }, csqs: Csq[] | undefined): string {
  if (item.global) return 'Global';
  if (item.csqIds.length === 0) return 'No CSQ (its CSQs were deleted)';
  return item.csqIds.map((id) => csqs?.find((q) => q.id === id)?.name ?? '?').join(', ');
}
