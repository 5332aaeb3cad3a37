import type { ContactCounts } from '@switchboard/core';
import { noContactCounts } from '@switchboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import {
  CONTACT_COLUMNS,
  DAY_BLOCK_MS,
  type StoredCounts,
  storedCounts,
} from './interval-tables.repository.ts';

/** Rows kept per process at most (a day of 20 CSQs at 15 minutes is under 2,000), the least recently read go first. */
export const CACHED_ROWS_MAX = 250_000;

type ContactTable = 'csq_intervals' | 'call_type_intervals';

interface Entry {
  generation: string;
  rows: StoredCounts<ContactCounts>[];
}

/**
 * The contact interval rows of whole UTC days, as read, each with the generation of its day then. Days closed
 * long ago are read by every report over them and change only when captured again; a day whose generation
 * moved is read again.
 */
export class IntervalRowCache {
  readonly #entries = new Map<string, Entry>();
  #rows = 0;

  readonly #maxRows: number;

  constructor(maxRows = CACHED_ROWS_MAX) {
    this.#maxRows = maxRows;
  }

  get(key: string, generation: string): StoredCounts<ContactCounts>[] | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.generation !== generation) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.rows;
  }

  set(key: string, generation: string, rows: StoredCounts<ContactCounts>[]): void {
    this.#forget(key);
    this.#entries.set(key, { generation, rows });
    this.#rows += rows.length;
    for (const oldest of this.#entries.keys()) {
      if (this.#rows <= this.#maxRows) break;
      this.#forget(oldest);
    }
  }

  get size(): { days: number; rows: number } {
    return { days: this.#entries.size, rows: this.#rows };
  }

  #forget(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#rows -= entry.rows.length;
    this.#entries.delete(key);
  }
}

const caches = new WeakMap<Db, IntervalRowCache>();

/** The cache of one database handle (each test app has its own). */
export function intervalRowCache(db: Db): IntervalRowCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new IntervalRowCache();
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The tenant's rows of a contact interval table starting in [from, to), keyed by CSQ id or call type: the days
 * whose generation is unchanged since they were last read come from the cache, the others from the database
 * (consecutive ones in one read). Generations are read before rows, so a capture in between only costs a read.
 */
export async function contactCountsBetween(
  db: Db,
  tenantId: string,
  table: ContactTable,
  from: number,
  to: number,
): Promise<StoredCounts<ContactCounts>[]> {
  if (to <= from) return [];
  const cache = intervalRowCache(db);
  const first = Math.floor(from / DAY_BLOCK_MS);
  const last = Math.floor((to - 1) / DAY_BLOCK_MS);
  const { rows: generations } = await sql<{ block: number; generation: string | number }>`
    select block, generation from interval_blocks
    where tenant_id = ${tenantId} and table_name = ${table} and block between ${first} and ${last}`.execute(
    db,
  );
  const generationOf = new Map(generations.map((row) => [Number(row.block), String(row.generation)]));
  const keyOf = (block: number) => `${tenantId}|${table}|${block}`;
  const parts: StoredCounts<ContactCounts>[][] = [];
  const missing: number[] = [];
  for (let block = first; block <= last; block++) {
    const rows = cache.get(keyOf(block), generationOf.get(block) ?? '0');
    if (rows) parts.push(rows);
    else missing.push(block);
  }
  for (const run of consecutive(missing)) {
    const read = await storedCounts(
      db,
      table,
      [table === 'csq_intervals' ? 'csq_id' : 'call_type'],
      sql`where tenant_id = ${tenantId} and interval_start >= ${new Date(run.first * DAY_BLOCK_MS)}
        and interval_start < ${new Date((run.last + 1) * DAY_BLOCK_MS)}`,
      CONTACT_COLUMNS,
      noContactCounts,
    );
    const byBlock = new Map<number, StoredCounts<ContactCounts>[]>();
    for (let block = run.first; block <= run.last; block++) byBlock.set(block, []);
    for (const row of read) byBlock.get(Math.floor(row.at / DAY_BLOCK_MS))?.push(row);
    for (const [block, rows] of byBlock) {
      cache.set(keyOf(block), generationOf.get(block) ?? '0', rows);
      parts.push(rows);
    }
  }
  const rows: StoredCounts<ContactCounts>[] = [];
  for (const part of parts) for (const row of part) if (row.at >= from && row.at < to) rows.push(row);
  return rows;
}

function consecutive(blocks: readonly number[]): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  for (const block of blocks) {
    const run = runs.at(-1);
    if (run && run.last === block - 1) run.last = block;
    else runs.push({ first: block, last: block });
  }
  return runs;
}
