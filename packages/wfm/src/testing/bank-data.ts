import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ForecastInput, IntervalObservation, SpecialDay, WeeklyHours } from '../forecast/index.ts';

/**
 * Five-minute call arrivals of a North American bank's call center, 3 March – 24 October 2003 (164 weekdays),
 * kept outside the repository at `../shared/data` next to the repo root. Tests and benchmarks that need it
 * skip without it, and fail under SWITCHBOARD_CI=1 so CI can never pass by skipping.
 *
 * What the file shows, and how it is read:
 * - Every weekday has the same 169 intervals, 07:00–21:00 (the last is 21:00–21:05), and no weekend days.
 * - The stamps say UTC but are the center's wall clock: the day does not move by an hour when the United States
 *   changed to summer time on 6 April 2003, and read as UTC the center would open at 02:00 or 03:00 Eastern.
 *   So the series keeps the stamps as they are, with the zone 'UTC' standing for "already local".
 * - Open hours Monday–Friday 07:00–21:05; weekends are closed (zero), not gaps.
 * - Memorial Day (26 May), Independence Day (4 July) and Labor Day (1 September) are missing: closed holidays.
 *   4 and 7 April and 14 October are missing too, with no holiday to explain them: they stay gaps.
 */

export const BANK_DATA_FILE = fileURLToPath(
  new URL('../../../../../shared/data/bank_calls_5min.csv', import.meta.url),
);

const WEEKDAY_HOURS = [{ start: '07:00', end: '21:05' }];
export const BANK_OPEN_HOURS: WeeklyHours = {
  monday: WEEKDAY_HOURS,
  tuesday: WEEKDAY_HOURS,
  wednesday: WEEKDAY_HOURS,
  thursday: WEEKDAY_HOURS,
  friday: WEEKDAY_HOURS,
  saturday: [],
  sunday: [],
};

export const BANK_HOLIDAYS: readonly SpecialDay[] = [
  { date: '2003-05-26', name: 'Memorial Day', closed: true },
  { date: '2003-07-04', name: 'Independence Day', closed: true },
  { date: '2003-09-01', name: 'Labor Day', closed: true },
];

/** Parses the CSV (`interval_start,calls`) into a five-minute forecast input with the bank's hours and holidays. */
export function parseBankCalls(csv: string): ForecastInput {
  const lines = csv.trim().split(/\r?\n/);
  if (lines[0]?.trim() !== 'interval_start,calls')
    throw new Error('expected the header interval_start,calls');
  const intervals: IntervalObservation[] = lines.slice(1).map((line, index) => {
    const [stamp, calls] = line.split(',');
    const start = Date.parse(stamp ?? '');
    const volume = Number(calls);
    if (!Number.isFinite(start) || !Number.isFinite(volume)) {
      throw new Error(`line ${index + 2} is not a timestamp and a number of calls: ${line}`);
    }
    return { start, volume };
  });
  return {
    history: { intervalMinutes: 5, timeZone: 'UTC', intervals },
    openHours: BANK_OPEN_HOURS,
    specialDays: BANK_HOLIDAYS,
  };
}

export type BankDataAvailability =
  | { available: true; input: ForecastInput }
  | { available: false; reason: string };

/** The bank data, or why it is not there. Under SWITCHBOARD_CI=1 a missing file throws instead. */
export function bankData(file = BANK_DATA_FILE): BankDataAvailability {
  if (existsSync(file)) return { available: true, input: parseBankCalls(readFileSync(file, 'utf8')) };
  const reason = `the bank call data is not at ${file} (it lives outside the repository, in ../shared/data)`;
  if (process.env.SWITCHBOARD_CI === '1') throw new Error(`SWITCHBOARD_CI=1 but ${reason}`);
  return { available: false, reason };
}
