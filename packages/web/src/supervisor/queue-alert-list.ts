import type { WatchedFigure } from '@switchboard/core';

export interface QueueAlert {
  key: string;
  csqId: string;
  figure: WatchedFigure;
  text: string;
}

/**
 * The alerts shown after new crossings: at most one per CSQ and figure, so a figure that keeps going past
 * its threshold and back shows its latest crossing in place of the earlier one, where it stood.
 */
export function mergeAlerts(shown: readonly QueueAlert[], raised: readonly QueueAlert[]): QueueAlert[] {
  const same = (a: QueueAlert, b: QueueAlert) => a.csqId === b.csqId && a.figure === b.figure;
  const replaced = shown.map((alert) => raised.find((fresh) => same(alert, fresh)) ?? alert);
  return [...replaced, ...raised.filter((fresh) => !shown.some((alert) => same(alert, fresh)))];
}
