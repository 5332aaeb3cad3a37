import { type ContactCounts, noContactCounts } from '@switchboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import {
  CONTACT_COLUMNS,
  DAY_BLOCK_MS,
  type StoredCounts,
  storedCounts,
} from './interval-tables.repository.ts';
import { BucketSums } from './report-rows.ts';

/** Rows kept per process at most (a day of 20 CSQs at 15 minutes is under 2,000), the least recently read go first. */
export const CACHED_ROWS_MAX = 250_000;

type ContactTable = 'csq_intervals' | 'call_type_intervals';

/** One UTC day's rows of a table, as read; by start and key on demand. */
export class StoredDay {
  readonly rows: readonly StoredCounts<ContactCounts>[];
  #byStart: Map<number, Map<string, ContactCounts>> | undefined;

  constructor(rows: readonly StoredCounts<ContactCounts>[]) {
    this.rows = rows;
  }

  get byStart(): ReadonlyMap<number, Map<string, ContactCounts>> {
    if (!this.#byStart) {
      this.#byStart = new Map();
      for (const row of this.rows) {
        let keys = this.#byStart.get(row.at);
        if (!keys) {
          keys = new Map();
          this.#byStart.set(row.at, keys);
        }
        keys.set(row.key, row.counts);
      }
    }
    return this.#byStart;
  }
}

/** The stored rows of a span of days, cut to [from, to). */
export class StoredSpan {
  readonly #days: readonly StoredDay[];
  readonly #from: number;
  readonly #to: number;

  constructor(days: readonly StoredDay[], from: number, to: number) {
    this.#days = days;
    this.#from = from;
    this.#to = to;
  }

  rows(): StoredCounts<ContactCounts>[] {
    const rows: StoredCounts<ContactCounts>[] = [];
    for (const day of this.#days)
      for (const row of day.rows) if (row.at >= this.#from && row.at < this.#to) rows.push(row);
    return rows;
  }

  /**
   * The rows as they are, by start and key, when every start is one of `starts` (rows of the report's size, one
   * row per start and key): nothing to add up. Null when some row needs adding into a larger bucket.
   */
  asBuckets(starts: ReadonlySet<number>): BucketSums<ContactCounts> | null {
    const sums = new BucketSums<ContactCounts>();
    for (const day of this.#days)
      for (const [start, keys] of day.byStart) {
        if (start < this.#from || start >= this.#to) continue;
        if (!starts.has(start)) return null;
        sums.adopt(start, keys);
      }
    return sums;
  }
}

interface Entry {
  generation: string;
  day: StoredDay;
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

  get(key: string, generation: string): StoredDay | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.generation !== generation) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.day;
  }

  set(key: string, generation: string, day: StoredDay): void {
    this.#forget(key);
    this.#entries.set(key, { generation, day });
    this.#rows += day.rows.length;
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
    this.#rows -= entry.day.rows.length;
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
): Promise<StoredSpan> {
  if (to <= from) return new StoredSpan([], from, to);
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
  const days = new Map<number, StoredDay>();
  const missing: number[] = [];
  for (let block = first; block <= last; block++) {
    const day = cache.get(keyOf(block), generationOf.get(block) ?? '0');
    if (day) days.set(block, day);
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
      const day = new StoredDay(rows);
      cache.set(keyOf(block), generationOf.get(block) ?? '0', day);
      days.set(block, day);
    }
  }
  return new StoredSpan(
    [...days].sort(([a], [b]) => a - b).map(([, day]) => day),
    from,
    to,
  );
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
