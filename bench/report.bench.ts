/**
 * Report benchmark: a simulated 500-agent center with 90 days of history (about 1.8 million contact legs and
 * the agents' state trace), written as the router writes it, on the embedded database and, when
 * SWITCHBOARD_TEST_DATABASE_URL names a PostgreSQL server, on a fresh PostgreSQL database too.
 *
 * With the real capture code: every day recaptured (`recapture_all_s`), one day (`recapture_day_s`, goal < 5 s),
 * each 15-minute interval's close with the minute job replayed over three weekdays' open hours as a running
 * server runs it (`interval_p99_ms`, goal < 50 ms). Through the
 * API of a running server: the 31-day CSQ activity report at 15-minute rows for the 20 CSQs, every row, rows as
 * arrays (`report_31d_p95_ms`, goal < 200 ms, from the request to the response's last byte; the time to the body
 * parsed by the client, the first request and the objects layout printed too), against
 * one SQL GROUP BY over the raw legs in the same run
 * (`speedup_vs_raw_groupby`); and offer delivery to agents on WebSockets while the server captures a whole day
 * and serves that report (`offer_p99_ms_during_reporting`, goal < 100 ms). `--days N` shortens the history.
 */
import { freshPostgresDatabase, POSTGRES_ENV } from '../packages/server/src/testing/postgres.ts';
import { startServer } from './load/server.ts';
import { generateHistory, type History } from './report/history.ts';
import { LIVE_LEVEL, measureDuringReporting, measureReport, reportPath } from './report/live.ts';
import {
  type CaptureFigures,
  isoDate,
  measureCapture,
  reportRange,
  settleCapture,
} from './report/measure.ts';

export const GOALS = {
  interval_p99_ms: 50,
  recapture_day_s: 5,
  report_31d_p95_ms: 200,
  offer_p99_ms_during_reporting: 100,
} as const;

/**
 * The goals PostgreSQL's figures are held to as well. Routing while reporting runs is a goal of the embedded
 * database, where both share one connection; on PostgreSQL its figure is printed beside it.
 */
const POSTGRES_GOALS = ['interval_p99_ms', 'recapture_day_s', 'report_31d_p95_ms'] as const;

const daysArg = process.argv.indexOf('--days');
const DAYS = daysArg > 0 ? Number(process.argv[daysArg + 1]) : 90;

interface BackendResult {
  history: Omit<History, 'center'>;
  capture: CaptureFigures;
  report: Awaited<ReturnType<typeof measureReport>>;
  live: Awaited<ReturnType<typeof measureDuringReporting>>;
}

const progress = (line: string) => console.error(line);

async function backend(name: string, databaseUrl: string | null): Promise<BackendResult> {
  let history: History | undefined;
  let capture: CaptureFigures | undefined;
  const server = await startServer(databaseUrl, async (database) => {
    progress(`${name}: writing ${DAYS} days of history …`);
    history = await generateHistory(database.db, DAYS, progress);
    progress(
      `${name}: history written in ${history.seconds.toFixed(0)} s (${Math.round((history.events + history.trace + history.contacts) / history.seconds).toLocaleString('en')} rows/s); capturing …`,
    );
    capture = await measureCapture(database.db, history, progress);
    await settleCapture(database.db, history);
  });
  try {
    const written = history as History;
    const path = reportPath(reportRange(written));
    progress(`${name}: the 31-day report through the API …`);
    const report = await measureReport(server.url, path, reportPath(reportRange(written), 'objects'));
    progress(`  ${JSON.stringify(report)}`);
    progress(
      `${name}: ${LIVE_LEVEL.agents} agents, ${LIVE_LEVEL.contacts} contacts while a day is recaptured and the report served …`,
    );
    const lastDay = isoDate(written.from + (written.days - 1) * 86_400_000);
    const live = await measureDuringReporting(server.url, path, lastDay);
    progress(`  ${JSON.stringify(live)}`);
    const { center: _center, ...rest } = written;
    return { history: rest, capture: capture as CaptureFigures, report, live };
  } finally {
    await server.stop();
  }
}

const ratio = (figure: number, goal: number) => Number((figure / goal).toFixed(3));

