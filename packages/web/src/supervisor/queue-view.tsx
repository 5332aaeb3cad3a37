import { useEffect, useRef, useState } from 'react';
import type { ItemOf, LiveEvent } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { duration } from '../ui/format.ts';
import { LevelCell, levelsOf, percent, QueueAlerts, useQueueAlerts } from './queue-alerts.tsx';
import { appendSamples, SAMPLE_SECONDS, Sparkline } from './sparkline.tsx';

export type QueueRow = ItemOf<'/queues'>;

const SAMPLE_MS = SAMPLE_SECONDS * 1000;
const routerEvent = (event: LiveEvent) =>
  event.type.startsWith('contact.') || event.type === 'agent.state_changed';

/** Queue view: what waits, for how long, who could take it, and how today has gone; with a live chart. */
export function QueueView() {
  const { api } = useDesk();
  const queues = useLive(() => api.request<QueueRow[]>('GET', '/queues'), routerEvent, '', 1000);
  const [history, setHistory] = useState(new Map<string, number[]>());
  const { alerts, dismiss } = useQueueAlerts(queues.data);
  const latest = useRef(queues.data);
  latest.current = queues.data;
  // Every SAMPLE_MS: one point on the chart (so 60 points are five minutes) and a fresh load, which also
  // moves the longest wait when no event arrives.
  useEffect(() => {
    const timer = setInterval(() => {
      const rows = latest.current;
      if (rows)
        setHistory((h) => appendSamples(h, Object.fromEntries(rows.map((q) => [q.csqId, q.waiting]))));
      queues.reload();
    }, SAMPLE_MS);
    return () => clearInterval(timer);
  }, [queues.reload]);
  if (!queues.data) return <p aria-busy="true">{queues.error?.message ?? 'Loading…'}</p>;
  return (
    <section aria-labelledby="queues-title">
      <h1 id="queues-title">Queues</h1>
      <QueueAlerts alerts={alerts} dismiss={dismiss} />
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col">Waiting</th>
            <th scope="col">Longest wait</th>
            <th scope="col">Waiting, last 5 min</th>
            <th scope="col">Ready</th>
            <th scope="col">Busy</th>
            <th scope="col">Wrap-up</th>
            <th scope="col">Not ready</th>
            <th scope="col">Offered today</th>
            <th scope="col">Abandoned</th>
            <th scope="col">Service level</th>
          </tr>
        </thead>
        <tbody>
          {queues.data.map((q) => {
            const levels = levelsOf(q);
            return (
              <tr key={q.csqId} data-queue={q.name}>
                <th scope="row">
                  {q.name} <span className="muted">{q.channel}</span>
                </th>
                <LevelCell level={levels.waiting} testId="queue-waiting">
                  {q.waiting}
                </LevelCell>
                <LevelCell level={levels.longestWait} testId="queue-longest-wait">
                  {duration(q.longestWaitSeconds)}
                </LevelCell>
                <td>
                  <Sparkline
                    values={history.get(q.csqId) ?? [q.waiting]}
                    label={`Contacts waiting in ${q.name}`}
                  />
                </td>
                <td>{q.agents.ready}</td>
                <td>{q.agents.busy + q.agents.reserved}</td>
                <td>{q.agents.wrapUp}</td>
                <td>{q.agents.notReady}</td>
                <td>{q.today.offered}</td>
                <td>{q.today.abandoned}</td>
                <LevelCell
                  level={levels.serviceLevel}
                  testId="queue-service-level"
                  title={`Answered within ${q.today.serviceLevelSeconds} s`}
                >
                  {q.today.serviceLevel === null ? '—' : percent(q.today.serviceLevel)}
                </LevelCell>
              </tr>
            );
          })}
        </tbody>
      </table>
      {queues.data.length === 0 ? (
        <p className="muted">No queues yet: an administrator creates them.</p>
      ) : null}
    </section>
  );
}
