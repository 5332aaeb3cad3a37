import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type Database, migrate, openDatabase } from '../../packages/server/src/index.ts';

const MAIN = fileURLToPath(new URL('../../packages/cli/src/main.ts', import.meta.url));
export const ADMIN_PASSWORD = 'Load-bench-admin-1';
/** One master key for every server of the run: the servers of one PostgreSQL database open each other's secrets. */
const MASTER_KEY = randomBytes(32).toString('base64');

export interface BenchServer {
  url: string;
  /** The server process's id (for its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * One `switchboard start` process, on a fresh embedded database or on the PostgreSQL database given;
 * `prepare` runs first on the migrated database (the embedded one cannot be opened by two processes).
 */
export async function startServer(
  databaseUrl: string | null,
  prepare?: (database: Database) => Promise<void>,
  /** More of the process's environment (e.g. `SWITCHBOARD_ROLES`). */
  env: Record<string, string> = {},
): Promise<BenchServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-load-'));
  if (prepare) {
    const database = await openDatabase({ databaseUrl: databaseUrl ?? undefined, dataDir });
    try {
      await migrate(database.db);
      await prepare(database);
    } finally {
      await database.close();
    }
  }
  const child: ChildProcess = spawn(process.execPath, [MAIN, 'start'], {
    env: {
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'warn',
      SWITCHBOARD_DEMO: '0',
      SWITCHBOARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SWITCHBOARD_DATA: dataDir,
      // Every virtual agent and customer connects from this one machine: the per-address cap would refuse them.
      SWITCHBOARD_MAX_CONNECTIONS_PER_CLIENT: '0',
      SWITCHBOARD_MASTER_KEY: MASTER_KEY,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const match = /^Switchboard listening on (http:\/\/\S+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`switchboard exited with ${code} before listening`)));
  });
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
