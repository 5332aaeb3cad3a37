import { type FormEvent, useEffect, useState } from 'react';
import type { ResponseOf } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { UplotChart } from '../reports/uplot-chart.tsx';
import { FormError, useSubmission } from '../ui/form.tsx';
import { NumberField } from '../ui/inputs.tsx';
import { num, type Workload } from './wfm-area.tsx';
import { type IntradayPoint, intervalLabel, intradayChart, overUnderChart } from './wfm-charts.ts';

type Intraday = ResponseOf<'/wfm/workloads/{id}/intraday', 'get'>;
type WhatIf = ResponseOf<'/wfm/workloads/{id}/what-if', 'post'>;
/** Today changes as intervals close: read again this often. */
const REFRESH_MS = 60_000;

/** Today as it goes: actuals against the forecast, the reforecast, over and under staffing, and what-if. */
export function IntradayPanel({ workload }: { workload: Workload }) {
  const { api } = useDesk();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const today = useLive(
    () => api.request<Intraday>('GET', `/wfm/workloads/${workload.id}/intraday`),
    undefined,
    `${workload.id}:${tick}`,
  );
  const [volume, setVolume] = useState<number | ''>(100);
  const [aht, setAht] = useState<number | ''>(100);
  const [delta, setDelta] = useState<number | ''>(0);
  const [result, setResult] = useState<WhatIf | null>(null);
  const submission = useSubmission();
  const simulate = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      volumeFactor: Number(volume || 0) / 100,
      ahtFactor: Number(aht || 100) / 100,
      staffDelta: Number(delta || 0),
    };
    await submission.run(async () =>
      setResult(await api.request<WhatIf>('POST', `/wfm/workloads/${workload.id}/what-if`, body)),
    );
  };
  const data = today.data;
  const points = (data?.intervals ?? []) as IntradayPoint[];
  const zone = data?.timeZone ?? 'UTC';
  const open = points.filter((p) => (p.forecastVolume ?? 0) > 0 || (p.actualVolume ?? 0) > 0);
  return (
    <div className="wfm-panel">
      <FormError message={today.error?.message ?? null} />
      {data ? (
        <p className="muted">
          {data.date}: actuals known until {new Date(data.asOf).toLocaleTimeString()}.{' '}
          {data.rule
            ? `The rest of the day is scaled by the actuals of ${
                data.rule.recentWeight === 0
                  ? 'the day so far'
                  : `the last ${data.rule.recentMinutes} minutes`
              }.`
            : ''}{' '}
          {data.notes.join(' ')}
        </p>
      ) : null}
      {open.length > 0 ? (
        <>
          <UplotChart chart={intradayChart(open, zone)} />
          <UplotChart chart={overUnderChart(open, zone)} />
        </>
      ) : null}
      <form onSubmit={simulate} aria-label="What if" className="wfm-inline">
        <FormError message={submission.error} />
        <NumberField
          label="Contacts (% of reforecast)"
          value={volume}
          onChange={setVolume}
          min={0}
          max={500}
        />
        <NumberField label="Handle time (%)" value={aht} onChange={setAht} min={1} max={500} />
        <NumberField label="Agents added (or taken)" value={delta} onChange={setDelta} min={-500} max={500} />
        <button type="submit" disabled={submission.busy} aria-busy={submission.busy}>
          {submission.busy ? 'Simulating…' : 'Simulate the rest of today'}
        </button>
      </form>
      {result ? (
        <p role="status" className="wfm-card">
          Over {result.replications} simulated days: {num(result.total.offered, 0)} contacts, service level{' '}
          {result.total.serviceLevel === null ? '—' : `${(result.total.serviceLevel * 100).toFixed(1)} %`},
          ASA {num(result.total.asaSeconds, 0)} s, {num(result.total.abandoned, 0)} abandoned.
        </p>
      ) : null}
      {open.length > 0 ? (
        <table className="grid" aria-label="Today per interval">
          <thead>
            <tr>
              <th scope="col">Interval</th>
              <th scope="col">Actual</th>
              <th scope="col">Forecast</th>
              <th scope="col">Reforecast</th>
              <th scope="col">Required</th>
              <th scope="col">Staff</th>
              <th scope="col">Over / under</th>
            </tr>
          </thead>
          <tbody>
            {open.map((p) => (
              <tr key={p.start} className={(p.overUnder ?? 0) < 0 ? 'under' : ''}>
                <td>{intervalLabel(p.start, zone).slice(11)}</td>
                <td>{num(p.actualVolume, 0)}</td>
                <td>{num(p.forecastVolume)}</td>
                <td>{num(p.reforecastVolume)}</td>
                <td>{p.requiredAgents ?? '—'}</td>
                <td>{num(p.loggedInAgents ?? p.projectedAgents)}</td>
                <td>{num(p.overUnder)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
