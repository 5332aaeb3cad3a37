import { localToInstant } from '@switchboard/core';
import { parse } from 'csv-parse/sync';

/** Rows one import takes at most, and the errors it lists before it stops reading. */
export const PLANNED_SHIFT_LIMITS = { rows: 50_000, errors: 100, activity: 40 } as const;

export interface PlannedActivityRow {
  line: number;
  agentId: string;
  start: number;
  end: number;
  activity: string;
  channels: 'voice' | 'digital' | 'any';
}

export interface PlannedShiftReading {
  rows: PlannedActivityRow[];
  errors: { line: number; message: string }[];
}

const CHANNELS: Record<string, PlannedActivityRow['channels']> = {
  '': 'any',
  any: 'any',
  phone: 'voice',
  voice: 'voice',
  chat: 'digital',
  email: 'digital',
  digital: 'digital',
};

/**
 * An instant from a file: ISO 8601 with its offset (2026-12-07T08:00:00+01:00), or a wall-clock time in the
 * tenant's zone (2026-12-07 08:00).
 */
function instantOf(text: string, timeZone: string): number | null {
  const local = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(text.trim());
  if (local) {
    const [year, month, day, hour, minute] = local.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const real =
      new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === text.trim().slice(0, 10);
    if (!real || year < 2000 || year > 2100 || hour > 24 || minute > 59 || (hour === 24 && minute > 0))
      return null;
    return localToInstant(timeZone, { year, month, day }, hour * 60 + minute);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text.trim())) return null;
  const at = Date.parse(text);
  const year = new Date(at).getUTCFullYear();
  return Number.isFinite(at) && year >= 2000 && year <= 2100 ? at : null;
}

/**
 * Reads a planned-shift file: a header naming `agent` (username), `start`, `end`, `activity` and optionally
 * `channels` (phone, chat, email or any), then one activity per line. Every line is checked; an agent's
 * activities may not overlap.
 */
export function readPlannedShifts(
  file: Buffer,
  options: { timeZone: string; agentIdOf: (username: string) => string | undefined },
): PlannedShiftReading {
  const errors: PlannedShiftReading['errors'] = [];
  let records: string[][];
  try {
    records = parse(file, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    return { rows: [], errors: [{ line: 1, message: `not a CSV file: ${(error as Error).message}` }] };
  }
  const header = (records[0] ?? []).map((name) => name.toLowerCase());
  const column = (name: string) => header.indexOf(name);
  const missing = ['agent', 'start', 'end', 'activity'].filter((name) => column(name) < 0);
  if (missing.length > 0)
    return {
      rows: [],
      errors: [
        {
          line: 1,
          message: `the header needs the columns agent, start, end and activity; missing: ${missing.join(', ')}`,
        },
      ],
    };
  if (records.length - 1 > PLANNED_SHIFT_LIMITS.rows)
    return {
      rows: [],
      errors: [
        {
          line: 1,
          message: `at most ${PLANNED_SHIFT_LIMITS.rows.toLocaleString('en')} activities per file; split it by day`,
        },
      ],
    };
  const rows: PlannedActivityRow[] = [];
  const fail = (line: number, message: string) => {
    if (errors.length < PLANNED_SHIFT_LIMITS.errors) errors.push({ line, message });
  };
  for (const [index, record] of records.slice(1).entries()) {
    const line = index + 2;
    const read = readLine((name) => record[column(name)] ?? '', column('channels') >= 0, options);
    if (typeof read === 'string') fail(line, read);
    else rows.push({ line, ...read });
  }
  const byAgent = new Map<string, PlannedActivityRow[]>();
  for (const row of rows) byAgent.set(row.agentId, [...(byAgent.get(row.agentId) ?? []), row]);
  for (const list of byAgent.values()) {
    const sorted = [...list].sort((a, b) => a.start - b.start);
    sorted.forEach((row, i) => {
      const previous = sorted[i - 1];
      if (previous && row.start < previous.end)
        fail(row.line, `overlaps line ${previous.line} for the same agent`);
    });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}

/** One line's activity, or what is wrong with it. */
function readLine(
  cell: (name: string) => string,
  hasChannels: boolean,
  options: { timeZone: string; agentIdOf: (username: string) => string | undefined },
): Omit<PlannedActivityRow, 'line'> | string {
  const username = cell('agent');
  const agentId = options.agentIdOf(username);
  if (agentId === undefined) return `no agent has the username "${username}"`;
  const start = instantOf(cell('start'), options.timeZone);
  const end = instantOf(cell('end'), options.timeZone);
  if (start === null)
    return `start "${cell('start')}" is not a time such as 2026-12-07 08:00 or 2026-12-07T08:00:00Z`;
  if (end === null)
    return `end "${cell('end')}" is not a time such as 2026-12-07 16:30 or 2026-12-07T16:30:00Z`;
  if (end <= start) return 'end is not after start';
  if (end - start > 24 * 3_600_000) return 'an activity lasts at most 24 hours';
  const activity = cell('activity').toLowerCase();
  if (activity === '' || activity.length > PLANNED_SHIFT_LIMITS.activity)
    return `activity must be 1 to ${PLANNED_SHIFT_LIMITS.activity} characters`;
  const channels = CHANNELS[hasChannels ? cell('channels').toLowerCase() : ''];
  if (channels === undefined) return `channels "${cell('channels')}" must be phone, chat, email or any`;
  return { agentId, start, end, activity, channels };
}
