import { type FormEvent, useState } from 'react';
import { useDesk, useLive } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { TextField } from '../ui/inputs.tsx';
import { queryParams, type ReportQuery } from './report-query.ts';
import { type SavedDefinition, TEMPLATE_LABELS } from './report-types.ts';

type Props = { query: ReportQuery; onOpen: (definition: SavedDefinition) => void };

/** The user's saved reports, folded away until opened (and read only then). */
export function SavedReports(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <details className="panel saved-reports" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Saved reports</summary>
      {open ? <SavedList {...props} /> : null}
    </details>
  );
}

/** Save the current report under a name, open or delete one saved before. */
function SavedList(props: Props) {
  const { api } = useDesk();
  const saved = useLive(() => api.request<SavedDefinition[]>('GET', '/report-definitions'));
  const [name, setName] = useState('');
  const submission = useSubmission();
  const remove = useSubmission();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name: name.trim(), template: props.query.template, query: queryParams(props.query) };
    if (await submission.run(() => api.request('POST', '/report-definitions', body))) {
      setName('');
      saved.reload();
    }
  };
  const drop = async (definition: SavedDefinition) => {
    if (await remove.run(() => api.request('DELETE', `/report-definitions/${definition.id}`))) saved.reload();
  };
  return (
    <section aria-label="Saved reports">
      <FormError message={saved.error?.message ?? null} />
      <form className="row" onSubmit={save} aria-label="Save report">
        <TextField
          label="Save current as"
          value={name}
          onChange={setName}
          required
          maxLength={100}
          error={submission.fields.name}
        />
        <button type="submit" disabled={submission.busy || name.trim() === ''}>
          Save
        </button>
      </form>
      <FormError message={submission.error ?? remove.error} />
      {(saved.data ?? []).length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="saved-list" aria-label="Saved">
          {(saved.data ?? []).map((definition) => (
            <li key={definition.id} className="row">
              <button type="button" className="link" onClick={() => props.onOpen(definition)}>
                {definition.name}
              </button>
              <span className="muted">{TEMPLATE_LABELS[definition.template] ?? definition.template}</span>
              <button
                type="button"
                aria-label={`Delete ${definition.name}`}
                onClick={() => drop(definition)}
                disabled={remove.busy}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
