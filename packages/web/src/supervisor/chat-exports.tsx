import { type FormEvent, useEffect, useState } from 'react';
import type { Csq, ItemOf } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { Field, FormError, useSubmission } from '../ui/form.tsx';
import { SelectField } from '../ui/inputs.tsx';

type ChatExport = ItemOf<'/chat-records/exports'>;

/** Exports announce nothing on the event stream: the list is read again this often while one is unfinished. */
const FOLLOW_MS = 2000;
const DAY_MS = 86_400_000;
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '');
/** A datetime-local input's value for an instant, in the browser's zone. */
const local = (ms: number) => {
  const at = new Date(ms);
  return new Date(ms - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const STATUS: Record<ChatExport['status'], string> = {
  queued: 'Waiting',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
};

/** Chat records of a period as a CSV file, written in the background: ask, follow, download when completed. */
export function ChatExports() {
  const { api } = useDesk();
  const csqs = useLive(() => api.request<Csq[]>('GET', '/csqs'));
  const exports = useLive(() => api.request<ChatExport[]>('GET', '/chat-records/exports'));
  const [from, setFrom] = useState(() => local(Date.now() - 7 * DAY_MS));
  // The next minute's start: the inputs hold minutes, and chats of the minute now belong in the period.
  const [to, setTo] = useState(() => local(Date.now() + 60_000));
  const [csqId, setCsqId] = useState('');
  const submission = useSubmission();
  const download = useSubmission();
  const unfinished = (exports.data ?? []).some((e) => e.status === 'queued' || e.status === 'running');
  const { reload } = exports;
  useEffect(() => {
    if (!unfinished) return;
    const timer = setInterval(reload, FOLLOW_MS);
    return () => clearInterval(timer);
  }, [unfinished, reload]);

  const ask = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      ...(csqId ? { csqId } : {}),
    };
    if (await submission.run(() => api.request('POST', '/chat-records/exports', body))) reload();
  };
  const save = (done: ChatExport) =>
    download.run(async () => {
      const file = await api.download(`/chat-records/exports/${done.id}/csv`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(file);
      link.download = `chat-records-${done.from.slice(0, 10)}-${done.to.slice(0, 10)}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    });
  const csqName = (id: string | null) =>
    id ? (csqs.data?.find((c) => c.id === id)?.name ?? 'a deleted CSQ') : 'All CSQs';
  return (
    <section aria-labelledby="exports-title">
      <h1 id="exports-title">Chat exports</h1>
      <p className="muted">
        Every web chat created in a period, as a CSV file written in the background. Files are kept for seven
        days after they are finished.
      </p>
      <form onSubmit={ask} aria-label="New chat export">
        <FormError message={submission.error} />
        <Field label="From" error={submission.fields.from}>
          {(input) => (
            <input
              {...input}
              type="datetime-local"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label="To" error={submission.fields.to}>
          {(input) => (
            <input
              {...input}
              type="datetime-local"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              required
            />
          )}
        </Field>
        <SelectField
          label="CSQ"
          value={csqId}
          options={[
            ['', 'All CSQs'],
            ...(csqs.data ?? []).filter((c) => c.channel === 'chat').map((c) => [c.id, c.name] as const),
          ]}
          onChange={setCsqId}
          error={submission.fields.csqId}
        />
        <button type="submit" disabled={submission.busy}>
          Export
        </button>
      </form>
      <FormError message={download.error} />
      {(exports.data ?? []).length === 0 ? (
        <p className="muted">No exports yet.</p>
      ) : (
        <table className="grid" aria-label="Exports">
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">CSQ</th>
              <th scope="col">Status</th>
              <th scope="col">Rows</th>
              <th scope="col">Asked</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {(exports.data ?? []).map((e) => (
              <tr key={e.id}>
                <td>
                  {when(e.from)} – {when(e.to)}
                </td>
                <td>{csqName(e.csqId)}</td>
                <td>
                  {STATUS[e.status]}
                  {e.error ? <span className="muted"> ({e.error})</span> : null}
                </td>
                <td>{e.status === 'completed' ? e.rows : ''}</td>
                <td>{when(e.createdAt)}</td>
                <td>
                  {e.status === 'completed' ? (
                    <button type="button" onClick={() => save(e)} disabled={download.busy}>
                      Download
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
