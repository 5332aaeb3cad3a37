import { type ForecastHistory, historyDay, normalDaysBefore } from './history.ts';
import type { SpecialDay } from './types.ts';

/** Normal days of the weekday before a special day that its volume is compared with. */
const REFERENCE_DAYS = 4;

/**
 * What a special day's normal forecast is multiplied by: 0 when closed; the configured factor; otherwise the
 * mean, over the open special days in the history, of their total ÷ the mean total of the last 4 complete
 * normal days of the same weekday before them; 1 when the history has no open special day to learn from.
 */
export function specialDayFactor(history: ForecastHistory, special: SpecialDay, day: number): number {
  if (special.closed === true) return 0;
  if (special.factor !== undefined) return special.factor;
  const ratios: number[] = [];
  for (const [pastDay, pastSpecial] of history.special) {
    if (pastDay >= day || pastSpecial.closed === true) continue;
    const record = historyDay(history, pastDay);
    if (record === undefined || !record.complete) continue;
    const reference = normalTotal(history, pastDay, record.weekday);
    if (reference > 0) ratios.push(record.total / reference);
  }
  return ratios.length > 0 ? ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length : 1;
}

function normalTotal(history: ForecastHistory, day: number, weekday: number): number {
  let sum = 0;
  let count = 0;
  for (const record of normalDaysBefore(history, day, weekday)) {
    if (count === REFERENCE_DAYS) break;
    if (!record.complete || record.total <= 0) continue;
    sum += record.total;
    count++;
  }
  return count > 0 ? sum / count : 0;
}
