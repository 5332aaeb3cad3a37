import {
  type IntervalDemand,
  type StaffingRequest,
  type StaffingResult,
  type StaffingTarget,
  type StaffingWorkload,
  staffIntervals,
} from '@switchboard/wfm';
import { formatOf, numberAt, type Row, readCsv, readJson, writeJson, writeRows } from './io.ts';

export interface StaffFlags {
  input?: string;
  output?: string;
  format?: string;
  volume?: string;
  aht?: string;
  interval: string;
  channel: string;
  sl?: string;
  asa?: string;
  maxOccupancy?: string;
  shrinkage?: string;
  patience?: string;
  maxAbandon?: string;
  concurrency: string;
  responseMinutes?: string;
}

/**
 * `switchboard wfm staff`: agents required per interval. Three inputs: one interval from --volume and --aht;
 * intervals (CSV, or a JSON array: interval_start, volume, aht_seconds — the forecast's output) staffed as one
 * workload with the targets given as flags; or a JSON staffing request with several workloads (answered in JSON).
 */
export async function runStaff(flags: StaffFlags): Promise<void> {
  let rows: Row[] = [];
  if (flags.input && formatOf(flags.input, undefined, 'csv') === 'json') {
    const json = await readJson(flags.input);
    if (!Array.isArray(json)) {
      await writeJson(staffIntervals(json as StaffingRequest), flags.output);
      return;
    }
    rows = json.map((row: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [key, value === null ? '' : String(value)]),
      ),
    );
  } else if (flags.input) rows = await readCsv(flags.input);
  const demand: IntervalDemand[] = flags.input
    ? rows.map((row, i) => ({
        volume: numberAt(row, row.volume !== undefined ? 'volume' : 'calls', i + 2) as number,
        ahtSeconds: numberAt(row, 'aht_seconds', i + 2, { optional: true }) ?? numberFlag(flags.aht, '--aht'),
      }))
    : [{ volume: numberFlag(flags.volume, '--volume'), ahtSeconds: numberFlag(flags.aht, '--aht') }];
  const request: StaffingRequest = {
    intervalMinutes: numberFlag(flags.interval, '--interval') as StaffingRequest['intervalMinutes'],
    workloads: [workloadOf(flags, demand)],
  };
  const result = staffIntervals(request);
  const starts = rows.map((row) => row.interval_start ?? '');
  await writeRows(rowsOf(result, starts), formatOf(flags.output, flags.format, 'csv'), flags.output);
}

function workloadOf(flags: StaffFlags, intervals: IntervalDemand[]): StaffingWorkload {
  const optional = (value: string | undefined, flag: string) =>
    value === undefined ? undefined : numberFlag(value, flag);
  const shared = {
    id: 'workload',
    intervals,
    maxOccupancy: optional(flags.maxOccupancy, '--max-occupancy'),
    shrinkage: optional(flags.shrinkage, '--shrinkage'),
  };
  if (flags.channel === 'email') {
    return {
      ...shared,
      channel: 'email',
      responseSeconds: numberFlag(flags.responseMinutes, '--response-minutes') * 60,
    };
  }
  const queued = {
    ...shared,
    target: targetOf(flags),
    patienceSeconds: optional(flags.patience, '--patience'),
    maxAbandonRate: optional(flags.maxAbandon, '--max-abandon'),
  };
  if (flags.channel === 'chat') {
    return { ...queued, channel: 'chat', maxConcurrentChats: numberFlag(flags.concurrency, '--concurrency') };
  }
  if (flags.channel !== 'voice') throw new Error('--channel must be voice, chat or email.');
  return { ...queued, channel: 'voice' };
}

/** `--sl 80/20` (80 % within 20 s) or `--asa 15` (seconds). */
function targetOf(flags: StaffFlags): StaffingTarget {
  if (flags.asa !== undefined) return { kind: 'asa', seconds: numberFlag(flags.asa, '--asa') };
  const match = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(flags.sl ?? '80/20');
  if (!match) throw new Error('--sl must be PERCENT/SECONDS, e.g. 80/20.');
  return { kind: 'service_level', fraction: Number(match[1]) / 100, withinSeconds: Number(match[2]) };
}

function numberFlag(value: string | undefined, flag: string): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isFinite(n))
    throw new Error(`${flag} must be a number.`);
  return n;
}

const round = (value: number | null, digits: number) =>
  value === null ? null : Number(value.toFixed(digits));

function rowsOf(result: StaffingResult, starts: readonly string[]): Record<string, unknown>[] {
  const workload = result.workloads[0];
  return (workload?.intervals ?? []).map((s, i) => ({
    ...(starts.length ? { interval_start: starts[i] } : {}),
    load_erlangs: round(s.offeredLoadErlangs, 3),
    agents: s.agents,
    staff: s.staff,
    service_level: round(s.serviceLevel, 4),
    asa_seconds: round(s.asaSeconds, 2),
    wait_probability: round(s.waitProbability, 4),
    abandon_rate: round(s.abandonRate, 4),
    occupancy: round(s.occupancy, 4),
    backlog: round(s.backlog, 2),
  }));
}
