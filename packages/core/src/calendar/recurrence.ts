import { addDays, type LocalDate, localDateAt, localToInstant } from './zoned-time.ts';

const MINUTE_MS = 60_000;

/**
 * When a recurring job runs: every N minutes (aligned to the hour, so every 15 minutes is :00, :15, :30, :45),
 * or once a day at a wall-clock time in an IANA zone (the nightly jobs).
 */
export type Recurrence =
  | { kind: 'everyMinutes'; minutes: number }
  | { kind: 'daily'; hour: number; minute: number; timeZone: string };

/** A daily time that a spring-forward gap skips runs at the transition (02:30 ⇒ 03:00), as calendars do. */
function dailyRunOn(recurrence: Extract<Recurrence, { kind: 'daily' }>, date: LocalDate): number {
  return localToInstant(recurrence.timeZone, date, recurrence.hour * 60 + recurrence.minute);
}

/**
 * The latest run at or before `atMs`. A daily run happens once per local date, even on the day the clock
 * goes back and the time occurs twice (the first occurrence).
 */
export function latestRun(recurrence: Recurrence, atMs: number): number {
  if (recurrence.kind === 'everyMinutes') {
    const step = recurrence.minutes * MINUTE_MS;
    return Math.floor(atMs / step) * step;
  }
  const today = localDateAt(recurrence.timeZone, atMs);
  const run = dailyRunOn(recurrence, today);
  return run <= atMs ? run : dailyRunOn(recurrence, addDays(today, -1));
}

/** The first run strictly after `afterMs`. */
export function nextRun(recurrence: Recurrence, afterMs: number): number {
  if (recurrence.kind === 'everyMinutes')
    return latestRun(recurrence, afterMs) + recurrence.minutes * MINUTE_MS;
  const today = localDateAt(recurrence.timeZone, afterMs);
  const run = dailyRunOn(recurrence, today);
  return run > afterMs ? run : dailyRunOn(recurrence, addDays(today, 1));
}

/** Refuses recurrences the scheduler cannot keep: steps that do not divide a day, times off the clock. */
export function checkRecurrence(recurrence: Recurrence): void {
  if (recurrence.kind === 'everyMinutes') {
    const { minutes } = recurrence;
    if (!Number.isInteger(minutes) || minutes < 1 || 1440 % minutes !== 0)
      throw new RangeError(
        `every ${minutes} minutes: the step must be a whole number of minutes dividing a day`,
      );
    return;
  }
  const { hour, minute } = recurrence;
  if (
    !Number.isInteger(hour) ||
    hour < 0 ||
    hour > 23 ||
    !Number.isInteger(minute) ||
    minute < 0 ||
    minute > 59
  )
    throw new RangeError(`${hour}:${minute} is not a time of day`);
}
