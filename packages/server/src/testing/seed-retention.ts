import { DEFAULT_TOKEN_LIFETIMES } from '@switchboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { tenantsRepository, usersRepository } from '../db/repositories/index.ts';
import { INTERVAL_TABLES } from '../reporting/interval-tables.repository.ts';

/** A tenant with one agent (who also writes the notes) and one CSQ, written straight to storage. */
export async function seedRetentionTenant(db: Db, name: string): Promise<Seeded> {
  const tenantId = crypto.randomUUID();
  const agentId = crypto.randomUUID();
  const csqId = crypto.randomUUID();
  await tenantsRepository.insert(db, {
    id: tenantId,
    name,
    displayName: name,
    settings: { tokens: DEFAULT_TOKEN_LIFETIMES },
  });
  await usersRepository.insert(db, {
    id: agentId,
    tenant_id: tenantId,
    username: 'ada',
    display_name: 'Ada',
    role: 'agent',
    password_hash: 'x',
    alias: null,
    extension: null,
    team_id: null,
  });
  return { tenantId, agentId, csqId };
}

/** The tenant, an agent of it and a CSQ id the seeded rows name. */
type Seeded = { tenantId: string; agentId: string; csqId: string };

/**
 * One chat contact at `at` with a row in every table of a contact: its event, leg, agent segment, session, a
 * message, a whisper and a note, all at `at`. Open (`active`) or ended.
 */
export async function seedContactAt(db: Db, seed: Seeded, at: Date, status: 'ended' | 'active' = 'ended') {
  const { tenantId, agentId, csqId } = seed;
  const id = crypto.randomUUID();
  const ended = status === 'ended' ? at : null;
  await sql`
    insert into contacts (id, tenant_id, channel, csq_id, call_type, priority, status, seq, created_at,
      queued_at, agent_id, accepted_at, ended_at, outcome)
    values (${id}, ${tenantId}, 'chat', ${csqId}, 'Seeded', 5, ${status}, 1, ${at}, ${at}, ${agentId}, ${at},
      ${ended}, ${ended && 'handled'})`.execute(db);
  await sql`
    insert into contact_events (tenant_id, contact_id, type, at, agent_id, csq_id, data)
    values (${tenantId}, ${id}, 'contact.accepted', ${at}, ${agentId}, ${csqId}, '{}')`.execute(db);
  await sql`
    insert into contact_legs (tenant_id, contact_id, leg, channel, csq_id, call_type, chat_type, entered_at,
      offers, no_answers, ring_ms, talk_ms, hold_ms, wrap_ms, transfers_out)
    values (${tenantId}, ${id}, 0, 'chat', ${csqId}, 'Seeded', 'chat', ${at}, 1, 0, 0, 0, 0, 0, 0)`.execute(
    db,
  );
  await sql`
    insert into agent_segments (tenant_id, contact_id, agent_id, seq, leg, channel, csq_id, call_type,
      chat_type, role, offered_at, ring_ms, hold_ms)
    values (${tenantId}, ${id}, ${agentId}, 0, 0, 'chat', ${csqId}, 'Seeded', 'chat', 'owner', ${at}, 0, 0)`.execute(
    db,
  );
  await sql`
    insert into chat_sessions (tenant_id, contact_id, token_hash, customer_name, last_seq, created_at)
    values (${tenantId}, ${id}, md5(${id}), 'Customer', 1, ${at})`.execute(db);
  await sql`
    insert into chat_messages (tenant_id, contact_id, seq, sender, body, at)
    values (${tenantId}, ${id}, 1, 'customer', 'Hello', ${at})`.execute(db);
  await sql`
    insert into chat_whispers (tenant_id, contact_id, supervisor_id, supervisor_name, body, at)
    values (${tenantId}, ${id}, ${agentId}, 'Ada', 'Psst', ${at})`.execute(db);
  await sql`
    insert into contact_notes (id, tenant_id, contact_id, author_id, body, created_at)
    values (${crypto.randomUUID()}, ${tenantId}, ${id}, ${agentId}, 'Note', ${at})`.execute(db);
  return id;
}

/** The agent's state change at `at` and one row of every interval table, and of imported history, starting then. */
export async function seedIntervalAt(db: Db, seed: Seeded, at: Date) {
  const { tenantId, agentId, csqId } = seed;
  const importId = crypto.randomUUID();
  const statements = [
    sql`insert into agent_state_trace (tenant_id, agent_id, domain, state, previous, at)
      values (${tenantId}, ${agentId}, 'digital', 'ready', 'not_ready', ${at})`,
    sql`insert into csq_intervals (tenant_id, csq_id, interval_start, interval_minutes, offered)
      values (${tenantId}, ${csqId}, ${at}, 15, 1)`,
    sql`insert into call_type_intervals (tenant_id, call_type, interval_start, interval_minutes, offered)
      values (${tenantId}, 'Seeded', ${at}, 15, 1)`,
    sql`insert into agent_intervals (tenant_id, agent_id, domain, interval_start, interval_minutes, handled)
      values (${tenantId}, ${agentId}, 'digital', ${at}, 15, 1)`,
    sql`insert into agent_csq_intervals (tenant_id, agent_id, csq_id, interval_start, interval_minutes, handled)
      values (${tenantId}, ${agentId}, ${csqId}, ${at}, 15, 1)`,
    sql`insert into agent_reason_intervals (tenant_id, agent_id, domain, interval_start, interval_minutes,
        reason_code, not_ready_ms)
      values (${tenantId}, ${agentId}, 'digital', ${at}, 15, 1, 1000)`,
    ...INTERVAL_TABLES.map(
      (table) => sql`insert into interval_hashes (tenant_id, table_name, interval_start, hash)
        values (${tenantId}, ${table}, ${at}, 'seeded')`,
    ),
    sql`insert into interval_imports (tenant_id, id, file_name, interval_minutes, rows, inserted, replaced)
      values (${tenantId}, ${importId}, 'history.csv', 15, 1, 1, 0)`,
    sql`insert into interval_history (tenant_id, queue, interval_start, interval_minutes, offered, answered,
        abandoned, import_id, imported_at)
      values (${tenantId}, 'Sales', ${at}, 15, 2, 1, 1, ${importId}, ${at})`,
  ];
  for (const statement of statements) await statement.execute(db);
}
