import { type ConstructorOptions, fromPglite } from 'pg-boss';
import type { Database } from '../db/database.ts';

/** pg-boss's tables live in their own schema, migrated by pg-boss itself when the queue starts. */
export const JOBS_SCHEMA = 'pgboss';

/**
 * How pg-boss reaches the database.
 *
 * PostgreSQL: its own pool of a few connections (transactions and LISTEN of its own, apart from the
 * server's pool).
 *
 * PGlite has one connection, which `PgliteAsPool` lends to one Kysely client at a time. pg-boss must not
 * talk to PGlite while a request's transaction holds it (its statements would join that transaction), so
 * each statement first takes the pool's turn (`db.connection()`), then runs through pg-boss's own PGlite
 * adapter. That adapter, not Kysely, is needed for two reasons: pg-boss sends multi-statement blocks
 * (`BEGIN; … RETURNING …; COMMIT`) and needs the rows of every statement, where the pool returns the last
 * one's; and a failed block must be rolled back before the connection goes back to the server.
 */
export function bossConnection(database: Database): ConstructorOptions {
  if (database.jobs.kind === 'postgres')
    return { connectionString: database.jobs.url, max: 3, schema: JOBS_SCHEMA };
  const direct = fromPglite(database.jobs.pglite);
  const holdingTheConnection = <T>(work: () => Promise<T>): Promise<T> =>
    database.db.connection().execute(work);
  return {
    backend: 'pglite',
    schema: JOBS_SCHEMA,
    db: {
      executeSql: (text, values) => holdingTheConnection(() => direct.executeSql(text, values)),
      // Only pg-boss's test clock sets session statements (a setting read by pg-boss's own functions).
      setSessionStatements: (statements) =>
        holdingTheConnection(async () => direct.setSessionStatements?.(statements)),
    },
  };
}
