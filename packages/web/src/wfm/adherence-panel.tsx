import { type FormEvent, useEffect, useState } from 'react';
import type { ResponseOf } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { clock, duration, STATE_LABELS } from '../ui/format.ts';
import { NumberField } from '../ui/inputs.tsx';
import { dayText, num, pct } from './wfm-area.tsx';

type Board = ResponseOf<'/wfm/adherence/board', 'get'>;
type Row = Board['agents'][number];
type Report = ResponseOf<'/wfm/adherence/report', 'get'>;
type Settings = ResponseOf<'/wfm/adherence/settings', 'get'>;
/** The board is computed from the state trace: read again this often, and at every agent-state event. */
const REFRESH_MS = 15_000;

/** The live adherence board, exceptions, the planned-activity import and the daily report. */
export function AdherencePanel() {
  const { api, me } = useDesk();
  const planner = me.role === 'administrator';
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const board = useLive(
    () => api.request<Board>('GET', '/wfm/adherence/board'),
    (event) => event.type.startsWith('agent.'),
    String(tick),
  );
  const [day, setDay] = useState(dayText());
  const report = useLive(
    () => api.request<Report>('GET', `/wfm/adherence/report?from=${day}&to=${day}`),
    undefined,
    `${day}:${tick}`,
  );
  const now = board.data ? Date.parse(board.data.at) : Date.now();
  const out = (board.data?.agents ?? []).filter((row) => row.outOfAdherence).length;
  return (
    <div className="wfm-panel">
      <FormError message={board.error?.message ?? null} />
      {board.data ? (
        <p aria-live="polite">
          {out === 0 ? 'Everyone adheres.' : `${out} agent${out === 1 ? '' : 's'} out of adherence.`}{' '}
          <span className="muted">
            Out of adherence after {duration(board.data.thresholdSeconds)} in a state the plan does not
            expect.
          </span>
        </p>
      ) : null}
      {(board.data?.agents ?? []).length === 0 ? (
        <p className="muted">No agent in view has planned activities today.</p>
      ) : (
        <table className="grid adherence-board" aria-label="Adherence board">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Planned</th>
              <th scope="col">State</th>
              <th scope="col">Out of adherence</th>
              <th scope="col">Adherence today</th>
              <th scope="col">Conformance</th>
              <th scope="col">
                <span className="visually-hidden">Exception</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(board.data?.agents ?? []).map((row) => (
              <BoardRow key={row.agentId} row={row} now={now} onApproved={board.reload} />
            ))}
          </tbody>
        </table>
      )}
      {planner ? <PlannedImport onImported={board.reload} /> : null}
      {planner ? <RulesForm /> : null}
      <section aria-label="Adherence report" className="wfm-card">
        <h2>Adherence by agent and day</h2>
        <label>
          Day <input type="date" value={day} onChange={(e) => setDay(e.target.value)} />
        </label>
        <table className="grid" aria-label="Adherence report">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Planned (min)</th>
              <th scope="col">Out of adherence (min)</th>
              <th scope="col">Adherence</th>
              <th scope="col">Conformance</th>
            </tr>
          </thead>
          <tbody>
            {(report.data ?? []).map((row) => (
              <tr key={`${row.agentId}:${row.date}`}>
                <td>{row.name}</td>
                <td>{num(row.scheduledMinutes, 0)}</td>
                <td>{num(row.outOfAdherenceMinutes, 0)}</td>
                <td>{pct(row.adherencePct)}</td>
                <td>{pct(row.conformancePct)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function BoardRow(props: { row: Row; now: number; onApproved: () => void }) {
  const { api } = useDesk();
  const { row, now } = props;
  const [note, setNote] = useState('');
  const [open, setOpen] = useState(false);
  // By default the exception lasts to the end of the planned activity: the agent is excused for the rest of it.
  const [until, setUntil] = useState(() => hhmm(row.scheduled?.until ?? new Date(now).toISOString()));
  const submission = useSubmission();
  const approve = async (event: FormEvent) => {
    event.preventDefault();
    const body = { agentId: row.agentId, from: row.since, to: instantAt(until, now), note };
    if (await submission.run(() => api.request('POST', '/wfm/adherence/exceptions', body))) {
      setOpen(false);
      props.onApproved();
    }
  };
  const states = row.states
    .map(
      (s) =>
        `${s.domain === 'voice' ? 'Phone' : 'Digital'}: ${STATE_LABELS[s.state as keyof typeof STATE_LABELS] ?? s.state}${s.reasonCode === null ? '' : ` (${s.reasonCode})`}`,
    )
    .join(', ');
  return (
    <tr className={row.outOfAdherence ? 'out-of-adherence' : ''} data-agent={row.name}>
      <th scope="row">{row.name}</th>
      <td>
        {row.scheduled
          ? `${row.scheduled.activity} until ${clock(row.scheduled.until)}`
          : 'Nothing planned now'}
      </td>
      <td>{states || 'Logged out'}</td>
      <td>
        {row.outOfAdherence && row.since
          ? `${duration((now - Date.parse(row.since)) / 1000)} (since ${clock(row.since)}${row.actual.length ? `, ${row.actual.join(', ')}` : ''})`
          : ''}
      </td>
      <td>{pct(row.adherencePct)}</td>
      <td>{pct(row.conformancePct)}</td>
      <td>
        {row.outOfAdherence ? (
          open ? (
            <form onSubmit={approve} aria-label={`Exception for ${row.name}`} className="wfm-inline">
              <FormError message={submission.error} />
              <label>
                Reason{' '}
                <input value={note} onChange={(e) => setNote(e.target.value)} required maxLength={500} />
              </label>
              <label>
                Until <input type="time" value={until} onChange={(e) => setUntil(e.target.value)} required />
              </label>
              <button type="submit" disabled={submission.busy}>
                Approve
              </button>
            </form>
          ) : (
            <button type="button" onClick={() => setOpen(true)}>
              Approve exception
            </button>
          )
        ) : null}
      </td>
    </tr>
  );
}

/** 'HH:MM' on the browser's clock. */
const hhmm = (iso: string) => {
  const at = new Date(iso);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
};
/** The instant of a 'HH:MM' on the browser's clock: today, or tomorrow when it has passed (a night shift). */
const instantAt = (time: string, now: number) => {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const at = new Date(now);
  at.setHours(hours, minutes, 0, 0);
  return new Date(at.getTime() <= now ? at.getTime() + 86_400_000 : at.getTime()).toISOString();
};

function PlannedImport(props: { onImported: () => void }) {
  const { api } = useDesk();
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submission = useSubmission();
  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const ok = await submission.run(async () => {
      const result = await api.upload<{ activities: number; agents: number }>(
        '/wfm/planned-activities/imports',
        file,
        'text/csv',
      );
      setDone(`${result.activities} activities of ${result.agents} agents imported.`);
    });
    if (ok) props.onImported();
  };
  return (
    <form onSubmit={upload} aria-label="Import planned activities" className="wfm-card">
      <h2>Planned activities</h2>
      <p className="muted">
        A CSV with the columns agent (username), start, end, activity and channels (phone, chat, email or
        any). Each agent's plan over the file's span is replaced.
      </p>
      <FormError message={submission.error} />
      <input
        type="file"
        accept=".csv,text/csv"
        aria-label="Planned activities file"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <button type="submit" disabled={!file || submission.busy}>
        Import
      </button>
      {done ? <p role="status">{done}</p> : null}
    </form>
  );
}

function RulesForm() {
  const { api } = useDesk();
  const settings = useLive(() => api.request<Settings>('GET', '/wfm/adherence/settings'));
  const [threshold, setThreshold] = useState<number | ''>('');
  const submission = useSubmission();
  const current = settings.data;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!current) return;
    const body = {
      ...current,
      thresholdSeconds: Number(threshold === '' ? current.thresholdSeconds : threshold),
    };
    if (await submission.run(() => api.request('PUT', '/wfm/adherence/settings', body))) settings.reload();
  };
  return (
    <form onSubmit={save} aria-label="Adherence threshold" className="wfm-card">
      <h2>Rules</h2>
      <FormError message={submission.error} />
      <ul>
        {(current?.rules ?? []).map((rule) => (
          <li key={`${rule.state}:${rule.reasonCodes?.join(',') ?? ''}:${rule.activity}`}>
            {STATE_LABELS[rule.state as keyof typeof STATE_LABELS] ?? rule.state}
            {rule.reasonCodes ? ` with code ${rule.reasonCodes.join(', ')}` : ''} → {rule.activity}
          </li>
        ))}
      </ul>
      <NumberField
        label="Threshold (seconds)"
        value={threshold === '' ? (current?.thresholdSeconds ?? '') : threshold}
        onChange={setThreshold}
        min={0}
        max={3600}
      />
      <button type="submit" disabled={submission.busy}>
        Save
      </button>
    </form>
  );
}
