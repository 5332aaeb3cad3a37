import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { openMigratedDatabase } from '../testing/migrated-database.ts';
import { agentStatsRepository, statesAtQuery } from './agent-stats.repository.ts';

let database: Database;
const tenantId = crypto.randomUUID();
const agents = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
const from = new Date('2026-03-02T00:00:00Z');

before(async () => {
  database = await openMigratedDatabase();
  const { db } = database;
  await sql`insert into tenants (id, name, display_name, settings) values (${tenantId}, 'acme', 'Acme', '{}')`.execute(
    db,
  );
  // Days of changes before midnight, ties at one instant, and changes after it that must not count.
  const states = ['ready', 'not_ready', 'reserved', 'talking'];
  let n = 0;
  for (const [i, agent] of agents.slice(0, 2).entries()) {
    for (const domain of i === 0 ? ['voice', 'digital'] : ['digital']) {
      for (let minute = -3000; minute <= 30; minute += 7 + i) {
        const at = new Date(from.getTime() + Math.min(minute, -1) * 60_000);
        const state = states[n++ % states.length];
        await sql`insert into agent_state_trace (tenant_id, agent_id, domain, state, previous, at)
          values (${tenantId}, ${agent}, ${domain}, ${state}, 'logged_out', ${minute > 0 ? from : at})`.execute(
          db,
        );
      }
    }
  }
});
after(() => database.close());

test("each agent's and domain's state at a moment is their last change before it, ties to the later row", async () => {
  const reference = await sql<{ agent_id: string; domain: string; state: string; at: Date }>`
    select distinct on (agent_id, domain) agent_id, domain, state, at from agent_state_trace
    where tenant_id = ${tenantId} and at < ${from}
    order by agent_id, domain, at desc, id desc`.execute(database.db);
  const states = await agentStatsRepository.statesAt(database.db, tenantId, agents, from);
  assert.equal(states.length, 3, 'the third agent has no state before midnight');
  assert.deepEqual(
    states.map((s) => [s.agentId, s.domain, s.state, s.at]),
    reference.rows.map((r) => [r.agent_id, r.domain, r.state, r.at.getTime()]),
  );
});

test('the state at midnight is one index probe per agent and domain, not a read of their whole trace', async () => {
  await database.db.connection().execute(async (db) => {
    await sql`set enable_seqscan = off`.execute(db);
    const query = statesAtQuery(tenantId, agents, from).compile(db);
    const plan = await db.executeQuery<{ 'QUERY PLAN': string }>({
      ...query,
      sql: `explain ${query.sql}`,
    });
    const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    // The final sort orders the few rows found; the probe itself reads the newest entry and stops.
    assert.match(text, /Limit[^\n]*\n\s*->\s+Index (Only )?Scan using agent_state_trace_latest/, text);
    assert.doesNotMatch(text, /Unique/, text);
    await sql`reset enable_seqscan`.execute(db);
  });
});
