import {
  AGENT_COUNT_FIELDS,
  type AgentCounts,
  type AgentTraceEntry,
  CONTACT_COUNT_FIELDS,
  type ContactCounts,
  DOMAINS,
  type IntervalAggregate,
  noAgentCounts,
  type TraceEntry,
} from '@switchboard/core';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { epochMs } from '../db/json-rows.ts';
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

const CONTACT_COLUMN_NAMES = CONTACT_COLUMNS.map(([, column]) => column);
const AGENT_COLUMN_NAMES = AGENT_COLUMNS.map(([, column]) => column);
/** The counts in the order of their columns. */
const contactCells = (counts: ContactCounts) => CONTACT_COUNT_FIELDS.map((field) => counts[field]);
const agentCells = (counts: AgentCounts) => AGENT_COUNT_FIELDS.map((field) => counts[field]);

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

/** A change of the agent state trace, with the id that orders the changes of one instant. */
export interface TraceChange extends AgentTraceEntry {
  id: number;
}

export const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;

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

/** Held by a transaction writing a tenant's interval rows, until it ends: one writer at a time. */
export async function lockCapture(trx: Db, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`reporting:${tenantId}`}))`.execute(trx);
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
    await lockCapture(db, tenantId);
    const span = { from, to, minutes, starts: intervals.map(({ start }) => start.getTime()) };
    const table = <T>(
      name: IntervalTable,
      columns: readonly string[],
      pick: (rows: IntervalRows) => readonly T[],
      cells: (item: T) => unknown[],
    ) =>
      tableRows(
        name,
        span,
        tenantId,
        columns,
        intervals.flatMap(({ start, rows }) =>
          pick(rows).map((item) => ({ start: start.getTime(), cells: cells(item) })),
        ),
      );
    await replaceChanged(db, tenantId, span, [
      table(
        'csq_intervals',
        ['csq_id', ...CONTACT_COLUMN_NAMES],
        (rows) => rows.csq,
        (row) => [row.csqId, ...contactCells(row.counts)],
      ),
      table(
        'call_type_intervals',
        ['call_type', ...CONTACT_COLUMN_NAMES],
        (rows) => rows.callType,
        (row) => [row.callType, ...contactCells(row.counts)],
      ),
      table(
        'agent_intervals',
        ['agent_id', 'domain', ...AGENT_COLUMN_NAMES],
        (rows) => rows.agent,
        (row) => [row.agentId, row.domain, ...agentCells(row.counts)],
      ),
      table(
        'agent_csq_intervals',
        ['agent_id', 'csq_id', ...AGENT_COLUMN_NAMES],
        (rows) => rows.agentCsq,
        (row) => [row.agentId, row.csqId, ...agentCells(row.counts)],
      ),
      table(
        'agent_reason_intervals',
        ['agent_id', 'domain', 'reason_code', 'not_ready_ms'],
        (rows) => rows.reasons,
        (row) => [row.agentId, row.domain, row.reasonCode, row.notReadyMs],
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

  /**
   * The trace's changes in [from, to), in the order they were made (by `id`). Read as one text, as `storedCounts`
   * reads (the reason code, the only column that may be null, last: `concat_ws` leaves a null out), and put in
   * order here rather than by the database, which reads them in time order.
   */
  async traceBetween(db: Db, tenantId: string, from: Date, to: Date): Promise<TraceChange[]> {
    const { rows } = await sql<{ text: string | null }>`select string_agg(concat_ws(',', id, ${epochMs(
      'at',
    )}, agent_id, domain, state, reason_code), ${ROW_SEPARATOR}) as text
      from agent_state_trace where tenant_id = ${tenantId} and at >= ${from} and at < ${to}`.execute(db);
    const text = rows[0]?.text;
    if (!text) return [];
    return text
      .split(ROW_SEPARATOR)
      .map((line) => {
        const [id, at, agentId, domain, state, reasonCode] = line.split(',') as [string, ...string[]];
        return {
          id: Number(id),
          agentId: agentId as string,
          domain: domain as string,
          entry: {
            at: Number(at),
            state,
            reasonCode: reasonCode === undefined ? null : Number(reasonCode),
          } as TraceEntry,
        };
      })
      .sort(byId);
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
