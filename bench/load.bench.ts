/**
 * Load benchmark: one `switchboard start` process under virtual agents and customers driven through the public
 * API and WebSocket event stream only (the live simulator's agents), on the embedded database and, when
 * SWITCHBOARD_TEST_DATABASE_URL names a PostgreSQL server, on a fresh PostgreSQL database too.
 *
 * Levels: 100 agents with 400 contacts, then 500 agents with 2,000 contacts. The contacts are created as fast
 * as 32 parallel requests allow, so that they are all in flight together (agents hold 3 chats each by default,
 * the rest wait); agents answer within 0.1–0.5 s, handle for 60–90 s and wrap up, until all have ended.
 * - routed/s: offers the router made ÷ the time from the first offer to the last;
 * - delivery latency: an agent's receipt of `contact.offered` minus the event's time (one machine, one clock);
 * - lost / duplicated: every offer the supervisor's stream reports must reach the agent it names exactly once;
 * - errors: failed requests, plus contacts not ended within the drain limit.
 * Goal (bound in the same run): 500 agents, 2,000 contacts in flight, p99 delivery < 100 ms, nothing lost.
 *
 * Long work: the first level runs once more on a database holding 100,000 chat records, exported by a
 * background job (`POST /chat-records/exports`, its status followed until completed, then its file
 * downloaded); the contacts are created once the job is running, and `p99_ms_during_export` is the delivery
 * p99 of the offers made while the job ran (its start and finish as the Jobs list reports them), next to the
 * same level's p99 without it (goal: < 100 ms on the embedded database). `--export-only` runs just the first level with and without the export.
 */
import { freshPostgresDatabase, POSTGRES_ENV } from '../packages/server/src/testing/postgres.ts';
import { type ChatRange, EXPORT_CHATS, exportAsJob, seedExportChats } from './load/export.ts';
import { type LevelResult, runLevel } from './load/level.ts';
import { measureReplay } from './load/replay.ts';
import { startServer } from './load/server.ts';

const EXPORT_ONLY = process.argv.includes('--export-only');
const ALL_LEVELS = [
  { agents: 100, contacts: 400 },
  { agents: 500, contacts: 2_000 },
] as const;
const LEVELS = EXPORT_ONLY ? ALL_LEVELS.slice(0, 1) : ALL_LEVELS;
/** The level run again while the export runs. */
const EXPORT_LEVEL = ALL_LEVELS[0];
export const GOALS = { agents: 500, contacts_in_flight: 2_000, p99_ms: 100 } as const;

/** A fresh PostgreSQL database for one server: levels must not share sign-in throttling or leftovers. */
async function onPostgres<T>(
  serverUrl: string | undefined,
  run: (url: string | null) => Promise<T>,
): Promise<T> {
  if (!serverUrl) return run(null);
  const database = await freshPostgresDatabase(serverUrl);
  try {
    return await run(database.url);
  } finally {
    await database.drop();
  }
}

async function backend(name: string, serverUrl?: string): Promise<LevelResult[]> {
  const results: LevelResult[] = [];
  for (const level of LEVELS) {
    const result = await onPostgres(serverUrl, async (databaseUrl) => {
      const server = await startServer(databaseUrl);
      try {
        console.error(`${name}: ${level.agents} agents, ${level.contacts} contacts …`);
        return await runLevel(server.url, level.agents, level.contacts);
      } finally {
        await server.stop();
      }
    });
    console.error(`  ${JSON.stringify(result)}`);
    results.push(result);
  }
  return results;
}

/** The first level again, on a database holding EXPORT_CHATS chat records exported by a job while it runs. */
async function duringExport(name: string, databaseUrl: string | null): Promise<LevelResult> {
  let range: ChatRange | undefined;
  const server = await startServer(databaseUrl, async (database) => {
    range = await seedExportChats(database);
  });
  try {
    const { agents, contacts } = EXPORT_LEVEL;
    console.error(
      `${name}: ${agents} agents, ${contacts} contacts, exporting ${EXPORT_CHATS} chat records …`,
    );
    return await runLevel(server.url, agents, contacts, (admin, running) =>
      exportAsJob(admin, range as ChatRange, running),
    );
  } finally {
    await server.stop();
  }
}

