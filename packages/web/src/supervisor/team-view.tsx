import { useState } from 'react';
import type { AgentLive, Domain, ReasonCode, Skill } from '../api/types.ts';
import { useDesk, useLive, useNow } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { STATE_LABELS, since } from '../ui/format.ts';
import { reasonLabel } from '../ui/reason-label.ts';
import { TodayCells, useAgentsToday } from './agent-today.tsx';
import { MonitorButtons, MonitorPanel, useLiveChats } from './monitor-panel.tsx';
import { Reskill } from './reskill.tsx';
import { type TeamRow, useTeam } from './use-team.ts';

/** Team view: every agent's state per domain and time in it, their contacts, and a supervisor's controls. */
export function TeamView() {
  const { api } = useDesk();
  const { rows, teams, reasons } = useTeam();
  const skills = useLive(() => api.request<Skill[]>('GET', '/skills'));
  const now = useNow();
  const today = useAgentsToday();
  const [reskilling, setReskilling] = useState<string | null>(null);
  const chats = useLiveChats();
  const [monitoring, setMonitoring] = useState<string | null>(null);
  const teamName = (id: string | null) => teams.find((t) => t.id === id)?.name ?? '—';
  return (
    <section aria-labelledby="team-title">
      <h1 id="team-title">Team</h1>
      <table className="grid" aria-describedby="team-caption">
        <caption id="team-caption" className="visually-hidden">
          Agents with their voice and digital state, time in state, current contacts, and today's handled
          contacts, average handle time and time in each state
        </caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Team</th>
            <th scope="col">Voice</th>
            <th scope="col">Chat & email</th>
            <th scope="col">Contacts</th>
            <th scope="col">Handled today</th>
            <th scope="col">AHT today</th>
            <th scope="col">Time in state today</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.user.id} data-agent={row.user.username}>
              <th scope="row">
                {row.user.shownName} <span className="muted">{row.user.username}</span>
              </th>
              <td>{teamName(row.user.teamId)}</td>
              <StateCell row={row} domain="voice" now={now} reasons={reasons} />
              <StateCell row={row} domain="digital" now={now} reasons={reasons} />
              <td data-testid="agent-load">
                {row.live ? row.live.load.voice + row.live.load.chat + row.live.load.email : 0}
              </td>
              <TodayCells
                today={today.byAgent.get(row.user.id)}
                live={row.live}
                elapsedSeconds={(now - today.fetchedAt) / 1000}
              />
              <td>
                <ChangeState row={row} reasons={reasons} />
                <button type="button" onClick={() => setReskilling(row.user.id)}>
                  Skills…
                </button>
                <MonitorButtons
                  contactIds={row.live?.contacts ?? []}
                  chats={chats}
                  agentName={row.user.shownName}
                  onMonitor={setMonitoring}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="muted">No agents in the teams you supervise.</p> : null}
      {monitoring ? (
        <MonitorPanel key={monitoring} contactId={monitoring} onClose={() => setMonitoring(null)} />
      ) : null}
      {reskilling ? (
        <Reskill
          user={rows.find((r) => r.user.id === reskilling)?.user}
          skills={skills.data ?? []}
          onClose={() => setReskilling(null)}
        />
      ) : null}
    </section>
  );
}

function StateCell(props: { row: TeamRow; domain: Domain; now: number; reasons: ReasonCode[] }) {
  const state = props.row.live?.[props.domain];
  if (!state) return <td className="muted">Logged out</td>;
  const reason = reasonLabel(props.reasons, state);
  return (
    <td className={`state-${state.state}`} data-testid={`agent-${props.domain}`}>
      {STATE_LABELS[state.state]}
      {reason ? ` (${reason})` : ''} <span className="muted">{since(state.since, props.now)}</span>
    </td>
  );
}

/** A supervisor puts an agent Ready, Not Ready with a reason, or logs them out. */
function ChangeState(props: { row: TeamRow; reasons: ReasonCode[] }) {
  const { api } = useDesk();
  const [choice, setChoice] = useState('');
  const submission = useSubmission();
  const name = props.row.user.shownName;
  const apply = () =>
    submission.run(async () => {
      const [domain, state, code] = choice.split(':') as [Domain, string, string | undefined];
      await api.request<AgentLive>('PUT', `/agents/${props.row.user.id}/state`, {
        domain,
        state,
        ...(code ? { reasonCode: Number(code) } : {}),
      });
      setChoice('');
    });
  return (
    <span className="change-state">
      <label>
        <span className="visually-hidden">New state for {name}</span>
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Set state…</option>
          {(['digital', 'voice'] as const).map((domain) => (
            <optgroup key={domain} label={domain === 'voice' ? 'Voice' : 'Chat & email'}>
              <option value={`${domain}:ready`}>Ready</option>
              {props.reasons
                .filter((r) => r.kind === 'not_ready')
                .map((r) => (
                  <option key={r.id} value={`${domain}:not_ready:${r.code}`}>
                    Not ready — {r.label}
                  </option>
                ))}
              <option value={`${domain}:logged_out`}>Log out</option>
            </optgroup>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={!choice || submission.busy}
        onClick={apply}
        aria-label={`Apply state to ${name}`}
      >
        Apply
      </button>
      <FormError message={submission.error} />
    </span>
  );
}
