import { type RawBuilder, sql } from 'kysely';
import { type ArrayElementType, arrayLiteral } from '../db/array-literal.ts';
import { copiesRows, copyRows } from '../db/copy-rows.ts';
import type { Db } from '../db/database.ts';
import { epochMs, jsonRows } from '../db/json-rows.ts';
import { textHash } from './text-hash.ts';

/* How the capture writes interval rows: only intervals whose rows hash differently from the kept hash. */

/** Interval rows' generations are kept per UTC day. */
export const DAY_BLOCK_MS = 86_400_000;

export const INTERVAL_TABLES = [
  'csq_intervals',
  'call_type_intervals',
  'agent_intervals',
  'agent_csq_intervals',
  'agent_reason_intervals',
] as const;

export type IntervalTable = (typeof INTERVAL_TABLES)[number];

/** The key columns' types; every other column written is a count or a duration (`int8`). */
const KEY_TYPES: Record<string, ArrayElementType> = {
  csq_id: 'uuid',
  agent_id: 'uuid',
  call_type: 'text',
  domain: 'text',
  reason_code: 'int4',
};

/**
 * Inserts rows of one tenant and interval size, each column's values as one array literal: the embedded database
 * unpacks them several times faster than the same rows as JSON (and the tenant and the size once, not per row).
 */
function insertion(
  tenantId: string,
  minutes: number,
  { table, columns, starts, cells }: TableRows,
  picked: readonly number[],
): RawBuilder<unknown> | null {
  if (picked.length === 0) return null;
  const arrays = columns.map((column, c) => {
    const type = KEY_TYPES[column] ?? 'int8';
    return sql`${arrayLiteral(
      picked.map((row) => (cells[row] as unknown[])[c]),
      type,
    )}::${sql.raw(type)}[]`;
  });
  const startsOf = arrayLiteral(
    picked.map((row) => starts[row]),
    'int8',
  );
  return sql`insert into ${sql.table(table)} (tenant_id, interval_minutes, interval_start, ${sql.join(
    columns.map((column) => sql.ref(column)),
  )})
    select ${tenantId}::uuid, ${minutes}::int2, timestamptz 'epoch' + r.start * interval '1 millisecond',
      ${sql.join(columns.map((column) => sql.ref(`r.${column}`)))}
    from unnest(${startsOf}::int8[], ${sql.join(arrays)}) as r (start, ${sql.join(columns.map((column) => sql.ref(column)))})`;
}

interface Copy {
  table: IntervalTable;
  columns: string[];
  rows: unknown[][];
}

/** The rows `insertion` writes, for `copyRows`. */
function copied(
  tenantId: string,
  minutes: number,
  { table, columns, starts, cells }: TableRows,
  picked: readonly number[],
): Copy {
  const instants = new Map<number, string>();
  const instant = (start: number) => {
    let text = instants.get(start);
    if (text === undefined) {
      text = new Date(start).toISOString();
      instants.set(start, text);
    }
    return text;
  };
  return {
    table,
    columns: ['tenant_id', 'interval_minutes', 'interval_start', ...columns],
    rows: picked.map((row) => [
      tenantId,
      minutes,
      instant(starts[row] as number),
      ...(cells[row] as unknown[]),
    ]),
  };
}

/** Runs statements as one, each but the last as a common table expression: one round trip, not one each. */
async function executeAsOne(db: Db, statements: readonly RawBuilder<unknown>[]): Promise<void> {
  const last = statements.at(-1);
  if (!last) return;
  const before = statements.slice(0, -1).map((statement, i) => sql`${sql.raw(`s${i}`)} as (${statement})`);
  await (before.length === 0 ? last : sql`with ${sql.join(before)} ${last}`).execute(db);
}

const timestamps = (instants: readonly number[]) =>
  sql`any(${`{${instants.map((at) => new Date(at).toISOString()).join(',')}}`}::timestamptz[])`;

export interface Span {
  from: Date;
  to: Date;
  minutes: number;
  starts: readonly number[];
}

/** One table's rows of a span of intervals, column by column, with a hash of each interval's rows. */
export interface TableRows {
  table: IntervalTable;
  /** The columns written besides the tenant, the interval size and the start, in the order of each row's cells. */
  columns: readonly string[];
  /** Each row's interval start. */
  starts: readonly number[];
  /** Each row's values, in the order of `columns`. */
  cells: readonly (readonly unknown[])[];
  hashes: Map<number, string>;
}

/**
 * A table's rows, hashed per interval: each interval's rows as one text, a JSON array per row (with the tenant and
 * the interval size first, as rows were always hashed), sorted, so equal texts mean equal rows.
 */
