import { useState } from 'react';
import type { ResponseOf } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { UplotChart } from '../reports/uplot-chart.tsx';
import { FormError, useSubmission } from '../ui/form.tsx';
import { dayText, num, type Workload } from './wfm-area.tsx';
import { intervalLabel, type PlanPoint, staffingChart } from './wfm-charts.ts';

type Plan = ResponseOf<'/wfm/workloads/{id}/plan', 'get'>;
type Pooled = ResponseOf<'/wfm/pooled', 'get'>;

/** One day of the workload: the published (adjusted) forecast, the agents it needs, the agents logged in. */
export function RequirementsPanel({ workload, all }: { workload: Workload; all: readonly Workload[] }) {
  const { api } = useDesk();
  const [day, setDay] = useState(dayText());
  const plan = useLive(
    () => api.request<Plan>('GET', `/wfm/workloads/${workload.id}/plan?from=${day}&to=${day}`),
    undefined,
    `${workload.id}:${day}`,
  );
  const points = (plan.data?.intervals ?? []) as PlanPoint[];
  const shown =
    plan.data?.intervals.filter((i) => (i.adjustedVolume ?? 0) > 0 || (i.loggedInAgents ?? 0) > 0) ?? [];
  const timeZone = plan.data?.timeZone ?? 'UTC';
  const target =
    workload.target.kind === 'service_level'
      ? `${workload.target.percent} % in ${workload.target.seconds} s`
      : workload.target.kind === 'asa'
        ? `ASA ${workload.target.seconds} s`
        : `answered within ${workload.target.seconds} s`;
  return (
    <div className="wfm-panel">
      <p className="muted">
        Staffed to {target}
        {workload.maxOccupancy === null
          ? ''
          : `, at most ${Math.round(workload.maxOccupancy * 100)} % occupancy`}
        , with {Math.round(workload.shrinkage * 100)} % shrinkage.
      </p>
      <label>
        Day <input type="date" value={day} onChange={(e) => setDay(e.target.value)} />
      </label>
      <FormError message={plan.error?.message ?? null} />
      {points.length > 0 ? <UplotChart chart={staffingChart(points, timeZone)} /> : null}
      {shown.length === 0 ? (
        <p className="muted">No forecast or staff on this day.</p>
      ) : (
        <table className="grid" aria-label="Requirement per interval">
          <thead>
            <tr>
              <th scope="col">Interval</th>
              <th scope="col">Forecast</th>
              <th scope="col">AHT (s)</th>
              <th scope="col">Agents</th>
              <th scope="col">Staff</th>
              <th scope="col">Service level</th>
              <th scope="col">Logged in</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((i) => (
              <tr key={i.start}>
                <td>{intervalLabel(i.start, timeZone).slice(11)}</td>
                <td>{num(i.adjustedVolume)}</td>
                <td>{num(i.adjustedAhtSeconds, 0)}</td>
                <td>{i.requiredAgents ?? '—'}</td>
                <td>{i.requiredStaff ?? '—'}</td>
                <td>{i.serviceLevel === null ? '—' : `${(i.serviceLevel * 100).toFixed(1)} %`}</td>
                <td>{num(i.loggedInAgents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PooledSection workload={workload} all={all} day={day} timeZone={timeZone} />
    </div>
  );
}

/**
 * The workload with others of its channel, staffed by agents with all their skills: each on its own against
 * the pool, and the simulator's service level for each at the pooled staff.
 */
function PooledSection(props: {
  workload: Workload;
  all: readonly Workload[];
  day: string;
  timeZone: string;
}) {
  const { api } = useDesk();
  const { workload, day, timeZone } = props;
  const others = props.all.filter((w) => w.id !== workload.id && w.channel === workload.channel);
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<Pooled | null>(null);
  const submission = useSubmission();
  if (others.length === 0 || workload.channel === 'email') return null;
  const pool = async () => {
    const ids = [workload.id, ...chosen].join(',');
    await submission.run(async () =>
      setResult(await api.request<Pooled>('GET', `/wfm/pooled?date=${day}&workloadIds=${ids}`)),
    );
  };
  const names = [workload, ...others.filter((w) => chosen.includes(w.id))].map((w) => w.name);
  const busy = (result?.intervals ?? []).filter((i) => i.separateAgents > 0);
  return (
    <section aria-label="Pooled staffing" className="wfm-card">
      <h2>Pooled with other workloads</h2>
      <p className="muted">
        Agents with every skill of the pool take all its queues: fewer are needed than for each on its own.
        The simulator checks what each workload gets with the pooled staff.
      </p>
      <fieldset>
        <legend>Pool {workload.name} with</legend>
        {others.map((w) => (
          <label key={w.id} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(w.id)}
              onChange={(e) =>
                setChosen(e.target.checked ? [...chosen, w.id] : chosen.filter((id) => id !== w.id))
              }
            />
            {w.name}
          </label>
        ))}
      </fieldset>
      <FormError message={submission.error} />
      <button
        type="button"
        disabled={chosen.length === 0 || submission.busy}
        aria-busy={submission.busy}
        onClick={() => void pool()}
      >
        {submission.busy ? 'Simulating…' : 'Compare'}
      </button>
      {result ? (
        <>
          <p role="status">
            {num(result.total.separateAgentHours)} agent hours each on its own,{' '}
            {num(result.total.pooledAgentHours)} pooled
            {result.total.simulated?.serviceLevel == null
              ? '.'
              : `; simulated service level at the pooled staff ${(result.total.simulated.serviceLevel * 100).toFixed(1)} %.`}
          </p>
          <table className="grid" aria-label="Pooled requirement per interval">
            <thead>
              <tr>
                <th scope="col">Interval</th>
                <th scope="col">Each on its own</th>
                <th scope="col">Pooled</th>
                {names.map((name) => (
                  <th scope="col" key={name}>
                    {name}: simulated SL
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {busy.map((i) => (
                <tr key={i.start}>
                  <td>{intervalLabel(i.start, timeZone).slice(11)}</td>
                  <td>{i.separateAgents}</td>
                  <td>{i.pooledAgents}</td>
                  {i.workloads.map((figures, w) => (
                    <td key={names[w]}>
                      {figures?.serviceLevel == null ? '—' : `${(figures.serviceLevel * 100).toFixed(1)} %`}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
