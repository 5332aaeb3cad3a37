import { type FormEvent, useMemo, useState } from 'react';
import type { ResponseOf } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { UplotChart } from '../reports/uplot-chart.tsx';
import { FormError, useSubmission } from '../ui/form.tsx';
import { NumberField, TextField } from '../ui/inputs.tsx';
import { dayText, pct, type Workload } from './wfm-area.tsx';
import { ahtChart, type PlanPoint, volumeChart } from './wfm-charts.ts';

type Forecast = ResponseOf<'/wfm/forecasts/{id}', 'get'>;
type ForecastSummary = Forecast extends infer F ? Omit<F, 'intervals'> : never;
type Plan = ResponseOf<'/wfm/workloads/{id}/plan', 'get'>;
type Adjustment = ResponseOf<'/wfm/workloads/{id}/adjustments', 'get'>[number];
type SpecialDay = ResponseOf<'/wfm/special-days', 'get'>[number];
interface Score {
  method: string;
  wapePct: number | null;
}
interface Holdout {
  holdoutFrom: string;
  days: number;
  chosen: string | null;
  holdout: Score[];
  intraday: { dayAhead: { wapePct: number | null }; updated: { wapePct: number | null } } | null;
  noiseFloorPct: number | null;
}

/** History against the forecast, the methods' scores, publishing, adjustments and special days. */
export function ForecastPanel({ workload, planner }: { workload: Workload; planner: boolean }) {
  const { api } = useDesk();
  const forecasts = useLive(
    () => api.request<ForecastSummary[]>('GET', `/wfm/workloads/${workload.id}/forecasts`),
    undefined,
    workload.id,
  );
  const latest = forecasts.data?.[0] ?? null;
  const draft = useLive(
    () =>
      latest && latest.status === 'draft'
        ? api.request<Forecast>('GET', `/wfm/forecasts/${latest.id}`)
        : Promise.resolve(null),
    undefined,
    latest?.id ?? '',
  );
  const [from, setFrom] = useState(dayText(-7));
  const [to, setTo] = useState(dayText(7));
  const plan = useLive(
    () => api.request<Plan>('GET', `/wfm/workloads/${workload.id}/plan?from=${from}&to=${to}`),
    undefined,
    `${workload.id}:${from}:${to}:${forecasts.data?.length ?? 0}`,
  );
  const [days, setDays] = useState<number | ''>(14);
  const [firstDay, setFirstDay] = useState(dayText(1));
  const run = useSubmission();
  const publish = useSubmission();
  const draftVolumes = useMemo(
    () => new Map((draft.data?.intervals ?? []).map((i) => [i.start, i.volume] as const)),
    [draft.data],
  );
  const points = (plan.data?.intervals ?? []) as PlanPoint[];
  const timeZone = plan.data?.timeZone ?? 'UTC';
  const forecastNow = async (event: FormEvent) => {
    event.preventDefault();
    if (
      await run.run(() =>
        api.request('POST', `/wfm/workloads/${workload.id}/forecasts`, {
          firstDay,
          days: Number(days || 14),
        }),
      )
    )
      forecasts.reload();
  };
  const holdout = latest?.evaluation.holdout as Holdout | null | undefined;
  return (
    <div className="wfm-panel">
      {planner ? (
        <form onSubmit={forecastNow} aria-label="Run a forecast" className="wfm-inline">
          <FormError message={run.error} />
          <label>
            First day{' '}
            <input type="date" value={firstDay} onChange={(e) => setFirstDay(e.target.value)} required />
          </label>
          <NumberField label="Days" value={days} onChange={setDays} min={1} max={60} />
          <button type="submit" disabled={run.busy} aria-busy={run.busy}>
            {run.busy ? 'Forecasting…' : 'Run forecast'}
          </button>
        </form>
      ) : null}
      {latest ? (
        <section className="wfm-card" aria-label="Latest forecast">
          <p>
            Latest forecast: <strong>{latest.method}</strong>, {latest.days} days from {latest.firstDay},{' '}
            <span className={`status-${latest.status}`}>{latest.status}</span>
            {latest.publishedAt ? ` ${new Date(latest.publishedAt).toLocaleString()}` : ''}.
          </p>
          {latest.evaluation.notes.map((note) => (
            <p key={note} className="muted">
              {note}
            </p>
          ))}
          {planner && latest.status === 'draft' ? (
            <>
              <FormError message={publish.error} />
              <button
                type="button"
                disabled={publish.busy}
                onClick={async () => {
                  if (await publish.run(() => api.request('POST', `/wfm/forecasts/${latest.id}/publish`)))
                    forecasts.reload();
                }}
              >
                Publish
              </button>
            </>
          ) : null}
          <MethodTable
            scores={latest.evaluation.backtest?.scores ?? []}
            holdout={holdout ?? null}
            best={latest.method}
          />
        </section>
      ) : (
        <p className="muted">No forecast yet.</p>
      )}
      <div className="wfm-inline">
        <label>
          Chart from <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          to <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      <FormError message={plan.error?.message ?? null} />
      {points.length > 0 ? (
        <>
          <UplotChart chart={volumeChart(points, timeZone, draftVolumes)} />
          <UplotChart chart={ahtChart(points, timeZone)} />
        </>
      ) : null}
      <Adjustments workload={workload} planner={planner} onChange={plan.reload} />
      <SpecialDays workload={workload} planner={planner} />
    </div>
  );
}