function figuresOf(result: BackendResult) {
  const rawP95 = [...result.capture.raw_groupby_ms].sort((a, b) => a - b).at(-1) ?? 0;
  return {
    interval_p99_ms: result.capture.interval_p99_ms,
    minute_run_p99_ms: result.capture.minute_run_p99_ms,
    recapture_day_s: result.capture.recapture_day_s,
    report_31d_p95_ms: result.report.report_31d_p95_ms,
    offer_p99_ms_during_reporting: result.live.level.during?.p99_ms ?? 0,
    speedup_vs_raw_groupby: Number((rawP95 / Math.max(0.1, result.report.report_31d_p95_ms)).toFixed(2)),
    raw_groupby_p95_ms: rawP95,
    recapture_all_s: result.capture.recapture_all_s,
    recapture_day_first_s: result.capture.recapture_day_first_s,
    report_31d_first_ms: result.report.report_31d_first_ms,
    report_31d_objects_p95_ms: result.report.report_31d_objects_p95_ms,
    report_31d_parsed_p95_ms: result.report.report_31d_parsed_p95_ms,
  };
}

export async function run({ json }: { json: boolean }): Promise<void> {
  if (!Number.isInteger(DAYS) || DAYS < 1 || DAYS > 92)
    throw new Error(`--days takes a whole number from 1 to 92 (the report covers the last 31); got ${DAYS}.`);
  const started = performance.now();
  const results: Record<string, BackendResult> = { embedded: await backend('embedded', null) };
  const serverUrl = process.env[POSTGRES_ENV];
  if (serverUrl) {
    const database = await freshPostgresDatabase(serverUrl);
    try {
      results.postgres = await backend('postgres', database.url);
    } finally {
      await database.drop();
    }
  } else progress(`PostgreSQL skipped: set ${POSTGRES_ENV} to include it.`);

  const embedded = figuresOf(results.embedded as BackendResult);
  const postgres = results.postgres ? figuresOf(results.postgres) : null;
  const lines = [
    `Report benchmark: ${DAYS} days of a 500-agent center, 20 CSQs.`,
    '',
    ...Object.entries(results).map(([name, r]) => {
      const h = r.history;
      return `${name}: ${h.legs.toLocaleString('en')} legs (${h.contacts.toLocaleString('en')} contacts), ${h.events.toLocaleString('en')} events, ${h.trace.toLocaleString('en')} state changes written in ${h.seconds.toFixed(0)} s (${Math.round((h.events + h.trace + h.contacts) / h.seconds).toLocaleString('en')} rows/s, indexes included)`;
    }),
    '',
    'figure                          goal        embedded (÷ goal)        postgres (÷ goal)',
  ];
  const row = (label: string, key: keyof typeof GOALS, unit: string) => {
    const cell = (f: ReturnType<typeof figuresOf> | null, goal = true) =>
      f ? `${f[key]} ${unit} (${goal ? ratio(f[key], GOALS[key]) : 'no goal'})`.padEnd(25) : '-'.padEnd(25);
    const pgGoal = (POSTGRES_GOALS as readonly string[]).includes(key);
    return `${label.padEnd(32)}< ${`${GOALS[key]} ${unit}`.padEnd(10)}${cell(embedded)}${cell(postgres, pgGoal)}`;
  };
  lines.push(
    row('one interval captured, p99', 'interval_p99_ms', 'ms'),
    row('one day recaptured', 'recapture_day_s', 's'),
    row('31-day report, p95', 'report_31d_p95_ms', 'ms'),
    row('offer p99 during reporting', 'offer_p99_ms_during_reporting', 'ms'),
    `${"the minute job's run after a close, p99".padEnd(44)}${`${embedded.minute_run_p99_ms} ms`.padEnd(25)}${postgres ? `${postgres.minute_run_p99_ms} ms` : '-'}`,
    `${'whole history recaptured'.padEnd(44)}${`${embedded.recapture_all_s} s`.padEnd(25)}${postgres ? `${postgres.recapture_all_s} s` : '-'}`,
    `${'a day recaptured the first time (median)'.padEnd(44)}${`${embedded.recapture_day_first_s} s`.padEnd(25)}${postgres ? `${postgres.recapture_day_first_s} s` : '-'}`,
    `${'31-day report, first request'.padEnd(44)}${`${embedded.report_31d_first_ms} ms`.padEnd(25)}${postgres ? `${postgres.report_31d_first_ms} ms` : '-'}`,
    `${'31-day report parsed by the client, p95'.padEnd(44)}${`${embedded.report_31d_parsed_p95_ms} ms`.padEnd(25)}${postgres ? `${postgres.report_31d_parsed_p95_ms} ms` : '-'}`,
    `${'31-day report, rows as objects, p95'.padEnd(44)}${`${embedded.report_31d_objects_p95_ms} ms`.padEnd(25)}${postgres ? `${postgres.report_31d_objects_p95_ms} ms` : '-'}`,
    `${'raw GROUP BY ÷ report (p95)'.padEnd(44)}${`${embedded.speedup_vs_raw_groupby}× (${embedded.raw_groupby_p95_ms} ms)`.padEnd(25)}${postgres ? `${postgres.speedup_vs_raw_groupby}× (${postgres.raw_groupby_p95_ms} ms)` : '-'}`,
  );
  console.log(lines.join('\n'));

  const met = (ok: boolean) => (ok ? 1 : 0);
  const goalsMet = (f: ReturnType<typeof figuresOf>, keys: readonly (keyof typeof GOALS)[]) =>
    keys.every((key) => f[key] < GOALS[key]);
  const pg = (key: keyof ReturnType<typeof figuresOf>) => postgres?.[key] ?? 0;
  const summary = {
    interval_p99_ms: embedded.interval_p99_ms,
    recapture_day_s: embedded.recapture_day_s,
    report_31d_p95_ms: embedded.report_31d_p95_ms,
    offer_p99_ms_during_reporting: embedded.offer_p99_ms_during_reporting,
    speedup_vs_raw_groupby: embedded.speedup_vs_raw_groupby,
    pg_interval_p99_ms: pg('interval_p99_ms'),
    pg_recapture_day_s: pg('recapture_day_s'),
    pg_report_31d_p95_ms: pg('report_31d_p95_ms'),
    pg_offer_p99_ms_during_reporting: pg('offer_p99_ms_during_reporting'),
    pg_speedup_vs_raw_groupby: pg('speedup_vs_raw_groupby'),
    minute_run_p99_ms: embedded.minute_run_p99_ms,
    pg_minute_run_p99_ms: pg('minute_run_p99_ms'),
    recapture_all_s: embedded.recapture_all_s,
    pg_recapture_all_s: pg('recapture_all_s'),
    recapture_day_first_s: embedded.recapture_day_first_s,
    pg_recapture_day_first_s: pg('recapture_day_first_s'),
    report_31d_first_ms: embedded.report_31d_first_ms,
    pg_report_31d_first_ms: pg('report_31d_first_ms'),
    report_31d_objects_p95_ms: embedded.report_31d_objects_p95_ms,
    pg_report_31d_objects_p95_ms: pg('report_31d_objects_p95_ms'),
    report_31d_parsed_p95_ms: embedded.report_31d_parsed_p95_ms,
    pg_report_31d_parsed_p95_ms: pg('report_31d_parsed_p95_ms'),
    days: DAYS,
    legs: results.embedded?.capture.legs ?? 0,
    postgres_measured: met(postgres !== null),
    met_all: met(
      goalsMet(embedded, Object.keys(GOALS) as (keyof typeof GOALS)[]) &&
        (postgres === null || goalsMet(postgres, POSTGRES_GOALS)),
    ),
    run_seconds: Math.round((performance.now() - started) / 1000),
  };
  console.log(`\nGoals ${summary.met_all ? 'met' : 'NOT all met'}. Run time ${summary.run_seconds} s.`);
  if (json) {
    const ratios = Object.fromEntries(
      (Object.keys(GOALS) as (keyof typeof GOALS)[]).flatMap((key) => [
        [`${key}_over_goal`, ratio(embedded[key], GOALS[key])],
        ...(postgres ? [[`pg_${key}_over_goal`, ratio(postgres[key], GOALS[key])]] : []),
      ]),
    );
    console.log(
      JSON.stringify({
        bench: 'report',
        params: { days: DAYS, agents: 500, csqs: 20, live_level: LIVE_LEVEL },
        results,
        baseline: {
          goals: GOALS,
          raw_groupby_p95_ms: embedded.raw_groupby_p95_ms,
          ...(postgres ? { pg_raw_groupby_p95_ms: postgres.raw_groupby_p95_ms } : {}),
        },
        ratio: {
          ...ratios,
          speedup_vs_raw_groupby: embedded.speedup_vs_raw_groupby,
          ...(postgres ? { pg_speedup_vs_raw_groupby: postgres.speedup_vs_raw_groupby } : {}),
        },
        summary,
      }),
    );
  }
}
