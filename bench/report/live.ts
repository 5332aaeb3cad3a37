import { ApiClient } from '@switchboard/cli/api-client';
import { type LevelResult, runLevel } from '../load/level.ts';
import { ADMIN_PASSWORD } from '../load/server.ts';
import { percentile } from './measure.ts';

export const REPORT_RUNS = 20;
/** The live level while reporting runs: as the load bench's first level. */
export const LIVE_LEVEL = { agents: 100, contacts: 400 } as const;
const DAY_MS = 86_400_000;
/** Reports served during the live window at least (the window lasts until the recapture is done too). */
const MIN_REPORTS = 5;

export interface ReportFigures {
  /** The first request, on a server that has read none of the range yet. */
  report_31d_first_ms: number;
  /** From the request to the last byte of the response, as HTTP load tools time a request. */
  report_31d_p50_ms: number;
  report_31d_p95_ms: number;
  /** From the request to the body parsed into objects by the client (the client's parse included). */
  report_31d_parsed_p95_ms: number;
  report_rows: number;
  report_bytes: number;
  /** The same report with rows as objects (the default layout), for reference. */
  report_31d_objects_p95_ms: number;
  report_objects_bytes: number;
}

/** The 31-day CSQ activity report at 15-minute rows, every CSQ, all rows on one page, rows as arrays. */
export function reportPath(
  range: { from: number; to: number },
  layout: 'arrays' | 'objects' = 'arrays',
): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return `/reports/csq-activity?from=${day(range.from)}&to=${day(range.to - DAY_MS)}&rows=15&limit=100000&layout=${layout}`;
}

interface Fetched {
  rows: number;
  bytes: number;
  /** When the last byte of the response arrived (`performance.now()`). */
  receivedAt: number;
}

async function fetchReport(admin: ApiClient, path: string): Promise<Fetched> {
  const response = await fetch(`${admin.baseUrl}/api/v1${path}`, {
    headers: { authorization: `Bearer ${admin.token}` },
  });
  const text = await response.text();
  const receivedAt = performance.now();
  if (!response.ok) throw new Error(`report: ${response.status} ${text.slice(0, 300)}`);
  const report = JSON.parse(text) as { rows: unknown[]; next: string | null };
  if (report.next !== null) throw new Error('report: expected every row on one page');
  return { rows: report.rows.length, bytes: text.length, receivedAt };
}

/** Requests `path` REPORT_RUNS times: each time to the last byte received, and to the body parsed. */
async function timed(admin: ApiClient, path: string) {
  let shape = { rows: 0, bytes: 0 };
  const times: number[] = [];
  const parsedTimes: number[] = [];
  for (let n = 0; n < REPORT_RUNS; n++) {
    const t = performance.now();
    const fetched = await fetchReport(admin, path);
    parsedTimes.push(performance.now() - t);
    times.push(fetched.receivedAt - t);
    shape = { rows: fetched.rows, bytes: fetched.bytes };
  }
  return { times, parsedTimes, shape };
}

/**
 * The report through the API, on a quiet server: the first request (the server reads every day of the range),
 * then REPORT_RUNS more (days read before and unchanged since come from its cache), rows as arrays; then as
 * many with rows as objects.
 */
export async function measureReport(
  url: string,
  arraysPath: string,
  objectsPath: string,
): Promise<ReportFigures> {
  const admin = await ApiClient.signIn(url, 'demo', 'admin', ADMIN_PASSWORD);
  const first = performance.now();
  await fetchReport(admin, arraysPath);
  const firstMs = performance.now() - first;
  const arrays = await timed(admin, arraysPath);
  const objects = await timed(admin, objectsPath);
  const ms = (value: number) => Number(value.toFixed(1));
  return {
    report_31d_first_ms: ms(firstMs),
    report_31d_p50_ms: ms(percentile(arrays.times, 0.5)),
    report_31d_p95_ms: ms(percentile(arrays.times, 0.95)),
    report_31d_parsed_p95_ms: ms(percentile(arrays.parsedTimes, 0.95)),
    report_rows: arrays.shape.rows,
    report_bytes: arrays.shape.bytes,
    report_31d_objects_p95_ms: ms(percentile(objects.times, 0.95)),
    report_objects_bytes: objects.shape.bytes,
  };
}

export interface ReportingWindow {
  /** The recaptured day, and how long its recapture took. */
  recapture_date: string;
  capture_s: number;
  capture_intervals: number;
  reports: number;
}

/**
 * The load bench's first level (virtual agents on WebSockets, chats created as fast as 32 requests allow) while
 * the server recaptures the history's last day as the nightly job does (`POST /reports/recapture`) and the
 * 31-day report is fetched over and over until the recapture is done. Offers made
 * in that window give `offer_p99_ms_during_reporting`.
 */
export async function measureDuringReporting(
  url: string,
  path: string,
  recaptureDate: string,
): Promise<{ level: LevelResult; window: ReportingWindow }> {
  const window: ReportingWindow = {
    recapture_date: recaptureDate,
    capture_s: 0,
    capture_intervals: 0,
    reports: 0,
  };
  const level = await retryThrottled(() =>
    runLevel(url, LIVE_LEVEL.agents, LIVE_LEVEL.contacts, async (admin, running) => {
      running();
      const from = Date.now();
      let done = false;
      const capture = (async () => {
        const response = await fetch(`${admin.baseUrl}/api/v1/reports/recapture`, {
          method: 'POST',
          headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ date: recaptureDate }),
        });
        const body = (await response.json()) as { intervals: number };
        if (!response.ok) throw new Error(`capture: ${response.status} ${JSON.stringify(body)}`);
        window.capture_intervals = body.intervals;
        window.capture_s = Number(((Date.now() - from) / 1000).toFixed(1));
        done = true;
      })();
      const reports = (async () => {
        while (!done || window.reports < MIN_REPORTS) {
          await fetchReport(admin, path);
          window.reports++;
        }
      })();
      await Promise.all([capture, reports]);
      return { from, to: Date.now() };
    }),
  );
  return { level, window };
}

/** Signing in 100 agents right after the report's sign-in may be throttled: wait a minute and try once more. */
async function retryThrottled<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('throttled')) throw error;
    console.error('  sign-in throttled; trying again in 60 s');
    await new Promise((resolve) => setTimeout(resolve, 60_000));
    return attempt();
  }
}
