import { useState } from 'react';
import type { ResponseOf } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { UplotChart } from '../reports/uplot-chart.tsx';
import { FormError } from '../ui/form.tsx';
import { dayText, num, type Workload } from './wfm-area.tsx';
import { intervalLabel, type PlanPoint, staffingChart } from './wfm-charts.ts';

type Plan = ResponseOf<'/wfm/workloads/{id}/plan', 'get'>;

/** One day of the workload: the published (adjusted) forecast, the agents it needs, the agents logged in. */
export function RequirementsPanel({ workload }: { workload: Workload }) {
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
    </div>
  );
}
