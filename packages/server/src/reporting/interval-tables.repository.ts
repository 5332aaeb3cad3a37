import {
  AGENT_COUNT_FIELDS,
  type AgentCounts,
  CONTACT_COUNT_FIELDS,
  type ContactCounts,
  DOMAINS,
  type IntervalAggregate,
  noAgentCounts,
  type TraceEntry,
} from '@switchboard/core';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { epochMs, jsonRows } from '../db/json-rows.ts';
import {
  DAY_BLOCK_MS,
  INTERVAL_TABLES,
  type IntervalTable,
  replaceChanged,
  tableRows,
} from './interval-rows-writer.ts';

export { DAY_BLOCK_MS, INTERVAL_TABLES, type IntervalTable };

const snake = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
export const CONTACT_COLUMNS = CONTACT_COUNT_FIELDS.map((field) => [field, snake(field)] as const);
const AGENT_COLUMNS = AGENT_COUNT_FIELDS.map((field) => [field, snake(field)] as const);

export const contactColumns = (counts: ContactCounts) =>
  Object.fromEntries(CONTACT_COLUMNS.map(([field, column]) => [column, counts[field]]));
export const agentColumns = (counts: AgentCounts) =>
  Object.fromEntries(AGENT_COLUMNS.map(([field, column]) => [column, counts[field]]));

export function contactCountsOf(row: Record<string, unknown>): ContactCounts {
  return Object.fromEntries(
    CONTACT_COLUMNS.map(([field, column]) => [field, Number(row[column] ?? 0)]),
  ) as unknown as ContactCounts;
}
export function agentCountsOf(row: Record<string, unknown>): AgentCounts {
  return Object.fromEntries(
    AGENT_COLUMNS.map(([field, column]) => [field, Number(row[column] ?? 0)]),
  ) as unknown as AgentCounts;
}

/** A stored interval row for a report: its start, its key (CSQ, call type, agent and domain…) and its counts. */
export interface StoredCounts<C> {
  at: number;
  key: string;
  counts: C;
}

/** A record separator between rows of a text read: no key (a CSQ id, a call type…) holds one. */
const ROW_SEPARATOR = '\x1e';

/**
 * Rows of an interval table starting in [from, to) (`where` narrows them further), each keyed by the columns
 * `keys` joined with commas. Read as one text of comma-separated numbers, the keys last: the fastest way
 * there is for tens of thousands of rows to leave the embedded database. (Every column read is `not null`:
 * `concat_ws` would leave a null out.)
 */
export async function storedCounts<C extends object>(
  db: Db,
  table: IntervalTable,
  keys: readonly string[],
  where: RawBuilder<unknown>,
  columns: readonly (readonly [string, string])[],
  zero: () => C,
): Promise<StoredCounts<C>[]> {
  const cells = [
    sql`floor(extract(epoch from interval_start) * 1000)::int8`,
    ...columns.map(([, column]) => sql`${sql.ref(column)}`),
    ...keys.map((key) => sql`${sql.ref(key)}`),
  ];
  const { rows } = await sql<{ text: string | null }>`select string_agg(concat_ws(',', ${sql.join(
    cells,
  )}), ${ROW_SEPARATOR}) as text from ${sql.table(table)} ${where}`.execute(db);
  const text = rows[0]?.text;
  if (!text) return [];
  const fields = columns.map(([field]) => field);
  return text.split(ROW_SEPARATOR).map((line) => {
    const values = line.split(',');
    const counts = zero() as Record<string, number>;
    for (let i = 0; i < fields.length; i++) counts[fields[i] as string] = Number(values[i + 1]);
    return {
      at: Number(values[0]),
      key: values.slice(1 + fields.length).join(','),
      counts: counts as C,
    };
  });
}

export const storedAgentCounts = (
  db: Db,
  table: 'agent_intervals' | 'agent_csq_intervals',
  keys: readonly string[],
  where: RawBuilder<unknown>,
): Promise<StoredCounts<AgentCounts>[]> => storedCounts(db, table, keys, where, AGENT_COLUMNS, noAgentCounts);

/** One interval's rows of every table, as core aggregates them. */
export type IntervalRows = IntervalAggregate;

/** Raises the generation of the UTC days `first` to `last`: readers that kept their rows read them again. */
export async function raiseGenerationsBetween(
  db: Db,
  tenantId: string,
  table: string,
  first: number,
  last: number,
): Promise<void> {
  await sql`insert into interval_blocks (tenant_id, table_name, block, generation)
    select ${tenantId}, ${table}, block, 1 from generate_series(${first}::int, ${last}::int) as b (block)
    on conflict (tenant_id, table_name, block) do update set generation = interval_blocks.generation + 1`.execute(
    db,
  );
}

