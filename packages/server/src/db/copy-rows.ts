import { CompiledQuery, PostgresAdapter, PostgresDialect } from 'kysely';
import type { Db } from './database.ts';

/** The embedded database's adapter: what lets code holding a `Db`, or a transaction of one, tell the backends apart. */
class PgliteAdapter extends PostgresAdapter {}

/** PostgreSQL's dialect over the embedded database (see `PgliteAsPool`), marked as such. */
export class PgliteDialect extends PostgresDialect {
  override createAdapter() {
    return new PgliteAdapter();
  }
}

/** True on the embedded database, which takes rows to `copyRows` as a file. */
export const copiesRows = (db: Db): boolean => db.getExecutor().adapter instanceof PgliteAdapter;

/** A value as a field of COPY's text format: a backslash, tab, newline or carriage return escaped. */
function copyField(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(
        /[\\\t\n\r]/g,
        (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] as string,
      )
    : text;
}

/**
 * Writes rows (none of their values null) into `table`'s `columns` with COPY on the embedded database: it writes
 * a thousand rows in about two thirds of the time an `insert … select` takes, filling pages a batch of rows at a
 * time. Only where `copiesRows` says so.
 */
export async function copyRows(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const text = `${rows.map((row) => row.map(copyField).join('\t')).join('\n')}\n`;
  const names = columns.map((column) => `"${column}"`).join(', ');
  await db.executeQuery(CompiledQuery.raw(`copy "${table}" (${names}) from '/dev/blob'`, [new Blob([text])]));
}
