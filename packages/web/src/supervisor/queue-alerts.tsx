import {
  crossings,
  NO_THRESHOLDS,
  type QueueLevels,
  type QueueThresholds,
  queueLevels,
  type ThresholdLevel,
  type WatchedFigure,
} from '@switchboard/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { chime, notificationsAllowed } from '../agent/alerts.ts';
import { duration } from '../ui/format.ts';
import { mergeAlerts, type QueueAlert } from './queue-alert-list.ts';

/** What the queue view needs of a row to watch it. */
export interface WatchedQueue {
  csqId: string;
  name: string;
  waiting: number;
  longestWaitSeconds: number;
  today: { serviceLevel: number | null };
  thresholds?: QueueThresholds;
}

export type { QueueAlert } from './queue-alert-list.ts';

/** Alerts' keys: a counter, since crypto.randomUUID exists only in secure contexts (not plain HTTP). */
let raisedSoFar = 0;

export const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10} %`;

export const levelsOf = (q: WatchedQueue): QueueLevels =>
  queueLevels(
    { waiting: q.waiting, longestWaitSeconds: q.longestWaitSeconds, serviceLevel: q.today.serviceLevel },
    q.thresholds ?? NO_THRESHOLDS,
  );

/** "Billing: 3 contacts waiting, above 1" — what an alert says. */
function alertText(q: WatchedQueue, figure: WatchedFigure): string {
  const t = q.thresholds ?? NO_THRESHOLDS;
  switch (figure) {
    case 'waiting':
      return `${q.name}: ${q.waiting} contacts waiting, above ${t.waitingAbove}`;
    case 'longestWait':
      return `${q.name}: longest wait ${duration(q.longestWaitSeconds)}, above ${duration(t.longestWaitAboveSeconds ?? 0)}`;
    case 'serviceLevel':
      return `${q.name}: service level ${percent(q.today.serviceLevel ?? 0)}, below ${t.serviceLevelBelowPercent} %`;
  }
}

/**
 * Alerts for figures that have just gone past their threshold: one per crossing (a figure that stays past over
 * many refreshes raises none again), until the supervisor dismisses it; a new crossing of the same figure
 * replaces its alert rather than adding one. In the background, also one chime and a notification.
 */
export function useQueueAlerts(rows: WatchedQueue[] | undefined) {
  const previous = useRef(new Map<string, QueueLevels>());
  const [alerts, setAlerts] = useState<QueueAlert[]>([]);
  useEffect(() => {
    if (!rows) return;
    const raised: QueueAlert[] = [];
    for (const q of rows) {
      const levels = levelsOf(q);
      for (const figure of crossings(previous.current.get(q.csqId), levels))
        raised.push({
          key: `${q.csqId}:${figure}:${++raisedSoFar}`,
          csqId: q.csqId,
          figure,
          text: alertText(q, figure),
        });
      previous.current.set(q.csqId, levels);
    }
    if (raised.length === 0) return;
    setAlerts((shown) => mergeAlerts(shown, raised));
    if (document.hidden) notify(raised);
  }, [rows]);
  const dismiss = (key: string) => setAlerts((shown) => shown.filter((a) => a.key !== key));
  return { alerts, dismiss };
}

function notify(raised: QueueAlert[]) {
  chime();
  if (!notificationsAllowed()) return;
  for (const alert of raised) {
    const notification = new Notification('Queue alert', {
      body: alert.text,
      tag: `switchboard-queue-${alert.key}`,
    });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  }
}

export function QueueAlerts(props: { alerts: QueueAlert[]; dismiss: (key: string) => void }) {
  if (props.alerts.length === 0) return null;
  return (
    <ul className="queue-alerts" aria-label="Queue alerts">
      {props.alerts.map((alert) => (
        <li key={alert.key} role="alert" className="queue-alert" data-testid="queue-alert">
          <span aria-hidden="true">⚠ </span>
          {alert.text}{' '}
          <button
            type="button"
            onClick={() => props.dismiss(alert.key)}
            aria-label={`Dismiss: ${alert.text}`}
          >
            Dismiss
          </button>
        </li>
      ))}
    </ul>
  );
}

const CUES: Record<ThresholdLevel, { icon: string; words: string } | null> = {
  ok: null,
  near: { icon: '▲', words: 'near its threshold' },
  past: { icon: '⚠', words: 'past its threshold' },
};

/** A figure coloured by its level, with an icon and words for those who do not see the colour. */
export function LevelCell(props: {
  level: ThresholdLevel;
  testId: string;
  title?: string;
  children: ReactNode;
}) {
  const cue = CUES[props.level];
  return (
    <td
      className={`level-${props.level}`}
      data-level={props.level}
      data-testid={props.testId}
      title={props.title}
    >
      {cue ? <span aria-hidden="true">{cue.icon} </span> : null}
      {props.children}
      {cue ? <span className="visually-hidden">, {cue.words}</span> : null}
    </td>
  );
}
