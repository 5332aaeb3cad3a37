import { useEffect, useState } from 'react';
import type { ResponseOf } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { SelectField } from '../ui/inputs.tsx';
import { AdherencePanel } from './adherence-panel.tsx';
import { ForecastPanel } from './forecast-panel.tsx';
import { IntradayPanel } from './intraday-panel.tsx';
import { RequirementsPanel } from './requirements-panel.tsx';
import { WorkloadForm } from './workload-form.tsx';
import './wfm.css';

export type Workload = ResponseOf<'/wfm/workloads/{id}', 'get'>;

const TABS = [
  ['forecast', 'Forecast'],
  ['requirements', 'Requirements'],
  ['intraday', 'Intraday'],
  ['adherence', 'Adherence'],
] as const;
type Tab = (typeof TABS)[number][0];

/**
 * Workforce management: forecasts of each workload with their evaluation, the staff they require, today as it
 * goes, and real-time adherence. Planners (administrators) run, adjust and publish; supervisors read and
 * approve adherence exceptions.
 */
export function WorkforcePage() {
  const { api, me } = useDesk();
  const planner = me.role === 'administrator';
  const workloads = useLive(() => api.request<Workload[]>('GET', '/wfm/workloads'));
  const [tab, setTab] = useState<Tab>('forecast');
  const [chosen, setChosen] = useState('');
  const [creating, setCreating] = useState(false);
  const list = workloads.data ?? [];
  useEffect(() => {
    if (chosen === '' && list[0]) setChosen(list[0].id);
  }, [chosen, list]);
  const workload = list.find((w) => w.id === chosen) ?? null;
  return (
    <section aria-labelledby="wfm-title" className="wfm">
      <h1 id="wfm-title">Workforce</h1>
      <div className="wfm-bar">
        {list.length > 0 ? (
          <SelectField
            label="Workload"
            value={chosen}
            options={list.map((w) => [w.id, `${w.name} (${w.channel})`] as const)}
            onChange={setChosen}
          />
        ) : (
          <p className="muted">No workloads yet{planner ? ': create the first one.' : '.'}</p>
        )}
        {planner ? (
          <button type="button" onClick={() => setCreating(!creating)}>
            {creating ? 'Close' : 'New workload'}
          </button>
        ) : null}
      </div>
      {creating ? (
        <WorkloadForm
          onSaved={(id) => {
            setCreating(false);
            setChosen(id);
            workloads.reload();
          }}
        />
      ) : null}
      <div role="tablist" aria-label="Workforce views" className="wfm-tabs">
        {TABS.map(([key, label]) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={tab === key}
            className={tab === key ? 'active' : ''}
            onClick={() => setTab(key)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={TABS.find(([key]) => key === tab)?.[1]}>
        {tab === 'adherence' ? (
          <AdherencePanel />
        ) : workload === null ? (
          <p className="muted">Choose a workload.</p>
        ) : tab === 'forecast' ? (
          <ForecastPanel workload={workload} planner={planner} />
        ) : tab === 'requirements' ? (
          <RequirementsPanel workload={workload} all={list} />
        ) : (
          <IntradayPanel workload={workload} />
        )}
      </div>
    </section>
  );
}

/** Today on the browser's clock, 'YYYY-MM-DD', shifted by `days`. */
export function dayText(days = 0): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export const pct = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? '—' : `${value.toFixed(digits)} %`;
export const num = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? '—' : value.toFixed(digits);
