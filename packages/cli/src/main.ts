#!/usr/bin/env node
import { ROLES } from '@switchboard/core';
import {
  createTenant,
  createUserInTenant,
  migrate,
  openDatabase,
  resetPasswordInTenant,
} from '@switchboard/server';
import { Command, Option } from 'commander';
import { LOG_FORMATS, resolveStartConfig } from './config.ts';
import { addIntervalsCommands } from './intervals.ts';
import { addKeysCommands } from './keys.ts';
import { addSimulateCommand } from './simulate/command.ts';
import { start } from './start.ts';
import { addWfmCommands } from './wfm/commands.ts';

const program = new Command('switchboard')
  .description('Switchboard: contact center with workforce optimization built in.')
  .showHelpAfterError();

const storageOptions = (command: Command) =>
  command
    .addOption(
      new Option(
        '--master-key <key[,older…]>',
        'master key(s) sealing stored secrets (default: <data>/master.key)',
      ).env('SWITCHBOARD_MASTER_KEY'),
    )
    .addOption(
      new Option('--data <dir>', 'folder of the embedded database').env('SWITCHBOARD_DATA').default('./data'),
    )
    .addOption(
      new Option('--database-url <url>', 'a PostgreSQL server instead of the embedded database').env(
        'DATABASE_URL',
      ),
    );

storageOptions(
  program
    .command('start')
    .description('Start the server (creates tenant "demo" with administrator "admin" on an empty database).')
    .addOption(new Option('--port <port>', 'HTTP port; 0 picks a free one').env('PORT').default('3000'))
    .addOption(new Option('--host <host>', 'address to listen on').env('HOST').default('127.0.0.1'))
    .addOption(
      new Option('--admin-password <password>', 'password of the first administrator').env(
        'SWITCHBOARD_ADMIN_PASSWORD',
      ),
    )
    .addOption(
      new Option('--demo <0|1>', '1: seed a demo center on an empty database')
        .env('SWITCHBOARD_DEMO')
        .default('1'),
    )
    .addOption(
      new Option('--roles <list>', 'roles this process runs: web,router,worker').env('SWITCHBOARD_ROLES'),
    )
    .addOption(
      new Option('--log-level <level>', 'fatal, error, warn, info, debug or trace')
        .env('LOG_LEVEL')
        .default('info'),
    )
    .addOption(
      new Option(
        '--log-format <json|pretty>',
        'log lines as JSON or for people (default: pretty on a terminal)',
      )
        .env('LOG_FORMAT')
        .choices(LOG_FORMATS),
    )
    .addOption(
      new Option('--trust-proxy <hops|addresses>', 'proxies to believe about client addresses').env(
        'SWITCHBOARD_TRUST_PROXY',
      ),
    )
    .addOption(
      new Option(
        '--signin-address-failures <n>',
        'failed sign-ins from one address before they are spaced out',
      ).env('SWITCHBOARD_SIGNIN_ADDRESS_FAILURES'),
    )
    .addOption(
      new Option('--max-connections <n>', 'open connections in all').env('SWITCHBOARD_MAX_CONNECTIONS'),
    )
    .addOption(
      new Option('--max-connections-per-client <n>', 'open connections per client address; 0: no cap').env(
        'SWITCHBOARD_MAX_CONNECTIONS_PER_CLIENT',
      ),
    )
    .addOption(
      new Option('--metrics-token <token>', 'bearer token for /metrics; unset: only this machine').env(
        'SWITCHBOARD_METRICS_TOKEN',
      ),
    )
    .addOption(
      new Option('--sip <address:port>', 'where calls from SIP trunks and phones come in; unset: none').env(
        'SWITCHBOARD_SIP',
      ),
    )
    .addOption(
      new Option(
        '--sip-trunks <name=address:port,…>',
        'SIP trunks outbound calls go out through (the first) and inbound calls must come from; unset: none',
      ).env('SWITCHBOARD_SIP_TRUNKS'),
    )
    .addOption(
      new Option(
        '--rtp-ports <min-max>',
        "the UDP ports calls' audio uses, e.g. 10000-20000; unset: any",
      ).env('SWITCHBOARD_RTP_PORTS'),
    ),
).action(async (flags) => {
  await start(resolveStartConfig(flags, process.env, process.stdout.isTTY === true));
});

storageOptions(program.command('migrate').description('Apply pending database migrations and exit.')).action(
  async (flags: { data: string; databaseUrl?: string }) => {
    const database = await openDatabase({ dataDir: flags.data, databaseUrl: flags.databaseUrl });
    const applied = await migrate(database.db);
    await database.close();
    console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The database is up to date.');
  },
);

const tenant = program.command('tenant').description('Manage tenants.');
storageOptions(
  tenant
    .command('create <name>')
    .description('Create a tenant and its first administrator.')
    .option('--display-name <text>', 'name shown in the app (default: the tenant name)')
    .option('--admin-username <name>', 'username of the first administrator', 'admin')
    .requiredOption('--admin-password <password>', 'password of the first administrator (8–128 characters)'),
).action(async (name: string, flags) => {
  const database = await openDatabase({ dataDir: flags.data, databaseUrl: flags.databaseUrl });
  await migrate(database.db);
  try {
    const { tenant: created } = await createTenant(database.db, {
      name,
      displayName: flags.displayName ?? name,
      admin: { username: flags.adminUsername, password: flags.adminPassword },
    });
    console.log(
      `Created tenant "${created.name}" (${created.id}) with administrator "${flags.adminUsername}".`,
    );
  } finally {
    await database.close();
  }
});

const user = program.command('user').description('Manage users.');
storageOptions(
  user
    .command('create')
    .description('Create a user in a tenant.')
    .requiredOption('--tenant <name>', 'tenant name')
    .requiredOption('--username <name>', 'username (the agent ID)')
    .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
    .option('--password <password>', 'password (not for service users)')
    .option('--display-name <text>', 'full name (default: the username)'),
).action(async (flags) => {
  const database = await openDatabase({ dataDir: flags.data, databaseUrl: flags.databaseUrl });
  await migrate(database.db);
  try {
    const created = await createUserInTenant(database.db, flags.tenant, {
      username: flags.username,
      displayName: flags.displayName ?? flags.username,
      role: flags.role,
      password: flags.password,
    });
    console.log(`Created ${created.role} "${created.username}" (${created.id}) in tenant "${flags.tenant}".`);
  } finally {
    await database.close();
  }
});

storageOptions(
  user
    .command('reset-password')
    .description(
      "Set a user's password and sign them out everywhere (a new one is generated when none is given).",
    )
    .requiredOption('--tenant <name>', 'tenant name')
    .requiredOption('--username <name>', 'username')
    .option('--password <password>', 'the new password (8–128 characters; default: generated, printed once)'),
).action(async (flags) => {
  const database = await openDatabase({ dataDir: flags.data, databaseUrl: flags.databaseUrl });
  await migrate(database.db);
  try {
    const reset = await resetPasswordInTenant(database.db, flags.tenant, flags.username, flags.password);
    // A password the operator chose is theirs already: only a generated one is printed.
    const password = flags.password ? 'the one given' : `${reset.password} (shown once)`;
    console.log(
      `Set the password of "${reset.username}" in tenant "${flags.tenant}": ${password}. Their sessions have ended.`,
    );
  } finally {
    await database.close();
  }
});

addKeysCommands(program, storageOptions);
addIntervalsCommands(program, storageOptions);
addWfmCommands(program, storageOptions);
addSimulateCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`switchboard: ${message}`);
  process.exit(1);
});
