import { LIMITS } from '@switchboard/core';
import { type FormEvent, useState } from 'react';
import type { Csq, WrapUpCategory } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { TextField } from '../ui/inputs.tsx';
import { CrudPage } from './crud-page.tsx';
import { appliesTo, CsqTags, csqIdsOf, type Tags, tagsOf } from './csq-tags.tsx';

interface CategoryForm {
  name: string;
  tags: Tags;
}

const { wrapUpName, wrapUpCategoriesPerTenant, wrapUpCategoriesPerCsq, wrapUpReasonsPerCategory } = LIMITS;
const NAME_HINT = `Up to ${wrapUpName.max} characters`;

/**
 * Wrap-up reasons: categories (global or for some CSQs), each with its reasons. Changes apply to contacts
 * that arrive afterwards; contacts already there keep the list they came with.
 */
export function WrapUpPage() {
  const { api } = useDesk();
  const csqs = useLive(() => api.request<Csq[]>('GET', '/csqs'));
  const [open, setOpen] = useState<{ id: string; reloadList: () => void } | null>(null);
  return (
    <>
      <CrudPage<WrapUpCategory, CategoryForm>
        title="Wrap-up reasons"
        noun="category"
        path="/wrap-up-categories"
        columns={[
          { label: 'Category', render: (c) => c.name },
          { label: 'Applies to', render: (c) => appliesTo(c, csqs.data) },
          { label: 'Reasons', render: (c) => c.reasons.map((r) => r.name).join(', ') || '—' },
        ]}
        blank={() => ({ name: '', tags: { global: true, csqIds: [] } })}
        toForm={(c) => ({ name: c.name, tags: tagsOf(c) })}
        toBody={(f) => ({ name: f.name.trim(), csqIds: csqIdsOf(f.tags) })}
        actions={(c, reload) => (
          <button type="button" onClick={() => setOpen({ id: c.id, reloadList: reload })}>
            Reasons
          </button>
        )}
        fields={({ form, set, errors }) => (
          <>
            <TextField
              label="Name"
              value={form.name}
              onChange={(name) => set({ name })}
              error={errors.name}
              maxLength={wrapUpName.max}
              hint={NAME_HINT}
              required
            />
            <CsqTags
              tags={form.tags}
              csqs={csqs.data ?? []}
              onChange={(tags) => set({ tags })}
              error={errors.csqIds}
              globalLabel="Global: every CSQ"
              hint={`A CSQ has at most ${wrapUpCategoriesPerCsq.max} categories of its own; at most ${wrapUpCategoriesPerTenant.max} categories in all.`}
            />
          </>
        )}
      />
      {open ? (
        <Reasons
          key={open.id}
          categoryId={open.id}
          onChanged={open.reloadList}
          onClose={() => setOpen(null)}
        />
      ) : null}
      <p className="muted">Changes apply to contacts that arrive afterwards.</p>
    </>
  );
}

/** The reasons of one category: add, rename, delete. */
function Reasons(props: { categoryId: string; onChanged: () => void; onClose: () => void }) {
  const { api } = useDesk();
  const category = useLive(() =>
    api.request<WrapUpCategory>('GET', `/wrap-up-categories/${props.categoryId}`),
  );
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const adding = useSubmission();
  const changing = useSubmission();
  const changed = () => {
    category.reload();
    props.onChanged();
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const body = { categoryId: props.categoryId, name: name.trim() };
    if (await adding.run(() => api.request('POST', '/wrap-up-reasons', body))) {
      setName('');
      changed();
    }
  };
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!renaming) return;
    const body = { name: renaming.name.trim() };
    if (await changing.run(() => api.request('PATCH', `/wrap-up-reasons/${renaming.id}`, body))) {
      setRenaming(null);
      changed();
    }
  };
  const remove = (id: string) =>
    changing.run(async () => {
      await api.request('DELETE', `/wrap-up-reasons/${id}`);
      changed();
    });
  const reasons = category.data?.reasons ?? [];
  return (
    <section className="panel" aria-labelledby="reasons-title">
      <div className="row spread">
        <h2 id="reasons-title">Reasons of {category.data?.name ?? '…'}</h2>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
      <FormError message={category.error?.message ?? changing.error} />
      <ul data-testid="wrap-up-reasons">
        {reasons.map((reason) =>
          renaming?.id === reason.id ? (
            <li key={reason.id}>
              <form onSubmit={rename} aria-label={`Rename ${reason.name}`} className="row">
                <TextField
                  label="New name"
                  value={renaming.name}
                  onChange={(value) => setRenaming({ id: reason.id, name: value })}
                  error={changing.fields.name}
                  maxLength={wrapUpName.max}
                  required
                />
                <button type="submit" className="primary" disabled={changing.busy}>
                  Save
                </button>
                <button type="button" onClick={() => setRenaming(null)}>
                  Cancel
                </button>
              </form>
            </li>
          ) : (
            <li key={reason.id} className="row">
              {reason.name}
              <button type="button" onClick={() => setRenaming({ id: reason.id, name: reason.name })}>
                Rename
              </button>
              <button
                type="button"
                onClick={() => {
                  if (confirm(`Delete the reason ${reason.name}?`)) void remove(reason.id);
                }}
              >
                Delete
              </button>
            </li>
          ),
        )}
      </ul>
      {category.data && reasons.length === 0 ? <p className="muted">No reasons yet.</p> : null}
      <form onSubmit={add} aria-label="Add a reason" className="row">
        <TextField
          label="New reason"
          value={name}
          onChange={setName}
          error={adding.fields.name}
          maxLength={wrapUpName.max}
          hint={`${NAME_HINT}; at most ${wrapUpReasonsPerCategory.max} per category`}
          required
        />
        <button type="submit" className="primary" disabled={adding.busy}>
          Add
        </button>
      </form>
      <FormError message={adding.error} />
    </section>
  );
}
