import { type AgentState, DOMAINS, type HandleEvent } from '@switchboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export interface TraceRow {
  agentId: string;
  domain: string;
  state: AgentState;
  previous: AgentState;
  at: number;
}

const toTrace = (row: { agent_id: string; domain: string; state: string; previous: string; at: Date }) => ({
  agentId: row.agent_id,
  domain: row.domain,
  state: row.state as AgentState,
  previous: row.previous as AgentState,
  at: row.at.getTime(),
});

/** The query of `statesAt`, apart so that a test can ask the planner how it runs. */
export const statesAtQuery = (tenantId: string, agentIds: readonly string[], from: Date) =>
  sql<{ agent_id: string; domain: string; state: string; previous: string; at: Date }>`
    select a.agent_id, d.domain, t.state, t.previous, t.at
    from (values ${sql.join(agentIds.map((id) => sql`(${id}::uuid)`))}) as a (agent_id)
    cross join (values ${sql.join(DOMAINS.map((domain) => sql`(${domain})`))}) as d (domain)
    cross join lateral (
      select state, previous, at from agent_state_trace
      where tenant_id = ${tenantId} and agent_id = a.agent_id and domain = d.domain and at < ${from}
      order by at desc, id desc
      limit 1
    ) as t
    order by a.agent_id, d.domain`;

export const agentStatsRepository = {
  /** Agents and supervisors (who take contacts), of the given teams or, with null, of the whole tenant. */
  async people(db: Db, tenantId: string, teamIds: readonly string[] | null) {
    let query = db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('tenant_id', '=', tenantId)
      .where('role', 'in', ['agent', 'supervisor'])
      .orderBy('display_name');
    if (teamIds !== null) {
      if (teamIds.length === 0) return [];
      query = query.where('team_id', 'in', teamIds);
    }
    return query.execute();
  },

  /**
   * Each agent's and domain's last state change before `from`: the state they were in at `from`. One index
   * probe per agent and domain (agent_state_trace_latest), however long the trace before `from` has grown.
   */
  async statesAt(db: Db, tenantId: string, agentIds: readonly string[], from: Date): Promise<TraceRow[]> {
    if (agentIds.length === 0) return [];
    const { rows } = await statesAtQuery(tenantId, agentIds, from).execute(db);
    return rows.map(toTrace);
  },

  /** State changes since `from`, in the order they happened. */
  async traceSince(db: Db, tenantId: string, agentIds: readonly string[], from: Date): Promise<TraceRow[]> {
    if (agentIds.length === 0) return [];
    const rows = await db
      .selectFrom('agent_state_trace')
      .select(['agent_id', 'domain', 'state', 'previous', 'at'])
      .where('tenant_id', '=', tenantId)
      .where('agent_id', 'in', agentIds)
      .where('at', '>=', from)
      .orderBy('id')
      .execute();
    return rows.map(toTrace);
  },

  /**
   * Acceptances and wrap-up ends by these agents of every contact whose wrap-up one of them ended since `from`
   * (its acceptance may be older), in the order they happened.
   */
  async handleEvents(
    db: Db,
    tenantId: string,
    agentIds: readonly string[],
    from: Date,
  ): Promise<HandleEvent[]> {
    if (agentIds.length === 0) return [];
    const wrapped = db
      .selectFrom('contact_events')
      .select('contact_id')
      .where('tenant_id', '=', tenantId)
      .where('type', '=', 'contact.wrap_up_ended')
      .where('at', '>=', from)
      .where('agent_id', 'in', agentIds);
    const rows = await db
      .selectFrom('contact_events')
      .select(['contact_id', 'type', 'agent_id', 'at'])
      .where('tenant_id', '=', tenantId)
      .where('type', 'in', ['contact.accepted', 'contact.wrap_up_ended'])
      .where('agent_id', 'in', agentIds)
      .where('contact_id', 'in', wrapped)
      .orderBy('id')
      .execute();
    return rows.flatMap((row): HandleEvent[] =>
      row.agent_id && (row.type === 'contact.accepted' || row.type === 'contact.wrap_up_ended')
        ? [{ type: row.type, contactId: row.contact_id, agentId: row.agent_id, at: row.at.getTime() }]
        : [],
    );
  },
};