export function tableRows(
  table: IntervalTable,
  span: Span,
  tenantId: string,
  columns: readonly string[],
  rows: readonly { start: number; cells: readonly unknown[] }[],
): TableRows {
  const prefix = `${JSON.stringify([tenantId, span.minutes]).slice(0, -1)},`;
  const texts = new Map<number, string[]>();
  for (const { start, cells } of rows) {
    const text = prefix + JSON.stringify(cells).slice(1);
    const group = texts.get(start);
    if (group) group.push(text);
    else texts.set(start, [text]);
  }
  return {
    table,
    columns,
    starts: rows.map((row) => row.start),
    cells: rows.map((row) => row.cells),
    hashes: new Map(span.starts.map((start) => [start, textHash(texts.get(start)?.sort().join('\n') ?? '')])),
  };
}

/**
 * Writes each table's rows of the intervals starting at `span.starts` (consecutive, `from` to `to`): only the
 * intervals whose rows hash differently from the hash kept when they were last written are deleted and inserted
 * again, so counting an unchanged interval again writes nothing. Rows of another interval size within the span go
 * with the first change. The hashes of every table are read in one statement; the rows are deleted in one and
 * written, with their hashes, in another (on the embedded database, each table's rows are copied first). The
 * caller's transaction writes rows and hashes together: a table with no hash kept within the span has no rows
 * there, and nothing to delete.
 */
export async function replaceChanged(db: Db, tenantId: string, span: Span, tables: readonly TableRows[]) {
  if (!db.isTransaction) throw new Error('Interval rows are written with their hashes in one transaction.');
  const kept = await jsonRows(
    db,
    [sql`table_name`, epochMs('interval_start'), sql`hash`],
    sql`from interval_hashes where tenant_id = ${tenantId}
      and interval_start >= ${span.from} and interval_start < ${span.to}`,
  );
  const keptHashes = new Map(kept.map(([table, start, hash]) => [`${table} ${start}`, hash as string]));
  const tablesWithRows = new Set(kept.map(([table]) => table));
  const written: { table: IntervalTable; start: number; hash: string }[] = [];
  const deletions: RawBuilder<unknown>[] = [];
  const insertions: RawBuilder<unknown>[] = [];
  const copying = copiesRows(db);
  const copies: Copy[] = [];
  for (const rows of tables) {
    const { table, hashes } = rows;
    const changed = span.starts.filter((start) => keptHashes.get(`${table} ${start}`) !== hashes.get(start));
    if (changed.length === 0) continue;
    const starts = new Set(changed);
    if (tablesWithRows.has(table))
      deletions.push(
        sql`delete from ${sql.table(table)} where tenant_id = ${tenantId}
          and (interval_start = ${timestamps(changed)}
            or (interval_start >= ${span.from} and interval_start < ${span.to} and interval_minutes <> ${span.minutes}))`,
        // The hashes of the other size's intervals go with their rows: kept, a return to that size would find
        // them equal and write nothing.
        sql`delete from interval_hashes where tenant_id = ${tenantId} and table_name = ${table}
          and interval_start >= ${span.from} and interval_start < ${span.to}
          and not interval_start = ${timestamps(span.starts)}`,
      );
    const picked = rows.starts.flatMap((start, row) => (starts.has(start) ? [row] : []));
    if (copying) copies.push(copied(tenantId, span.minutes, rows, picked));
    else {
      const inserted = insertion(tenantId, span.minutes, rows, picked);
      if (inserted) insertions.push(inserted);
    }
    for (const start of changed) written.push({ table, start, hash: hashes.get(start) as string });
  }
  if (written.length === 0) return;
  const blocks = written.map(({ table, start }) => ({ table, block: Math.floor(start / DAY_BLOCK_MS) }));
  await executeAsOne(db, deletions);
  for (const { table, columns, rows } of copies) await copyRows(db, table, columns, rows);
  await executeAsOne(db, [
    ...insertions,
    sql`insert into interval_hashes (tenant_id, table_name, interval_start, hash)
      select ${tenantId}, "table", to_timestamp(start / 1000.0), hash
      from json_to_recordset(${JSON.stringify(written)}::json) as r ("table" text, start bigint, hash text)
      on conflict (tenant_id, table_name, interval_start) do update set hash = excluded.hash`,
    sql`insert into interval_blocks (tenant_id, table_name, block, generation)
      select distinct ${tenantId}::uuid, "table", block, 1
      from json_to_recordset(${JSON.stringify(blocks)}::json) as r ("table" text, block int)
      on conflict (tenant_id, table_name, block) do update set generation = interval_blocks.generation + 1`,
  ]);
}
