/**
 * A CSQ's alert thresholds on the queue view (spec C6): each figure is fine, near its threshold (amber) or
 * past it (red). Each threshold is optional; null turns it off.
 */
export interface QueueThresholds {
  /** Today's service level, in percent, below which the CSQ is in trouble. */
  serviceLevelBelowPercent: number | null;
  longestWaitAboveSeconds: number | null;
  waitingAbove: number | null;
}

export const NO_THRESHOLDS: QueueThresholds = {
  serviceLevelBelowPercent: null,
  longestWaitAboveSeconds: null,
  waitingAbove: null,
};

export const THRESHOLD_LEVELS = ['ok', 'near', 'past'] as const;
export type ThresholdLevel = (typeof THRESHOLD_LEVELS)[number];

/** "Near" starts at this share of an upper threshold (e.g. 8 waiting of at most 10). */
export const NEAR_SHARE = 0.8;
/** "Near" a service-level floor: within this many percentage points above it. */
export const NEAR_SERVICE_LEVEL_POINTS = 5;

/** A figure that should stay at or below its threshold: waiting contacts, longest wait. */
export function levelAbove(value: number, threshold: number | null): ThresholdLevel {
  if (threshold === null) return 'ok';
  if (value > threshold) return 'past';
  return value >= threshold * NEAR_SHARE && value > 0 ? 'near' : 'ok';
}

/** Service level (a fraction 0–1, null when nothing is measured yet) against a floor in percent. */
export function levelBelow(serviceLevel: number | null, floorPercent: number | null): ThresholdLevel {
  if (floorPercent === null || serviceLevel === null) return 'ok';
  const percent = serviceLevel * 100;
  if (percent < floorPercent) return 'past';
  return percent < floorPercent + NEAR_SERVICE_LEVEL_POINTS ? 'near' : 'ok';
}

export interface QueueFigures {
  waiting: number;
  longestWaitSeconds: number;
  serviceLevel: number | null;
}

export type WatchedFigure = 'waiting' | 'longestWait' | 'serviceLevel';
export type QueueLevels = Record<WatchedFigure, ThresholdLevel>;

export function queueLevels(figures: QueueFigures, thresholds: QueueThresholds): QueueLevels {
  return {
    waiting: levelAbove(figures.waiting, thresholds.waitingAbove),
    longestWait: levelAbove(figures.longestWaitSeconds, thresholds.longestWaitAboveSeconds),
    serviceLevel: levelBelow(figures.serviceLevel, thresholds.serviceLevelBelowPercent),
  };
}

/**
 * The figures that have just gone past their threshold: past now and not past before. A figure that stays past
 * over many refreshes is one crossing; it crosses again only after it came back. With no earlier levels (the
 * first load) every figure past its threshold is a crossing.
 */
export function crossings(before: QueueLevels | undefined, now: QueueLevels): WatchedFigure[] {
  return (Object.keys(now) as WatchedFigure[]).filter(
    (figure) => now[figure] === 'past' && before?.[figure] !== 'past',
  );
}
