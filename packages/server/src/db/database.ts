import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { TurnStats } from './connection-turns.ts';
import { PgliteDialect } from './copy-rows.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { PgliteAsPool } from './pglite-pool.ts';
import type { Schema } from './schema.ts';

export type Db = Kysely<Schema>;

export interface Database {
  db: Db;
  /**
   * The routers' way to the database (`AcdRuntime`): on the embedded database the same connection, whose
   * requests go before every other waiting one; on PostgreSQL a pool of its own, which no other work can
   * exhaust. Long work on `db` therefore delays a router batch by at most one of its short queries.
   */
  routerDb: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** The embedded database's files as one archive, for `restoreFrom` (PGlite only). */
  dump?(): Promise<Blob>;
  /**
   * What the job queue connects with: the server's address (it keeps its own small pool), or the embedded
   * database, which it reaches only while holding the pool's one connection (jobs/boss-connection.ts).
   */
  jobs: { kind: 'postgres'; url: string } | { kind: 'pglite'; pglite: PGlite };
  /** How the embedded database's one connection was shared between the lanes (PGlite only). */
  turnStats?(): TurnStats;
}

export interface DatabaseOptions {
  /** A PostgreSQL server; when set the embedded database is not used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; omitted means in memory (tests). */
  dataDir?: string | undefined;
  /** An embedded database to start from, as `PGlite.dumpDataDir` wrote it (tests start from a migrated one). */
  restoreFrom?: Blob | undefined;
}

/** Connections of the PostgreSQL pool everything but the routers shares. */
const POOL_SIZE = 10;
/** Connections reserved for the routers' reads and batches: a tenant writes one batch at a time. */
const ROUTER_POOL_SIZE = 4;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const kysely = (max: number) => {
      const pool = new pg.Pool({ connectionString: options.databaseUrl, max });
      // An idle connection the server drops (restart, failover) must not crash the process; the pool reconnects.
      pool.on('error', () => {});
      return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    };
    const db = kysely(POOL_SIZE);
    const routerDb = kysely(ROUTER_POOL_SIZE);
    const close = async () => {
      await Promise.all([db.destroy(), routerDb.destroy()]);
    };
    return { db, routerDb, kind: 'postgres', close, jobs: { kind: 'postgres', url: options.databaseUrl } };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // int8 as text, as node-postgres returns it, so both backends hand the code the same values.
  const pglite = await PGlite.create(options.dataDir, {
    parsers: { [types.INT8]: (value: string) => value },
    ...(options.restoreFrom ? { loadDataDir: options.restoreFrom } : {}),
  });
  const pool = new PgliteAsPool(pglite);
  const db = new Kysely<Schema>({ dialect: new PgliteDialect({ pool }) });
  const routerDb = new Kysely<Schema>({ dialect: new PgliteDialect({ pool: pool.routerLane }) });
  return {
    db,
    routerDb,
    kind: 'pglite',
    close: async () => {
      await routerDb.destroy();
      await db.destroy();
    },
    dump: () => pglite.dumpDataDir('none'),
    turnStats: () => ({ ...pool.turns.stats }),
    jobs: { kind: 'pglite', pglite },
  };
}

const MIGRATION_LOCK = 7_300_001;

/** Applies pending migrations in one transaction; an advisory lock keeps concurrent nodes in line. */
export async function migrate(db: Db): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`create table if not exists schema_migrations (
      id integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(
      trx,
    );
    const applied = new Set(
      (await trx.selectFrom('schema_migrations').select('id').execute()).map((r) => r.id),
    );
    const done: number[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.id)) continue;
      await sql.raw(migration.sql).execute(trx);
      await trx.insertInto('schema_migrations').values({ id: migration.id, name: migration.name }).execute();
      done.push(migration.id);
    }
    return done;
  });
}

/** True when the database answers and every known migration is applied. */
export async function isReady(db: Db): Promise<boolean> {
  try {
    const rows = await db.selectFrom('schema_migrations').select('id').execute();
    const applied = new Set(rows.map((r) => r.id));
    return MIGRATIONS.every((m) => applied.has(m.id));
  } catch {
    return false;
  }
}
