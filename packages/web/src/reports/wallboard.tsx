import { NO_THRESHOLDS, queueLevels, type ThresholdLevel } from '@switchboard/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { ItemOf, LiveEvent } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { duration } from '../ui/format.ts';
import { MultiSelect } from './multi-select.tsx';
import { percent } from './report-format.ts';
import './reports.css';

type QueueRow = ItemOf<'/queues'>;

const REFRESH_MS = 5000;
const DEFAULT_SECONDS = 10;
const routerEvent = (event: LiveEvent) =>
  event.type.startsWith('contact.') || event.type === 'agent.state_changed';

/** The chosen CSQs and the seconds each shows, from the address so a wall screen's link keeps them. */
function useWallboardChoice() {
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const csqIds = (search.get('csqIds') ?? '').split(',').filter(Boolean);
  const seconds = Math.min(300, Math.max(3, Number(search.get('seconds')) || DEFAULT_SECONDS));
  const choose = (next: { csqIds?: string[]; seconds?: number }) => {
    const params = new URLSearchParams();
    const ids = next.csqIds ?? csqIds;
    if (ids.length > 0) params.set('csqIds', ids.join(','));
    params.set('seconds', String(next.seconds ?? seconds));
    navigate(`/wallboard?${params}`, { replace: true });
  };
  return { csqIds, seconds, choose };
}

/** A wall screen: one CSQ at a time in large figures, coloured by its thresholds, the next every N seconds. */
export function Wallboard() {
  const { api } = useDesk();
  const queues = useLive(() => api.request<QueueRow[]>('GET', '/queues'), routerEvent, '', 1000);
  const { csqIds, seconds, choose } = useWallboardChoice();
  const [turn, setTurn] = useState(0);
  const board = useRef<HTMLDivElement>(null);
  const { reload } = queues;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    const timer = setInterval(() => setTurn((n) => n + 1), seconds * 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  if (!queues.data) return <p aria-busy="true">{queues.error?.message ?? 'Loading…'}</p>;
  const shown = csqIds.length > 0 ? queues.data.filter((q) => csqIds.includes(q.csqId)) : queues.data;
  const queue = shown.length > 0 ? shown[turn % shown.length] : undefined;
  return (
    <section aria-labelledby="wallboard-title" className="wallboard-page">
      <div className="row spread">
        <h1 id="wallboard-title">Wallboard</h1>
        <Link href="/reports">Reports</Link>
      </div>
      <div className="row">
        <MultiSelect
          label="CSQs shown"
          all="All CSQs"
          options={queues.data.map((q) => ({ id: q.csqId, name: q.name }))}
          value={csqIds}
          onChange={(ids) => choose({ csqIds: ids })}
        />
        <label className="field">
          <span className="label">Seconds each</span>
          <input
            type="number"
            min={3}
            max={300}
            value={seconds}
            onChange={(e) => choose({ seconds: Number(e.target.value) })}
          />
        </label>
        <button type="button" onClick={() => void board.current?.requestFullscreen?.()}>
          Full screen
        </button>
      </div>
      <div ref={board} className="wallboard" aria-live="polite">
        {queue ? (
          <QueueBoard queue={queue} place={`${(turn % shown.length) + 1} of ${shown.length}`} />
        ) : (
          <p>No CSQs to show.</p>
        )}
      </div>
    </section>
  );
}

function QueueBoard({ queue, place }: { queue: QueueRow; place: string }) {
  const levels = queueLevels(
    {
      waiting: queue.waiting,
      longestWaitSeconds: queue.longestWaitSeconds,
      serviceLevel: queue.today.serviceLevel,
    },
    queue.thresholds ?? NO_THRESHOLDS,
  );
  return (
    <div className="board" data-queue={queue.name}>
      <h2>
        {queue.name}{' '}
        <span className="muted">
          {queue.channel} · {place}
        </span>
      </h2>
      <div className="tiles">
        <Tile label="Waiting" level={levels.waiting}>
          {queue.waiting}
        </Tile>
        <Tile label="Longest wait" level={levels.longestWait}>
          {duration(queue.longestWaitSeconds)}
        </Tile>
        <Tile
          label={`Service level today (${queue.today.serviceLevelSeconds} s)`}
          level={levels.serviceLevel}
        >
          {queue.today.serviceLevel === null ? '—' : percent(queue.today.serviceLevel)}
        </Tile>
        <Tile label="Agents ready" level="ok">
          {queue.agents.ready}
        </Tile>
        <Tile label="Agents active" level="ok">
          {queue.agents.busy + queue.agents.reserved}
        </Tile>
      </div>
    </div>
  );
}

const WORDS: Record<ThresholdLevel, string> = {
  ok: '',
  near: ', near its threshold',
  past: ', past its threshold',
};

function Tile(props: { label: string; level: ThresholdLevel; children: ReactNode }) {
  return (
    <div className={`tile level-${props.level}`} data-level={props.level} data-testid="wallboard-tile">
      <div className="tile-value">{props.children}</div>
      <div className="tile-label">
        {props.label}
        <span className="visually-hidden">{WORDS[props.level]}</span>
      </div>
    </div>
  );
}
