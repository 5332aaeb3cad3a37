import type { PGlite, Results } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { ConnectionTurns, type Lane } from './connection-turns.ts';

/**
 * Presents an embedded PGlite database as the pool Kysely's PostgreSQL dialect expects, so one query
 * layer serves both backends. PGlite has a single connection: a client holds it exclusively from
 * connect() to release(), which keeps transactions of concurrent requests apart. Requests wait in two
 * lanes (`ConnectionTurns`): the routers' go before everything else, so long work that runs as a series
 * of short queries delays a router batch by at most one of them.
 */
export class PgliteAsPool implements PostgresPool {
  readonly #db: PGlite;
  readonly turns = new ConnectionTurns();

  constructor(db: PGlite) {
    this.#db = db;
  }

  /** The same connection for the router lane, as a pool of its own; ending it leaves the database open. */
  get routerLane(): PostgresPool {
    return { connect: () => this.connect('router'), end: async () => {} };
  }

  async connect(lane: Lane = 'normal'): Promise<PostgresPoolClient> {
    await new Promise<void>((granted) => this.turns.take(lane, granted));
    const db = this.#db;
    let released = false;
    const client = {
      async query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
        // A statement without parameters may be a multi-statement script (migrations); a COPY from '/dev/blob'
        // has its file as its one parameter (`copyRows`).
        const [file] = parameters;
        const results: Results<R>[] =
          parameters.length === 0
            ? ((await db.exec(sql)) as Results<R>[])
            : file instanceof Blob && parameters.length === 1 && /^copy\b/i.test(sql)
              ? [await db.query<R>(sql, [], { blob: file })]
              : [await db.query<R>(sql, [...parameters])];
        const last = results[results.length - 1];
        return {
          command: commandOf(sql),
          rowCount: last?.affectedRows ?? 0,
          rows: last?.rows ?? [],
        };
      },
      release: () => {
        if (released) return;
        released = true;
        this.turns.release();
      },
    };
    return client as PostgresPoolClient;
  }

  /** Waits for every request queued so far, then closes the database. */
  async end(): Promise<void> {
    await new Promise<void>((granted) => this.turns.take('normal', granted));
    await this.#db.close();
  }
}

function commandOf(sql: string): 'INSERT' | 'UPDATE' | 'DELETE' | 'MERGE' | 'SELECT' {
  const word = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase();
  return word === 'INSERT' || word === 'UPDATE' || word === 'DELETE' || word === 'MERGE' ? word : 'SELECT';
}