export const intervalTablesRepository = {
  /**
   * Replaces every interval table's rows of consecutive intervals from `from` to `to` (and any row starting
   * within them, left from an earlier interval size) with the rows given, each with its interval's start. Only
   * what differs is written.
   */
  async replace(
    db: Db,
    tenantId: string,
    from: Date,
    to: Date,
    minutes: number,
    intervals: readonly { start: Date; rows: IntervalRows }[],
  ): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext(${`reporting:${tenantId}`}))`.execute(db);
    const all = <T>(pick: (rows: IntervalRows) => T[], row: (item: T) => Record<string, unknown>) =>
      intervals.flatMap(({ start, rows }) =>
        pick(rows).map((item) => ({
          tenant_id: tenantId,
          interval_start: start,
          interval_minutes: minutes,
          ...row(item),
        })),
      );
    const span = { from, to, minutes, starts: intervals.map(({ start }) => start.getTime()) };
    await replaceChanged(db, tenantId, span, [
      tableRows(
        'csq_intervals',
        span,
        all(
          (rows) => rows.csq,
          (row) => ({ csq_id: row.csqId, ...contactColumns(row.counts) }),
        ),
      ),
      tableRows(
        'call_type_intervals',
        span,
        all(
          (rows) => rows.callType,
          (row) => ({ call_type: row.callType, ...contactColumns(row.counts) }),
        ),
      ),
      tableRows(
        'agent_intervals',
        span,
        all(
          (rows) => rows.agent,
          (row) => ({ agent_id: row.agentId, domain: row.domain, ...agentColumns(row.counts) }),
        ),
      ),
      tableRows(
        'agent_csq_intervals',
        span,
        all(
          (rows) => rows.agentCsq,
          (row) => ({ agent_id: row.agentId, csq_id: row.csqId, ...agentColumns(row.counts) }),
        ),
      ),
      tableRows(
        'agent_reason_intervals',
        span,
        all(
          (rows) => rows.reasons,
          (row) => ({
            agent_id: row.agentId,
            domain: row.domain,
            reason_code: row.reasonCode,
            not_ready_ms: row.notReadyMs,
          }),
        ),
      ),
    ]);
  },

  /** Every agent's state per domain at `at` (their last change before it), with its reason code. */
  async statesAt(db: Db, tenantId: string, at: Date) {
    const { rows } = await sql<{
      agent_id: string;
      domain: string;
      state: string;
      reason_code: number | null;
      at: Date;
    }>`
      select a.id as agent_id, d.domain, t.state, t.reason_code, t.at
      from users a
      cross join (values ${sql.join(DOMAINS.map((domain) => sql`(${domain})`))}) as d (domain)
      cross join lateral (
        select state, reason_code, at from agent_state_trace
        where tenant_id = ${tenantId} and agent_id = a.id and domain = d.domain and at < ${at}
        order by at desc, id desc
        limit 1
      ) as t
      where a.tenant_id = ${tenantId} and t.state <> 'logged_out'`.execute(db);
    return rows.map((row) => ({
      agentId: row.agent_id,
      domain: row.domain,
      entry: { at: row.at.getTime(), state: row.state, reasonCode: row.reason_code } as TraceEntry,
    }));
  },

  /** State changes in [from, to), in the order they happened. */
  async traceBetween(db: Db, tenantId: string, from: Date, to: Date) {
    const rows = await jsonRows(
      db,
      [sql`agent_id`, sql`domain`, sql`state`, sql`reason_code`, epochMs('at')],
      sql`from agent_state_trace where tenant_id = ${tenantId} and at >= ${from} and at < ${to}`,
      sql`id`,
    );
    return rows.map(([agentId, domain, state, reasonCode, at]) => ({
      agentId: agentId as string,
      domain: domain as string,
      entry: { at, state, reasonCode } as TraceEntry,
    }));
  },

  async capturePosition(db: Db, tenantId: string) {
    return db
      .selectFrom('report_captures')
      .select(['captured_until', 'recaptured_date', 'folded_until', 'recount'])
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
  },

  /** Where the capture stands: intervals counted up to, contacts folded up to, closed intervals still to count. */
  async setPosition(
    db: Db,
    tenantId: string,
    position: { capturedUntil: Date; foldedUntil: Date; recount: readonly number[] },
  ): Promise<void> {
    const values = {
      captured_until: position.capturedUntil,
      folded_until: position.foldedUntil,
      recount: JSON.stringify(position.recount),
    };
    await db
      .insertInto('report_captures')
      .values({ tenant_id: tenantId, recaptured_date: null, ...values })
      .onConflict((conflict) => conflict.column('tenant_id').doUpdateSet(values))
      .execute();
  },

  async setRecapturedDate(db: Db, tenantId: string, date: string, until: Date): Promise<void> {
    await db
      .insertInto('report_captures')
      .values({ tenant_id: tenantId, captured_until: until, recaptured_date: date })
      .onConflict((conflict) => conflict.column('tenant_id').doUpdateSet({ recaptured_date: date }))
      .execute();
  },
};
