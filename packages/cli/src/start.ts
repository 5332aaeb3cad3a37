import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BossJobQueue,
  buildApp,
  ensureFirstTenant,
  loadMasterKeys,
  migrate,
  openDatabase,
  seedDemo,
} from '@switchboard/server';
import type { StartConfig } from './config.ts';
import { prettyLogs } from './pretty-logs.ts';
import { startDemoSimulation } from './simulate/demo.ts';

/** The desktop's build (npm ci and npm start build it; see packages/web). */
const WEB_ROOT = fileURLToPath(new URL('./dist', import.meta.resolve('@switchboard/web/package.json')));
/** The embeddable chat widget's build (built with the desktop; see packages/widget). */
const WIDGET_SCRIPT = fileURLToPath(
  new URL('./dist/widget.js', import.meta.resolve('@switchboard/widget/package.json')),
);

export const masterKeyFile = (dataDir: string) => join(dataDir, 'master.key');

/** The logger's flush (pino's), which Fastify's logger type leaves out. */
interface PinoFlush {
  flush(done: () => void): void;
}

/** Opens the database, applies migrations, creates the first tenant on an empty database, and serves. */
export async function start(config: StartConfig): Promise<void> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database.db);
  const firstAdmin = await ensureFirstTenant(database.db, config.adminPassword);
  if (firstAdmin && config.demo) await seedDemo(database.db, firstAdmin);
  const masterKeys = loadMasterKeys(config.masterKey, masterKeyFile(config.dataDir));
  const app = await buildApp({
    db: database.db,
    routerDb: database.routerDb,
    masterKeys: masterKeys.keyring,
    trustProxy: config.trustProxy,
    signIn: { addressFreeFailures: config.signInAddressFailures },
    logger: {
      level: config.logLevel,
      ...(config.logFormat === 'pretty' ? { stream: prettyLogs() } : {}),
    },
    webRoot: WEB_ROOT,
    widgetScript: WIDGET_SCRIPT,
    demoPage: config.demo,
    connections: config.connections,
    metricsToken: config.metricsToken,
    sip: config.sip,
    rtpPorts: config.rtpPorts,
    jobs: new BossJobQueue({ database }),
  });
  let demo: { stop(): Promise<void> } | null = null;
  const stop = async () => {
    await demo?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const address = await app.listen({ port: config.port, host: config.host });
  // Fastify's own listening line may still wait in the logger's buffer: out before the banner, not inside it.
  await new Promise<void>((resolve) => (app.log as unknown as PinoFlush).flush(() => resolve()));
  // The banner goes out in one write: a log line (Fastify's own listening line comes when it will) can land
  // before or after it, never inside it.
  const banner: string[] = [];
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`;
  banner.push(`Storage: ${where}. Roles: ${config.roles.join(', ')}. API docs: ${address}/api/docs`);
  if (masterKeys.created) {
    banner.push(
      `Created the master key in ${masterKeyFile(config.dataDir)}: back it up; every node needs the same one (SWITCHBOARD_MASTER_KEY).`,
    );
  }
  if (firstAdmin) {
    // A password the operator chose is theirs already: it never goes to a log.
    const password = config.adminPassword
      ? 'the one in SWITCHBOARD_ADMIN_PASSWORD'
      : `${firstAdmin.password} (shown once; change it after signing in)`;
    banner.push(
      `Created tenant "${firstAdmin.tenant}" with administrator "${firstAdmin.username}", password: ${password}`,
    );
  }
  const simulate = firstAdmin !== null && config.demo;
  if (simulate) {
    banner.push(
      `Demo: virtual customers chat with the demo agents. Sign in as "maria" (supervisor) or "admin" with the ` +
        'password above; run with SWITCHBOARD_DEMO=0 to start empty.',
    );
    banner.push(`Demo chat widget on a sample website: ${address}/demo/chat`);
  }
  // Printed last: whoever waits for this line finds everything above already there.
  banner.push(`Switchboard listening on ${address}`);
  console.log(banner.join('\n'));
  if (simulate && firstAdmin) demo = startDemoSimulation(address, firstAdmin);
}