function MethodTable(props: { scores: Score[]; holdout: Holdout | null; best: string }) {
  const { scores, holdout, best } = props;
  if (scores.length === 0) return null;
  return (
    <table className="grid" aria-label="Methods">
      <caption>
        Day-ahead WAPE of each method: on the latest weeks (which chose the method)
        {holdout
          ? `, and on the ${holdout.days} days from ${holdout.holdoutFrom} held out of every choice`
          : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Method</th>
          <th scope="col">Latest weeks</th>
          {holdout ? <th scope="col">Holdout</th> : null}
        </tr>
      </thead>
      <tbody>
        {scores.map((score) => (
          <tr key={score.method} className={score.method === best ? 'chosen' : ''}>
            <td>
              {score.method}
              {score.method === best ? ' (used)' : ''}
            </td>
            <td>{pct(score.wapePct, 2)}</td>
            {holdout ? (
              <td>{pct(holdout.holdout.find((h) => h.method === score.method)?.wapePct, 2)}</td>
            ) : null}
          </tr>
        ))}
      </tbody>
      {holdout ? (
        <tfoot>
          <tr>
            <td colSpan={3}>
              Noise floor {pct(holdout.noiseFloorPct, 2)}; the afternoon updated from noon:{' '}
              {pct(holdout.intraday?.updated.wapePct, 2)} against {pct(holdout.intraday?.dayAhead.wapePct, 2)}{' '}
              a day ahead.
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

function Adjustments(props: { workload: Workload; planner: boolean; onChange: () => void }) {
  const { api } = useDesk();
  const list = useLive(
    () => api.request<Adjustment[]>('GET', `/wfm/workloads/${props.workload.id}/adjustments`),
    undefined,
    props.workload.id,
  );
  const [from, setFrom] = useState(`${dayText(1)}T09:00`);
  const [to, setTo] = useState(`${dayText(1)}T12:00`);
  const [factor, setFactor] = useState<number | ''>(110);
  const [note, setNote] = useState('');
  const submission = useSubmission();
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      volumeFactor: Number(factor || 100) / 100,
      note,
    };
    if (
      await submission.run(() => api.request('POST', `/wfm/workloads/${props.workload.id}/adjustments`, body))
    ) {
      setNote('');
      list.reload();
      props.onChange();
    }
  };
  const remove = async (id: string) => {
    await api.request('DELETE', `/wfm/adjustments/${id}`);
    list.reload();
    props.onChange();
  };
  return (
    <section aria-label="Adjustments" className="wfm-card">
      <h2>Adjustments</h2>
      {props.planner ? (
        <form onSubmit={add} aria-label="New adjustment" className="wfm-inline">
          <FormError message={submission.error} />
          <label>
            From{' '}
            <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} required />
          </label>
          <label>
            To <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} required />
          </label>
          <NumberField label="Volume (%)" value={factor} onChange={setFactor} min={0} max={1000} />
          <TextField label="Why" value={note} onChange={setNote} required />
          <button type="submit" disabled={submission.busy}>
            Adjust
          </button>
        </form>
      ) : null}
      {(list.data ?? []).length === 0 ? (
        <p className="muted">No adjustments.</p>
      ) : (
        <table className="grid" aria-label="Adjustment trail">
          <thead>
            <tr>
              <th scope="col">Span</th>
              <th scope="col">Volume</th>
              <th scope="col">Why</th>
              <th scope="col">Made</th>
              <th scope="col">Removed</th>
            </tr>
          </thead>
          <tbody>
            {(list.data ?? []).map((a) => (
              <tr key={a.id} className={a.removedAt ? 'removed' : ''}>
                <td>
                  {new Date(a.from).toLocaleString()} – {new Date(a.to).toLocaleString()}
                </td>
                <td>{a.volumeFactor === null ? '—' : `× ${a.volumeFactor}`}</td>
                <td>{a.note}</td>
                <td>{new Date(a.createdAt).toLocaleString()}</td>
                <td>
                  {a.removedAt ? (
                    new Date(a.removedAt).toLocaleString()
                  ) : props.planner ? (
                    <button type="button" onClick={() => void remove(a.id)}>
                      Remove
                    </button>
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SpecialDays(props: { workload: Workload; planner: boolean }) {
  const { api } = useDesk();
  const list = useLive(() => api.request<SpecialDay[]>('GET', '/wfm/special-days'));
  const [date, setDate] = useState(dayText(7));
  const [name, setName] = useState('');
  const [factor, setFactor] = useState<number | ''>('');
  const submission = useSubmission();
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      workloadId: props.workload.id,
      date,
      name,
      closed: factor === 0,
      ...(factor === '' || factor === 0 ? {} : { factor: Number(factor) / 100 }),
    };
    if (await submission.run(() => api.request('POST', '/wfm/special-days', body))) list.reload();
  };
  const mine = (list.data ?? []).filter((d) => d.workloadId === null || d.workloadId === props.workload.id);
  return (
    <section aria-label="Special days" className="wfm-card">
      <h2>Special days</h2>
      {props.planner ? (
        <form onSubmit={add} aria-label="New special day" className="wfm-inline">
          <FormError message={submission.error} />
          <label>
            Date <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
          </label>
          <TextField label="Name" value={name} onChange={setName} required />
          <NumberField
            label="Volume (% of a normal day)"
            hint="0: closed; empty: learned from earlier special days"
            value={factor}
            onChange={setFactor}
            min={0}
            max={1000}
          />
          <button type="submit" disabled={submission.busy}>
            Add
          </button>
        </form>
      ) : null}
      {mine.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {mine.map((d) => (
            <li key={d.id}>
              {d.date} {d.name}:{' '}
              {d.closed ? 'closed' : d.factor === null ? 'factor learned' : `${Math.round(d.factor * 100)} %`}
              {d.workloadId === null ? ' (every workload)' : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