export async function run({ json }: { json: boolean }): Promise<void> {
  const started = performance.now();
  const results: Record<string, LevelResult[]> = { embedded: await backend('embedded') };
  const exports: Record<string, LevelResult> = { embedded: await duringExport('embedded', null) };
  console.error('embedded: a socket resuming 10,000 events behind …');
  console.error(`  ${JSON.stringify(exports.embedded)}`);
  const replay = await measureReplay();
  console.error(`  ${JSON.stringify(replay)}`);
  const serverUrl = process.env[POSTGRES_ENV];
  if (serverUrl) {
    results.postgres = await backend('postgres', serverUrl);
    exports.postgres = await onPostgres(serverUrl, (url) => duringExport('postgres', url));
  } else console.error(`PostgreSQL skipped: set ${POSTGRES_ENV} to include it.`);

  const columns = [
    'backend',
    'agents',
    'contacts',
    'in flight',
    'routed/s',
    'p50 ms',
    'p99 ms',
    'max ms',
    'errors',
    'races',
    'lost',
    'dup',
    's',
  ];
  const runs = [
    ...Object.entries(results).flatMap(([name, levels]) => levels.map((r) => [name, r] as const)),
    ...Object.entries(exports).map(([name, r]) => [`${name}+export`, r] as const),
  ];
  const rows = runs.map(([name, r]) => [
    name,
    r.agents,
    r.contacts,
    r.peak_in_flight,
    r.routed_per_s,
    r.p50_ms,
    r.p99_ms,
    r.max_ms,
    r.errors,
    r.races,
    r.lost,
    r.duplicated,
    r.seconds,
  ]);
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells: (string | number)[]) =>
    cells.map((cell, i) => String(cell).padStart(widths[i] ?? 0)).join('  ');
  console.log(
    [
      'Load benchmark: one server process, virtual agents and customers through the public API.',
      '',
      line(columns),
      ...rows.map(line),
    ].join('\n'),
  );
  const sameLevel = (name: string) => results[name]?.[0]?.p99_ms ?? 0;
  const during = (name: string) => exports[name]?.during;
  for (const name of Object.keys(exports)) {
    const figures = during(name);
    if (!figures) continue;
    console.log(
      `${name}: ${figures.offers} offers while ${EXPORT_CHATS.toLocaleString('en')} chat records were exported ` +
        `(${figures.seconds} s): p99 ${figures.p99_ms} ms, against ${sameLevel(name)} ms without the export.`,
    );
  }

  const top = (name: string) => results[name]?.at(-1);
  const embedded = top('embedded') as LevelResult;
  const postgres = top('postgres');
  const all = Object.values(results).flat();
  const lost = all.reduce((sum, r) => sum + r.lost, 0);
  const duplicated = all.reduce((sum, r) => sum + r.duplicated, 0);
  const worstP99 = Math.max(...[embedded, postgres].filter((r) => r !== undefined).map((r) => r.p99_ms));
  const met = (ok: boolean) => (ok ? 1 : 0);
  const summary = {
    agents: embedded.agents,
    contacts_in_flight: embedded.peak_in_flight,
    routed_per_s: embedded.routed_per_s,
    p99_ms: embedded.p99_ms,
    lost,
    duplicated,
    errors: all.reduce((sum, r) => sum + r.errors, 0),
    pg_routed_per_s: postgres?.routed_per_s ?? 0,
    pg_p99_ms: postgres?.p99_ms ?? 0,
    pg_contacts_in_flight: postgres?.peak_in_flight ?? 0,
    postgres_measured: met(postgres !== undefined),
    p99_ms_during_export: during('embedded')?.p99_ms ?? 0,
    p99_ms_same_level: sameLevel('embedded'),
    offers_during_export: during('embedded')?.offers ?? 0,
    export_seconds: during('embedded')?.seconds ?? 0,
    pg_p99_ms_during_export: during('postgres')?.p99_ms ?? 0,
    pg_p99_ms_same_level: sameLevel('postgres'),
    events_replayed_per_s: replay.events_replayed_per_s,
    feed_events_per_s: replay.feed_events_per_s,
    met_p99_ms_during_export: met((during('embedded')?.p99_ms ?? Infinity) < GOALS.p99_ms),
    goal_p99_ms: GOALS.p99_ms,
    met_p99_ms: met(worstP99 < GOALS.p99_ms),
    met_in_flight: met(
      embedded.peak_in_flight >= GOALS.contacts_in_flight * 0.9 && embedded.agents >= GOALS.agents,
    ),
    met_nothing_lost: met(lost === 0 && duplicated === 0),
    met_all: 0,
    run_seconds: Math.round((performance.now() - started) / 1000),
  };
  summary.met_all = met(summary.met_p99_ms + summary.met_in_flight + summary.met_nothing_lost === 3);
  console.log(
    `\nGoal: ${GOALS.agents} agents, ${GOALS.contacts_in_flight} contacts in flight, p99 < ${GOALS.p99_ms} ms, nothing lost: ` +
      `${summary.met_all ? 'met' : 'NOT met'} (worst p99 ${worstP99} ms, lost ${lost}, duplicated ${duplicated}). Run time ${summary.run_seconds} s.`,
  );
  if (json) {
    const ratio = {
      p99_over_bound: Number((worstP99 / GOALS.p99_ms).toFixed(3)),
      replay_over_feed: Number(
        (replay.events_replayed_per_s / Math.max(1, replay.feed_events_per_s)).toFixed(3),
      ),
      p99_during_export_over_p99: Number(
        (summary.p99_ms_during_export / Math.max(1, summary.p99_ms_same_level)).toFixed(3),
      ),
      ...(exports.postgres
        ? {
            pg_p99_during_export_over_p99: Number(
              (summary.pg_p99_ms_during_export / Math.max(1, summary.pg_p99_ms_same_level)).toFixed(3),
            ),
          }
        : {}),
    };
    console.log(
      JSON.stringify({
        bench: 'load',
        params: { levels: LEVELS, export: { chats: EXPORT_CHATS, level: EXPORT_LEVEL } },
        results: { ...results, during_export: exports, replay },
        baseline: { p99_bound_ms: GOALS.p99_ms },
        ratio,
        summary,
      }),
    );
  }
}
