import { useEffect, useRef } from 'react';
import type { AgentLive, ResponseOf } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { duration } from '../ui/format.ts';
import { changesFiguresOf } from './figures-changed.ts';

export type AgentToday = ResponseOf<'/agents/stats/today', 'get'>['agents'][number];
type StateSeconds = AgentToday['voice'];

const STATES = [
  ['ready', 'Ready'],
  ['notReady', 'Not ready'],
  ['reserved', 'Reserved'],
  ['active', 'Active'],
  ['work', 'Work'],
] as const;

/** Many events in a busy team make one reload; the open state's time also moves without events. */
const COALESCE_MS = 2000;
const REFRESH_MS = 60_000;

/** Each agent's figures today as the server computes them (GET /agents/stats/today), kept fresh. */
export function useAgentsToday() {
  const { api } = useDesk();
  const shown = useRef<ReadonlySet<string> | null>(null);
  const stats = useLive(
    async () => {
      const today = await api.request<ResponseOf<'/agents/stats/today', 'get'>>('GET', '/agents/stats/today');
      shown.current = new Set(today.agents.map((a) => a.agentId));
      return { ...today, fetchedAt: Date.now() };
    },
    (event) => changesFiguresOf(shown.current, event),
    '',
    COALESCE_MS,
  );
  useEffect(() => {
    const timer = setInterval(stats.reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [stats.reload]);
  return {
    byAgent: new Map((stats.data?.agents ?? []).map((a) => [a.agentId, a])),
    fetchedAt: stats.data?.fetchedAt ?? 0,
  };
}

const KEY_OF_STATE: Record<string, keyof StateSeconds> = {
  ready: 'ready',
  not_ready: 'notReady',
  reserved: 'reserved',
  active: 'active',
  work: 'work',
  logged_out: 'loggedOut',
};

/** The server's figures, with the state the agent is in now running on since they were fetched. */
export function runningOn(
  times: StateSeconds,
  state: string | undefined,
  elapsedSeconds: number,
): StateSeconds {
  const key = state ? KEY_OF_STATE[state] : undefined;
  return key ? { ...times, [key]: times[key] + Math.max(0, Math.floor(elapsedSeconds)) } : times;
}

function StateTimes(props: { label: string; times: StateSeconds }) {
  return (
    <div>
      <span className="muted">{props.label}:</span>{' '}
      {STATES.map(([key, label]) => `${label} ${duration(props.times[key])}`).join(' · ')}
    </div>
  );
}

/** Handled, AHT and time in each state today, as three cells of the team view's row. */
export function TodayCells(props: {
  today: AgentToday | undefined;
  live: AgentLive | undefined;
  elapsedSeconds: number;
}) {
  const today = props.today;
  if (!today) return <td colSpan={3} className="muted" aria-busy="true" />;
  const t = {
    ...today,
    voice: runningOn(today.voice, props.live?.voice.state, props.elapsedSeconds),
    digital: runningOn(today.digital, props.live?.digital.state, props.elapsedSeconds),
  };
  const signedIn = (times: StateSeconds) => STATES.some(([key]) => times[key] > 0);
  return (
    <>
      <td data-testid="agent-handled-today">{t.handled}</td>
      <td data-testid="agent-aht-today">
        {t.averageHandleSeconds === null ? '—' : duration(t.averageHandleSeconds)}
      </td>
      <td data-testid="agent-states-today" className="state-times">
        {signedIn(t.digital) ? <StateTimes label="Chat & email" times={t.digital} /> : null}
        {signedIn(t.voice) ? <StateTimes label="Voice" times={t.voice} /> : null}
        {signedIn(t.digital) || signedIn(t.voice) ? null : <span className="muted">Not signed in today</span>}
      </td>
    </>
  );
}
