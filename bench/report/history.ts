import { sql } from 'kysely';
import type { Db } from '../../packages/server/src/db/database.ts';
import { ensureFirstTenant } from '../../packages/server/src/index.ts';
import { ADMIN_PASSWORD } from '../load/server.ts';
import { type Center, center } from './center.ts';
import { type Day, simulateDay } from './day.ts';

const DAY_MS = 86_400_000;
/** Rows per INSERT: each statement carries one JSON document that `json_to_recordset` unpacks. */
const ROWS_PER_STATEMENT = 20_000;
const at = (column: string) => sql.raw(`timestamptz 'epoch' + ${column} * interval '1 millisecond'`);

export interface History {
  tenantId: string;
  center: Center;
  /** First local (UTC) day of the history, epoch ms, and how many days it spans. */
  from: number;
  days: number;
  legs: number;
  events: number;
  trace: number;
  contacts: number;
  seconds: number;
}

/** The `demo` tenant with its administrator (the one the load's virtual agents sign in to), 500 agents, 20 CSQs. */
async function setUp(db: Db): Promise<{ tenantId: string; center: Center }> {
  await ensureFirstTenant(db, ADMIN_PASSWORD);
  const tenant = await db
    .selectFrom('tenants')
    .select('id')
    .where('name', '=', 'demo')
    .executeTakeFirstOrThrow();
  const site = center();
  await db
    .insertInto('users')
    .values(
      site.agentIds.map((id, i) => ({
        id,
        tenant_id: tenant.id,
        username: `history-agent-${String(i + 1).padStart(3, '0')}`,
        display_name: `History Agent ${i + 1}`,
        role: 'agent',
      })),
    )
    .execute();
  await db
    .insertInto('csqs')
    .values(
      site.csqs.map((csq) => ({
        id: csq.id,
        tenant_id: tenant.id,
        name: csq.name,
        channel: csq.channel,
        criterion: 'longest_available',
        agent_order: JSON.stringify([]),
        service_level_seconds: csq.serviceLevelSeconds,
      })),
    )
    .execute();
  return { tenantId: tenant.id, center: site };
}

async function inBatches<T>(rows: T[], write: (json: string) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
    await write(JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT)));
}

/** Writes one day's rows as the router would have: the event history, the state trace, the ended contacts. */
async function writeDay(db: Db, tenantId: string, day: Day): Promise<void> {
  await inBatches(day.events, (json) =>
    sql`insert into contact_events (tenant_id, contact_id, type, at, agent_id, csq_id, data)
      select ${tenantId}::uuid, r.c, r.t, ${at('r.a')}, r.g, r.q, r.d
      from json_to_recordset(${json}::json) as r(c uuid, t text, a bigint, g uuid, q uuid, d jsonb)`.execute(
      db,
    ),
  );
  await inBatches(day.trace, (json) =>
    sql`insert into agent_state_trace (tenant_id, agent_id, domain, state, previous, reason_code, cause, at)
      select ${tenantId}::uuid, r.g, r.m, r.s, r.p, r.r, r.u, ${at('r.a')}
      from json_to_recordset(${json}::json) as r(g uuid, m text, s text, p text, r integer, u text, a bigint)`.execute(
      db,
    ),
  );
  await inBatches(day.contacts, (json) =>
    sql`insert into contacts (id, tenant_id, channel, csq_id, call_type, priority, status, seq, created_at,
        queued_at, agent_id, accepted_at, wrap_up_at, outcome, ended_by, ended_at)
      select r.id, ${tenantId}::uuid, r.ch, r.q, r.ct, 5, 'ended', r.seq, ${at('r.cr')}, ${at('r.qu')}, r.g,
        ${at('r.ac')}, ${at('r.wu')}, r.o, r.eb, ${at('r.en')}
      from json_to_recordset(${json}::json)
        as r(id uuid, ch text, q uuid, ct text, seq bigint, cr bigint, qu bigint, g uuid, ac bigint, wu bigint,
          o text, eb text, en bigint)`.execute(db),
  );
}

const BULK_TABLES = ['contact_events', 'agent_state_trace', 'contacts'];

/**
 * Drops the bulk-loaded tables' secondary indexes (not those behind a key or constraint) and returns a function
 * that builds them again with their exact definitions: a bulk load indexes once at the end, not row by row.
 */
async function deferIndexes(db: Db): Promise<() => Promise<void>> {
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes
    where schemaname = current_schema() and tablename in (${sql.join(BULK_TABLES)})
      and not exists (select 1 from pg_constraint where conname = indexname)`.execute(db);
  for (const row of rows) await sql`drop index ${sql.ref(row.indexname)}`.execute(db);
  return async () => {
    for (const row of rows) await sql.raw(row.indexdef).execute(db);
    for (const table of BULK_TABLES) await sql`analyze ${sql.table(table)}`.execute(db);
  };
}

/**
 * Generates `days` days of history ending at today's UTC midnight, day by day (simulated in memory, then
 * written with a few multi-row INSERTs per table), reporting progress through `progress`.
 */
export async function generateHistory(
  db: Db,
  days: number,
  progress: (line: string) => void,
): Promise<History> {
  const started = performance.now();
  const { tenantId, center: site } = await setUp(db);
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const from = today - days * DAY_MS;
  const totals = { legs: 0, events: 0, trace: 0, contacts: 0 };
  const buildIndexes = await deferIndexes(db);
  let seq = 1;
  for (let d = 0; d < days; d++) {
    const dayStart = from + d * DAY_MS;
    const day = simulateDay(site, dayStart, new Date(dayStart).getUTCDay(), 1_000 + d, seq);
    seq += day.contacts.length;
    await db.transaction().execute((trx) => writeDay(trx, tenantId, day));
    totals.legs += day.legs;
    totals.events += day.events.length;
    totals.trace += day.trace.length;
    totals.contacts += day.contacts.length;
    if ((d + 1) % 5 === 0 || d + 1 === days) {
      const seconds = (performance.now() - started) / 1000;
      progress(
        `  day ${d + 1}/${days}: ${totals.legs.toLocaleString('en')} legs, ` +
          `${totals.events.toLocaleString('en')} events, ${totals.trace.toLocaleString('en')} state changes, ` +
          `${Math.round((totals.events + totals.trace + totals.contacts) / seconds).toLocaleString('en')} rows/s`,
      );
    }
  }
  const indexing = performance.now();
  await buildIndexes();
  progress(`  indexes built in ${((performance.now() - indexing) / 1000).toFixed(1)} s`);
  return { tenantId, center: site, from, days, ...totals, seconds: (performance.now() - started) / 1000 };
}
