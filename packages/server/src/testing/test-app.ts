import { ManualClock } from '@switchboard/core';
import { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Repeat } from '../acd/repeat.ts';
import { type AppOptions, buildApp } from '../app.ts';
import { AssistDesk } from '../assist/assist-desk.ts';
import type { Database } from '../db/database.ts';
import type { App } from '../http/app-types.ts';
import { BossJobQueue } from '../jobs/boss-queue.ts';
import { generateMasterKeyring } from '../secrets/master-keys.ts';
import { createTenant } from '../tenancy/tenants.service.ts';
import { EmbeddedMedia } from '../voice/media/embedded-media.ts';
import type { SpeechSynthesiser } from '../voice/speech.ts';
import { VoiceCalls } from '../voice/voice-calls.ts';
import { openMigratedDatabase } from './migrated-database.ts';

export const TEST_PASSWORD = 'correct horse battery';
/** One master key for every test server, so servers sharing a database open each other's secrets. */
export const TEST_MASTER_KEYS = generateMasterKeyring();

export interface TestApp {
  app: App;
  acd: AcdRuntime;
  /** Requests for help: `tick` fires the escalations due by the hand-moved clock. */
  assist: AssistDesk;
  /** The calls the app carries: tests start callers' calls here (WebRTC legs of the embedded engine). */
  voice: VoiceCalls;
  /** The background jobs the app runs (pg-boss on the test's PGlite). */
  jobs: BossJobQueue;
  database: Database;
  clock: ManualClock;
  /** The event streams' heartbeats, fired by hand. */
  beats: ManualRepeat;
  close(): Promise<void>;
}

/** Collects what would run every so often; `fire` runs each once now. */
export class ManualRepeat {
  readonly #ticks = new Set<() => void>();
  readonly repeat: Repeat = (_ms, tick) => {
    this.#ticks.add(tick);
    return () => this.#ticks.delete(tick);
  };

  fire(): void {
    for (const tick of [...this.#ticks]) tick();
  }

  /** How many are still registered: a closed stream has stopped its heartbeat. */
  get count(): number {
    return this.#ticks.size;
  }
}

/** A server with a hand-moved clock, on a fresh in-memory PGlite database unless given a migrated one. */
export async function startTestApp(
  /**
   * What the app is built with; `speech` speaks the call flows' prompts (eSpeak NG unless told); `agentRejoinMs`
   * is how long a call waits for its agent to rejoin.
   */
  {
    speech,
    agentRejoinMs,
    ...options
  }: Partial<AppOptions> & { speech?: SpeechSynthesiser; agentRejoinMs?: number } = {},
  /** Job kinds a test needs besides the app's own (defined before the queue starts). */
  defineJobs?: (jobs: BossJobQueue) => void,
  /** The migrated database to run on (e.g. PostgreSQL for a shared suite); the app closes it. */
  openDatabase: () => Promise<Database> = openMigratedDatabase,
): Promise<TestApp> {
  const database = await openDatabase();
  const clock = new ManualClock(Date.now());
  const acd = new AcdRuntime(database.routerDb, clock);
  const beats = new ManualRepeat();
  const assist = new AssistDesk(database.db, clock);
  const jobs = new BossJobQueue({ database, pollSeconds: 0.5 });
  defineJobs?.(jobs);
  const voice = new VoiceCalls({
    db: database.db,
    acd,
    media: new EmbeddedMedia(),
    keyring: TEST_MASTER_KEYS,
    now: () => clock.now(),
    ...(speech ? { speech } : {}),
    ...(agentRejoinMs ? { agentRejoinMs } : {}),
  });
  const app = await buildApp({
    db: database.db,
    clock,
    acd,
    assist,
    voice,
    masterKeys: TEST_MASTER_KEYS,
    repeat: beats.repeat,
    jobs,
    ...options,
  });
  return {
    app,
    acd,
    assist,
    voice,
    jobs,
    database,
    clock,
    beats,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface Session {
  tenant: string;
  token: string;
  refreshToken: string;
  headers: { authorization: string };
}

export async function createTestTenant(
  test: TestApp,
  name: string,
): Promise<{ tenantId: string; admin: Session }> {
  const { tenant } = await createTenant(test.database.db, {
    name,
    displayName: name,
    admin: { username: 'admin', password: TEST_PASSWORD },
  });
  return { tenantId: tenant.id, admin: await signIn(test, name, 'admin') };
}

export async function signIn(
  test: TestApp,
  tenant: string,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const response = await test.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { tenant, username, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.body}`);
  const { accessToken, refreshToken } = response.json();
  return { tenant, token: accessToken, refreshToken, headers: { authorization: `Bearer ${accessToken}` } };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls the API as a signed-in user and returns status and parsed body. */
export async function call(
  test: TestApp,
  session: Session | undefined,
  method: Method,
  url: string,
  payload?: unknown,
): Promise<{ status: number; body: any }> {
  const response = await test.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: session?.headers ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  const json = String(response.headers['content-type'] ?? '').startsWith('application/json');
  return {
    status: response.statusCode,
    body: response.body && json ? response.json() : response.body || undefined,
  };
}
