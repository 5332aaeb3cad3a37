import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export interface SeededChats {
  tenantId: string;
  csqId: string;
  /** The agent who handled every chat. */
  agentId: string;
  count: number;
  /** The first chat's creation; one chat a second after it. */
  from: Date;
}

/**
 * `count` ended web chats of one tenant's CSQ, handled by one agent, one a second from `from`, written by two
 * set-based statements (100,000 in a few seconds on the embedded database). Every tenth is a group chat (a
 * second agent joined, the same agent for simplicity) and every seventh was abandoned while offered. Ids are
 * derived from the tenant and the number, so the same seed twice is refused as a duplicate.
 */
export async function seedChatRecords(db: Db, seed: SeededChats): Promise<void> {
  const { tenantId, csqId, agentId, count, from } = seed;
  const numbered = sql`
    select i, md5(${tenantId}::text || ':chat:' || i)::uuid as id,
      ${from.toISOString()}::timestamptz + i * interval '1 second' as at
    from generate_series(0, ${count - 1}::int) as i`;
  await sql`
    insert into contacts (id, tenant_id, channel, csq_id, call_type, priority, status, seq, created_at,
      queued_at, agent_id, accepted_at, wrap_up_at, ended_at, outcome, ended_by, wrap_up_reasons)
    select id, ${tenantId}, 'chat', ${csqId}, 'Seeded', 5, 'ended', i, at, at,
      case when i % 7 = 0 then null else ${agentId}::uuid end,
      case when i % 7 = 0 then null else at + interval '20 seconds' end,
      case when i % 7 = 0 then null else at + interval '200 seconds' end,
      at + interval '230 seconds',
      case when i % 7 = 0 then 'abandoned_while_offered' else 'handled' end,
      case when i % 7 = 0 then 'customer' else 'agent' end,
      case when i % 7 = 0 then null else '["Sorted"]'::jsonb end
    from (${numbered}) as n`.execute(db);
  await sql`
    insert into chat_sessions (tenant_id, contact_id, token_hash, customer_name, last_seq, rating, created_at)
    select ${tenantId}, id, md5(id::text), 'Customer ' || i, i % 20, case when i % 3 = 0 then 4 end, at
    from (${numbered}) as n`.execute(db);
  await sql`
    insert into contact_events (tenant_id, contact_id, type, at, agent_id, csq_id, data)
    select ${tenantId}, id, 'contact.participant_joined', at + interval '60 seconds', ${agentId}, ${csqId},
      '{}'::jsonb
    from (${numbered}) as n where i % 10 = 5`.execute(db);
}
