import type { PGlite, Results } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * Presents an embedded PGlite database as the pool Kysely's PostgreSQL dialect expects, so one query
 * layer serves both backends. PGlite has a single connection: a client holds it exclusively from
 * connect() to release(), which keeps transactions of concurrent requests apart.
 */
export class PgliteAsPool implements PostgresPool {
  readonly #db: PGlite;
  #queue: Promise<void> = Promise.resolve();

  constructor(db: PGlite) {
    this.#db = db;
  }

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const turn = this.#queue;
    this.#queue = turn.then(() => released);
    await turn;
    const db = this.#db;
    const client = {
      async query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
        // A statement without parameters may be a multi-statement script (migrations).
        const results: Results<R>[] =
          parameters.length === 0
            ? ((await db.exec(sql)) as Results<R>[])
            : [await db.query<R>(sql, [...parameters])];
        const last = results[results.length - 1];
        return {
          command: commandOf(sql),
          rowCount: last?.affectedRows ?? 0,
          rows: last?.rows ?? [],
        };
      },
      release,
    };
    return client as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.#queue;
    await this.#db.close();
  }
}

function commandOf(sql: string): 'INSERT' | 'UPDATE' | 'DELETE' | 'MERGE' | 'SELECT' {
  const word = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase();
  return word === 'INSERT' || word === 'UPDATE' || word === 'DELETE' || word === 'MERGE' ? word : 'SELECT';
}
