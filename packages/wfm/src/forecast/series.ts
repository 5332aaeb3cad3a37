import { invalid, WEEKDAYS } from '@switchboard/core';
import { type LocalClock, localClock, MINUTE_MS, MINUTES_PER_DAY, weekdayOf } from './local-time.ts';
import {
  FORECAST_INTERVAL_MINUTES,
  type IntervalMinutes,
  type IntervalObservation,
  type IntervalSeries,
  type WeeklyHours,
} from './types.ts';

/** Throws `validation_failed` unless the series can be forecast: known length and zone, sorted, on the grid. */
export function checkSeries(series: IntervalSeries): LocalClock {
  if (!FORECAST_INTERVAL_MINUTES.includes(series.intervalMinutes)) {
    throw invalid(`The interval length must be one of ${FORECAST_INTERVAL_MINUTES.join(', ')} minutes.`, {
      intervalMinutes: series.intervalMinutes,
    });
  }
  const clock = localClock(series.timeZone);
  let previous = Number.NEGATIVE_INFINITY;
  series.intervals.forEach((interval, index) => {
    const { start, volume, ahtSeconds } = interval;
    const onGrid =
      Number.isSafeInteger(start) &&
      start % MINUTE_MS === 0 &&
      clock.toLocal(start).minuteOfDay % series.intervalMinutes === 0;
    if (!onGrid) throw invalid('An interval does not start on the interval grid.', { index, start });
    if (start <= previous) throw invalid('Intervals must be sorted by start, without duplicates.', { index });
    if (!Number.isFinite(volume) || volume < 0) throw invalid('A volume must be ≥ 0.', { index, volume });
    if (ahtSeconds !== undefined && (!Number.isFinite(ahtSeconds) || ahtSeconds < 0)) {
      throw invalid('A handle time must be ≥ 0 seconds.', { index, ahtSeconds });
    }
    previous = start;
  });
  return clock;
}

function minuteOf(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const minute = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!(minute >= 0 && minute <= MINUTES_PER_DAY) || Number(match?.[2]) >= 60) {
    throw invalid(`"${time}" is not a time of the form HH:MM.`, { time });
  }
  return minute;
}

/** Per weekday (0 = Monday), 1 for each slot of `stepMinutes` that overlaps the open hours. */
export function openSlots(hours: WeeklyHours, stepMinutes: number): Uint8Array[] {
  const slots = MINUTES_PER_DAY / stepMinutes;
  return WEEKDAYS.map((weekday) => {
    const open = new Uint8Array(slots);
    for (const interval of hours[weekday]) {
      const from = minuteOf(interval.start);
      const to = minuteOf(interval.end);
      for (let slot = 0; slot < slots; slot++) {
        if (slot * stepMinutes < to && (slot + 1) * stepMinutes > from) open[slot] = 1;
      }
    }
    return open;
  });
}

interface Bucket {
  start: number;
  volume: number;
  known: number;
  ahtLoad: number;
  ahtVolume: number;
}

/**
 * Sums a series into longer intervals (5 → 15, 30, 60; 15 → 30, 60; …). A longer interval is kept only when
 * each of its parts is in the series or closed by the open hours; one with a gap is left out (a gap), so no
 * total is ever understated. Handle times are averaged weighted by volume.
 */
export function aggregateSeries(
  series: IntervalSeries,
  intervalMinutes: IntervalMinutes,
  openHours?: WeeklyHours,
): IntervalSeries {
  const clock = checkSeries(series);
  const ratio = intervalMinutes / series.intervalMinutes;
  if (!Number.isInteger(ratio) || ratio < 1) {
    throw invalid(
      `Cannot aggregate ${series.intervalMinutes}-minute intervals into ${intervalMinutes} minutes.`,
    );
  }
  if (ratio === 1) return series;
  const open = openHours ? openSlots(openHours, series.intervalMinutes) : null;
  const isClosed = (start: number): boolean => {
    const local = clock.toLocal(start);
    return open?.[weekdayOf(local.day)]?.[local.minuteOfDay / series.intervalMinutes] === 0;
  };
  const buckets = new Map<number, Bucket>();
  const bucketOf = (start: number): Bucket => {
    const bucketStart = start - (clock.toLocal(start).minuteOfDay % intervalMinutes) * MINUTE_MS;
    let bucket = buckets.get(bucketStart);
    if (bucket === undefined) {
      bucket = { start: bucketStart, volume: 0, known: 0, ahtLoad: 0, ahtVolume: 0 };
      buckets.set(bucketStart, bucket);
      // Parts closed by the open hours are known zeros, whether or not the series has them.
      for (let part = 0; part < ratio; part++) {
        if (isClosed(bucketStart + part * series.intervalMinutes * MINUTE_MS)) bucket.known++;
      }
    }
    return bucket;
  };
  for (const interval of series.intervals) {
    const bucket = bucketOf(interval.start);
    if (!isClosed(interval.start)) bucket.known++;
    bucket.volume += interval.volume;
    if (interval.ahtSeconds !== undefined && interval.volume > 0) {
      bucket.ahtLoad += interval.volume * interval.ahtSeconds;
      bucket.ahtVolume += interval.volume;
    }
  }
  const intervals: IntervalObservation[] = [];
  for (const bucket of [...buckets.values()].sort((a, b) => a.start - b.start)) {
    if (bucket.known < ratio) continue;
    const observation: IntervalObservation = { start: bucket.start, volume: bucket.volume };
    if (bucket.ahtVolume > 0) observation.ahtSeconds = bucket.ahtLoad / bucket.ahtVolume;
    intervals.push(observation);
  }
  return { intervalMinutes, timeZone: series.timeZone, intervals };
}
