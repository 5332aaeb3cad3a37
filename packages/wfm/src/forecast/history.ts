import { invalid } from '@switchboard/core';
import { dayOfDate, existingSlots, type LocalClock, MINUTES_PER_DAY, weekdayOf } from './local-time.ts';
import { checkSeries, openSlots } from './series.ts';
import type { ForecastInput, IntervalMinutes, SpecialDay } from './types.ts';

/**
 * History as a grid of local days × wall-clock slots, the form every method reads. A slot is known when it was
 * observed, is closed by the open hours, or does not exist that day (clocks sprang forward); otherwise it is a
 * gap. Volumes of unknown slots are 0 and must be read together with `known`.
 */
export interface HistoryDay {
  day: number;
  weekday: number;
  volume: Float64Array;
  known: Uint8Array;
  /** Σ volume × handle time (s) and Σ volume of the intervals that reported a handle time. */
  ahtLoad: Float64Array;
  ahtVolume: Float64Array;
  /** Every slot known. */
  complete: boolean;
  /** Σ volume of the known slots. */
  total: number;
}

export interface ForecastHistory {
  intervalMinutes: IntervalMinutes;
  slotsPerDay: number;
  clock: LocalClock;
  /** Consecutive local days, oldest first. */
  days: readonly HistoryDay[];
  /** Per weekday (0 = Monday), 1 for an open slot: by the open hours, or where the history ever had an interval. */
  open: readonly Uint8Array[] | null;
  special: ReadonlyMap<number, SpecialDay>;
}

function emptyDay(day: number, slots: number): HistoryDay {
  return {
    day,
    weekday: weekdayOf(day),
    volume: new Float64Array(slots),
    known: new Uint8Array(slots),
    ahtLoad: new Float64Array(slots),
    ahtVolume: new Float64Array(slots),
    complete: false,
    total: 0,
  };
}

function specialDaysByDay(specialDays: readonly SpecialDay[]): Map<number, SpecialDay> {
  const byDay = new Map<number, SpecialDay>();
  for (const special of specialDays) {
    if (special.factor !== undefined && !(Number.isFinite(special.factor) && special.factor >= 0)) {
      throw invalid('A special day factor must be ≥ 0.', { date: special.date, factor: special.factor });
    }
    byDay.set(dayOfDate(special.date), special);
  }
  return byDay;
}

/**
 * The day grid of the input's intervals that start before `beforeMs` and on a local day before `beforeDay` (all
 * of them when omitted). Everything in it, down to which slots count as open, comes from those intervals only:
 * a history built at an origin is the history a file cut at that origin gives.
 */
export function buildForecastHistory(
  input: ForecastInput,
  beforeMs = Number.POSITIVE_INFINITY,
  beforeDay = Number.POSITIVE_INFINITY,
): ForecastHistory {
  const { history: series } = input;
  const clock = checkSeries(series);
  const step = series.intervalMinutes;
  const slotsPerDay = MINUTES_PER_DAY / step;
  const observed = Array.from({ length: 7 }, () => new Uint8Array(slotsPerDay));
  const special = specialDaysByDay(input.specialDays ?? []);
  const days: HistoryDay[] = [];
  for (const interval of series.intervals) {
    if (interval.start >= beforeMs) break;
    const local = clock.toLocal(interval.start);
    if (local.day >= beforeDay) break;
    const first = days[0]?.day ?? local.day;
    while (first + days.length <= local.day) days.push(emptyDay(first + days.length, slotsPerDay));
    const record = days[local.day - first];
    if (record === undefined) continue;
    const slot = local.minuteOfDay / step;
    // Both occurrences of a wall time repeated when clocks fall back land in the same slot.
    record.volume[slot] = (record.volume[slot] ?? 0) + interval.volume;
    record.known[slot] = 1;
    (observed[record.weekday] as Uint8Array)[slot] = 1;
    if (interval.ahtSeconds !== undefined && interval.volume > 0) {
      record.ahtLoad[slot] = (record.ahtLoad[slot] ?? 0) + interval.volume * interval.ahtSeconds;
      record.ahtVolume[slot] = (record.ahtVolume[slot] ?? 0) + interval.volume;
    }
  }
  // Without open hours, the center is open where the history has ever had an interval on that weekday.
  const open = input.openHours ? openSlots(input.openHours, step) : observed;
  for (const record of days) finishDay(record, open, existingSlots(clock, record.day, step));
  return { intervalMinutes: step, slotsPerDay, clock, days, open, special };
}

function finishDay(record: HistoryDay, open: readonly Uint8Array[] | null, exists: Uint8Array): void {
  const openToday = open?.[record.weekday];
  let complete = true;
  let total = 0;
  for (let slot = 0; slot < record.volume.length; slot++) {
    if (openToday?.[slot] === 0 || exists[slot] === 0) record.known[slot] = 1;
    if (record.known[slot] === 1) total += record.volume[slot] ?? 0;
    else complete = false;
  }
  record.complete = complete;
  record.total = total;
}

/** The same history cut at the start of a local day: only the days before it. */
export function historyBefore(history: ForecastHistory, day: number): ForecastHistory {
  const first = history.days[0]?.day ?? day;
  return { ...history, days: history.days.slice(0, Math.max(0, day - first)) };
}

export function historyDay(history: ForecastHistory, day: number): HistoryDay | undefined {
  const first = history.days[0]?.day;
  return first === undefined ? undefined : history.days[day - first];
}

/** Days of one weekday before `day`, newest first, that are not special: the days normal patterns come from. */
export function* normalDaysBefore(
  history: ForecastHistory,
  day: number,
  weekday: number,
): Generator<HistoryDay> {
  const first = history.days[0]?.day ?? day;
  let index = Math.min(day - first, history.days.length) - 1;
  while (index >= 0) {
    const record = history.days[index];
    if (record?.weekday === weekday && !history.special.has(record.day)) yield record;
    index--;
  }
}

/** True when the slot is open on the weekday (always, when no open hours are set). */
export function isOpenSlot(history: ForecastHistory, weekday: number, slot: number): boolean {
  return history.open?.[weekday]?.[slot] !== 0;
}
