import { type FormEvent, useEffect, useState } from 'react';
import type { ItemOf, User } from '../api/types.ts';
import { useDesk } from '../live/hooks.ts';
import { Field, FormError, useSubmission } from '../ui/form.tsx';
import { SelectField } from '../ui/inputs.tsx';

type AuditEntry = ItemOf<'/audit-log'>;

const PAGE = 50;

const ACTIONS = [
  ['', 'Any action'],
  ['create', 'Created'],
  ['update', 'Changed'],
  ['delete', 'Deleted'],
  ['sign_in', 'Signed in'],
  ['sign_in_failed', 'Sign-in failed'],
  ['sign_in_delayed', 'Sign-in delayed'],
  ['password_check_failed', 'Wrong current password'],
  ['password_change', 'Password changed'],
  ['monitor_start', 'Chat monitored'],
  ['barge_start', 'Barged into chat'],
] as const;
type ActionFilter = (typeof ACTIONS)[number][0];
const ACTION_LABEL = new Map<string, string>(ACTIONS);

interface Filter {
  actorId: string;
  action: ActionFilter;
  from: string;
  to: string;
}

const NO_FILTER: Filter = { actorId: '', action: '', from: '', to: '' };

/** The query for a filter: days are the browser's own, `to` taken whole. */
function queryOf(filter: Filter, before?: string): string {
  const params = new URLSearchParams({ limit: String(PAGE) });
  if (before) params.set('before', before);
  if (filter.actorId) params.set('actorId', filter.actorId);
  if (filter.action) params.set('action', filter.action);
  if (filter.from) params.set('since', new Date(`${filter.from}T00:00`).toISOString());
  if (filter.to) {
    const end = new Date(`${filter.to}T00:00`);
    end.setDate(end.getDate() + 1);
    params.set('until', end.toISOString());
  }
  return params.toString();
}

/** The audit log: every configuration change, sign-in and password change, newest first, with filters. */
export function AuditLogPage() {
  const { api } = useDesk();
  const [users, setUsers] = useState<User[]>([]);
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [pages, setPages] = useState<AuditEntry[][]>([]);
  const [done, setDone] = useState(false);
  const submission = useSubmission();
  const load = (applied: Filter, before?: string) =>
    submission.run(async () => {
      const page = await api.request<AuditEntry[]>('GET', `/audit-log?${queryOf(applied, before)}`);
      setPages((p) => (before ? [...p, page] : [page]));
      setDone(page.length < PAGE);
    });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the applied filter changes
  useEffect(() => {
    void load(filter);
  }, [filter]);
  useEffect(() => {
    api.request<User[]>('GET', '/users?limit=500').then(setUsers, () => setUsers([]));
  }, [api]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
  };
  const entries = pages.flat();
  const who: readonly (readonly [string, string])[] = [
    ['', 'Anyone'],
    ...users.map((u) => [u.id, `${u.displayName} (${u.username})`] as const),
  ];
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <form className="row audit-filter" onSubmit={apply} aria-label="Filter the audit log">
        <SelectField
          label="Who"
          value={draft.actorId}
          options={who}
          onChange={(actorId) => setDraft({ ...draft, actorId })}
        />
        <SelectField
          label="Action"
          value={draft.action}
          options={ACTIONS}
          onChange={(action) => setDraft({ ...draft, action })}
        />
        <Field label="From">
          {(input) => (
            <input
              {...input}
              type="date"
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            />
          )}
        </Field>
        <Field label="To">
          {(input) => (
            <input
              {...input}
              type="date"
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            />
          )}
        </Field>
        <button type="submit" disabled={submission.busy}>
          Show
        </button>
      </form>
      <FormError message={submission.error} />
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Record</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{new Date(e.at).toLocaleString()}</td>
              <td>{e.actorName}</td>
              <td>{ACTION_LABEL.get(e.action) ?? e.action}</td>
              <td>
                {e.entityType} <strong>{e.record ?? e.entityId}</strong>
              </td>
              <td>
                <details>
                  <summary>before / after</summary>
                  <pre>{JSON.stringify({ before: e.before, after: e.after }, null, 2)}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 && !submission.busy ? <p className="muted">Nothing matches.</p> : null}
      {!done && entries.length > 0 ? (
        <button type="button" onClick={() => load(filter, entries.at(-1)?.id)} disabled={submission.busy}>
          Older entries
        </button>
      ) : null}
    </section>
  );
}
