import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useDesk, useLive } from '../live/hooks.ts';
import { FormError, useFirstInvalidField, useSubmission } from '../ui/form.tsx';

export interface Column<T> {
  label: string;
  render: (item: T) => ReactNode;
}

export interface FormProps<F> {
  form: F;
  /** Changes fields; a function gets the form as it is now (edits made in the same moment are not lost). */
  set: (patch: Partial<F> | ((form: F) => Partial<F>)) => void;
  /** The server's message per field, shown next to that field. */
  errors: Record<string, string>;
  /** Editing an existing item (some fields are fixed once created). */
  editing: boolean;
}

/**
 * A list of one kind of configuration item with create, edit and delete. The server validates; its refusal
 * is shown under the field it names (which takes the focus), or above the form when it names none.
 */
export function CrudPage<T extends { id: string }, F>(props: {
  title: string;
  noun: string;
  path: string;
  columns: Column<T>[];
  blank: () => F;
  toForm: (item: T) => F;
  toBody: (form: F, editing: boolean) => unknown;
  fields: (props: FormProps<F>) => ReactNode;
  updateMethod?: 'PATCH' | 'PUT';
  deletable?: boolean;
  actions?: (item: T, reload: () => void) => ReactNode;
  afterSave?: (saved: T, form: F, editing: boolean) => Promise<void>;
  /** Shown above the list right after an item is created, until the next edit (what to do with it next). */
  created?: (saved: T) => ReactNode;
  /** Shown under the title, above any form: what the list is about, or settings of the whole list. */
  intro?: ReactNode;
  /** Shown above the list while the page says so (a result of an item's action, say). */
  notice?: ReactNode;
}) {
  const { api } = useDesk();
  const items = useLive(() => api.request<T[]>('GET', props.path), undefined, props.path);
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [form, setForm] = useState<F>(props.blank);
  const submission = useSubmission();
  const removal = useSubmission();
  const formRef = useRef<HTMLFormElement>(null);
  const unplaced = useFirstInvalidField(formRef, submission);
  const [justCreated, setJustCreated] = useState<T | null>(null);
  const open = (item: T | 'new') => {
    submission.clear();
    setJustCreated(null);
    setForm(item === 'new' ? props.blank() : props.toForm(item));
    setEditing(item);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const existing = editing !== 'new' ? editing : null;
    let saved: T | null = null;
    const ok = await submission.run(async () => {
      saved = existing
        ? await api.request<T>(
            props.updateMethod ?? 'PATCH',
            `${props.path}/${existing.id}`,
            props.toBody(form, true),
          )
        : await api.request<T>('POST', props.path, props.toBody(form, false));
      await props.afterSave?.(saved, form, existing !== null);
    });
    if (ok) {
      setJustCreated(existing ? null : saved);
      setEditing(null);
      items.reload();
    }
  };
  const remove = (item: T) =>
    removal.run(async () => {
      await api.request('DELETE', `${props.path}/${item.id}`);
      items.reload();
    });
  const headingId = `${props.noun.replace(/\W/g, '-')}-list`;
  return (
    <section aria-labelledby={headingId}>
      <div className="row spread">
        <h1 id={headingId}>{props.title}</h1>
        <button type="button" className="primary" onClick={() => open('new')}>
          New {props.noun}
        </button>
      </div>
      {props.intro}
      {editing ? (
        <form
          ref={formRef}
          className="panel"
          onSubmit={save}
          aria-label={editing === 'new' ? `New ${props.noun}` : `Edit ${props.noun}`}
        >
          <h2>{editing === 'new' ? `New ${props.noun}` : `Edit ${props.noun}`}</h2>
          <FormError message={submission.error ?? unplaced} />
          {props.fields({
            form,
            set: (patch) => setForm((f) => ({ ...f, ...(typeof patch === 'function' ? patch(f) : patch) })),
            errors: submission.fields,
            editing: editing !== 'new',
          })}
          <div className="row">
            <button type="submit" className="primary" disabled={submission.busy}>
              Save
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {justCreated && props.created ? props.created(justCreated) : null}
      {props.notice}
      <FormError message={removal.error ?? items.error?.message ?? null} />
      <table className="grid">
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.label} scope="col">
                {c.label}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(items.data ?? []).map((item) => (
            <tr key={item.id}>
              {props.columns.map((c) => (
                <td key={c.label}>{c.render(item)}</td>
              ))}
              <td className="actions">
                <button type="button" onClick={() => open(item)}>
                  Edit
                </button>
                {props.actions?.(item, items.reload)}
                {props.deletable !== false ? (
                  <button
                    type="button"
                    onClick={() => {
                      if (confirm(`Delete this ${props.noun}?`)) void remove(item);
                    }}
                  >
                    Delete
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.data?.length === 0 ? <p className="muted">None yet.</p> : null}
    </section>
  );
}
