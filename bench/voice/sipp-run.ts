import { spawn } from 'node:child_process';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeUdpPort } from '../../packages/server/src/voice/testing/free-port.ts';

const SCENARIO = fileURLToPath(new URL('./uac-caller.xml', import.meta.url));
/** sipp calls from here, not the server's own address (its SIP stack takes requests to itself as its own). */
const CALLER_ADDRESS = '127.0.0.2';

export interface SippResult {
  exitCode: number | null;
  /** When each caller (by ANI) sent its INVITE, in ms since the epoch. */
  invitedAt: Map<string, number>;
  successful: number;
  failed: number;
  /** The most calls sipp had up at once. */
  peakCalls: number;
}

/**
 * Runs sipp's caller scenario against the server: `calls` calls at `rate` a second, each answered call held for
 * `talkMs` before the caller hangs up. Its statistics are read from its CSV and its INVITE times from its log.
 */
export async function runSipp(
  dir: string,
  server: { address: string; port: number },
  number: string,
  { rate, calls, talkMs }: { rate: number; calls: number; talkMs: number },
  progress: (line: string) => void,
): Promise<SippResult> {
  const scenario = join(dir, 'caller.xml');
  await copyFile(SCENARIO, scenario);
  const stats = join(dir, 'stats.csv');
  const log = join(dir, 'invites.log');
  const timeoutS = Math.ceil(calls / rate + talkMs / 1000 + 60);
  const args = [
    ...['-sf', scenario, '-s', number, `${server.address}:${server.port}`],
    ...['-i', CALLER_ADDRESS, '-p', String(await freeUdpPort(CALLER_ADDRESS)), '-mi', CALLER_ADDRESS],
    ...['-mp', String(await freeUdpPort(CALLER_ADDRESS)), '-r', String(rate), '-m', String(calls)],
    ...['-l', String(calls), '-d', String(talkMs), '-timeout', `${timeoutS}s`, '-timeout_error'],
    ...['-trace_stat', '-stf', stats, '-fd', '1', '-trace_logs', '-log_file', log, '-nostdin'],
  ];
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('sipp', args, { cwd: dir, stdio: 'ignore' });
    const started = Date.now();
    const ticker = setInterval(
      () => progress(`sipp running ${Math.round((Date.now() - started) / 1000)} s`),
      5000,
    );
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(ticker);
      resolve(code);
    });
  });
  return {
    exitCode,
    invitedAt: parseInvites(await readFile(log, 'utf8')),
    ...parseStats(await readFile(stats, 'utf8')),
  };
}

/** sipp's log lines `<ANI> <timestamp>`: its timestamp is a date, a time and the epoch seconds, in any order. */
function parseInvites(text: string): Map<string, number> {
  const invitedAt = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [ani, ...rest] = line.trim().split(/\s+/);
    const epoch = rest.find((token) => /^\d{9,}\.\d+:?$/.test(token));
    if (ani && epoch) invitedAt.set(ani, Number.parseFloat(epoch) * 1000);
  }
  return invitedAt;
}

/** The last row's call counts and the highest number of calls up at once, from sipp's statistics CSV. */
function parseStats(text: string): { successful: number; failed: number; peakCalls: number } {
  const rows = text
    .trim()
    .split('\n')
    .map((line) => line.split(';'));
  const header = rows[0] ?? [];
  const column = (name: string) => header.indexOf(name);
  const last = rows.at(-1) ?? [];
  const number = (row: string[], name: string) => Number(row[column(name)] ?? 0) || 0;
  return {
    successful: number(last, 'SuccessfulCall(C)'),
    failed: number(last, 'FailedCall(C)'),
    peakCalls: Math.max(0, ...rows.slice(1).map((row) => number(row, 'CurrentCall'))),
  };
}
