import { type ForecastHistory, normalDaysBefore } from './history.ts';
import { weekdayOf } from './local-time.ts';

/** Same-weekday days the handle time of a slot is averaged over. */
export const AHT_DAYS = 8;

/**
 * Handle time per slot of a local day: the volume-weighted mean of the slot over the last `days` normal days of
 * the weekday that reported handle times. Where those days had no volume in the slot, the weighted mean of the
 * same days over the whole day; without any such day, that of the whole history. null when the history has no
 * handle time at all.
 */
export function forecastAht(history: ForecastHistory, day: number, days = AHT_DAYS): Float64Array | null {
  const load = new Float64Array(history.slotsPerDay);
  const volume = new Float64Array(history.slotsPerDay);
  let used = 0;
  for (const record of normalDaysBefore(history, day, weekdayOf(day))) {
    if (used === days) break;
    if (!record.ahtVolume.some((v) => v > 0)) continue;
    record.ahtLoad.forEach((x, slot) => {
      load[slot] = (load[slot] ?? 0) + x;
      volume[slot] = (volume[slot] ?? 0) + (record.ahtVolume[slot] ?? 0);
    });
    used++;
  }
  const fallback = used > 0 ? weightedMean(load, volume) : historyWideAht(history, day);
  if (fallback === null) return null;
  return load.map((x, slot) => {
    const v = volume[slot] ?? 0;
    return v > 0 ? x / v : fallback;
  });
}

function weightedMean(load: Float64Array, volume: Float64Array): number | null {
  const totalVolume = volume.reduce((sum, v) => sum + v, 0);
  return totalVolume > 0 ? load.reduce((sum, x) => sum + x, 0) / totalVolume : null;
}

function historyWideAht(history: ForecastHistory, day: number): number | null {
  let load = 0;
  let volume = 0;
  for (const record of history.days) {
    if (record.day >= day) break;
    load += record.ahtLoad.reduce((sum, x) => sum + x, 0);
    volume += record.ahtVolume.reduce((sum, v) => sum + v, 0);
  }
  return volume > 0 ? load / volume : null;
}
