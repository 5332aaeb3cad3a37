import { type FormEvent, useEffect, useState } from 'react';
import type { Csq, Team, User } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { Field } from '../ui/form.tsx';
import { CheckboxField, SelectField } from '../ui/inputs.tsx';
import { MultiSelect } from './multi-select.tsx';
import { PRESET_LABELS, PRESETS, presetRange, type ReportQuery } from './report-query.ts';
import { CHANNELS, ROW_SIZES, TEMPLATE_LABELS, TEMPLATES } from './report-types.ts';

const ROW_LABELS: Record<(typeof ROW_SIZES)[number], string> = {
  '15': '15 minutes',
  '30': '30 minutes',
  '60': '1 hour',
  day: '1 day',
};
const AGENT_TEMPLATES = new Set(['agent-summary', 'agent-state', 'agent-detail']);

/** What a report covers: template, dates, row size, filters. Running it puts the query in the address. */
export function ReportForm(props: {
  query: ReportQuery;
  today: string;
  intervalMinutes: number;
  fieldErrors: Record<string, string>;
  onRun: (query: ReportQuery) => void;
}) {
  const { api } = useDesk();
  const [draft, setDraft] = useState(props.query);
  useEffect(() => setDraft(props.query), [props.query]);
  const csqs = useLive(() => api.request<Csq[]>('GET', '/csqs'));
  const teams = useLive(() => api.request<Team[]>('GET', '/teams'));
  const agents = useLive(() => api.request<User[]>('GET', '/users?role=agent&limit=500'));
  const set = (patch: Partial<ReportQuery>) => setDraft((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onRun(draft);
  };
  const agentReport = AGENT_TEMPLATES.has(draft.template);
  return (
    <form className="report-form panel" onSubmit={submit} aria-label="Report">
      <div className="columns">
        <SelectField
          label="Report"
          value={draft.template}
          options={TEMPLATES.map((t) => [t, TEMPLATE_LABELS[t]] as const)}
          onChange={(template) => set({ template })}
        />
        <Field label="From" error={props.fieldErrors.from}>
          {(input) => (
            <input
              {...input}
              type="date"
              value={draft.from}
              max={props.today}
              required
              onChange={(e) => set({ from: e.target.value })}
            />
          )}
        </Field>
        <Field label="To" error={props.fieldErrors.to}>
          {(input) => (
            <input
              {...input}
              type="date"
              value={draft.to}
              required
              onChange={(e) => set({ to: e.target.value })}
            />
          )}
        </Field>
        <SelectField
          label="Rows"
          value={draft.rows}
          options={[
            ['', `Tenant interval (${props.intervalMinutes} min)`],
            ...ROW_SIZES.map((size) => [size, ROW_LABELS[size]] as const),
          ]}
          onChange={(rows) => set({ rows })}
          error={props.fieldErrors.rows}
        />
        <MultiSelect
          label="CSQs"
          all="All CSQs"
          options={(csqs.data ?? []).map((c) => ({ id: c.id, name: c.name }))}
          value={draft.csqIds}
          onChange={(csqIds) => set({ csqIds })}
        />
        {agentReport ? (
          <>
            <MultiSelect
              label="Teams"
              all="All teams"
              options={(teams.data ?? []).map((t) => ({ id: t.id, name: t.name }))}
              value={draft.teamIds}
              onChange={(teamIds) => set({ teamIds })}
            />
            <MultiSelect
              label="Agents"
              all="All agents"
              options={(agents.data ?? []).map((a) => ({ id: a.id, name: a.displayName }))}
              value={draft.agentIds}
              onChange={(agentIds) => set({ agentIds })}
            />
          </>
        ) : null}
        <SelectField
          label="Channel"
          value={draft.channel}
          options={[['', 'All channels'], ...CHANNELS.map((c) => [c, c] as const)]}
          onChange={(channel) => set({ channel })}
        />
      </div>
      <div className="row">
        <span className="muted">Dates:</span>
        {PRESETS.map((preset) => (
          <button key={preset} type="button" onClick={() => set(presetRange(preset, props.today))}>
            {PRESET_LABELS[preset]}
          </button>
        ))}
        <CheckboxField
          label="Summarize (one row each for the whole range)"
          checked={draft.summarize}
          onChange={(summarize) => set({ summarize })}
        />
        <button type="submit" className="primary">
          Run report
        </button>
      </div>
    </form>
  );
}
