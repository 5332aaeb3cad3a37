import type {
  AcdEvent,
  AgentSnapshot,
  ChannelSettings,
  ContactSnapshot,
  ContactView,
} from '@switchboard/core';
import { agentConfig, DEFAULT_CHANNEL_SETTINGS, DOMAINS } from '@switchboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { tenantsRepository, usersRepository } from '../db/repositories/index.ts';

/** A new contact's details that the router does not hold but storage keeps. */
export interface ContactExtras {
  externalId: string | null;
  attributes: Record<string, string>;
}

/** Everything one batch of router decisions changes in storage; written in one transaction. */
export interface RouterBatch {
  events: AcdEvent[];
  created: Map<string, ContactExtras>;
  /** The last state the router showed of each contact the batch touched (kept even once it ended). */
  contacts: Map<string, ContactView>;
  presence: Map<string, AgentSnapshot['chosen'] & { reasons: AgentSnapshot['reasonCode'] }>;
  wrapUpReasons: Map<string, string[]>;
}

export const emptyBatch = (): RouterBatch => ({
  events: [],
  created: new Map(),
  contacts: new Map(),
  presence: new Map(),
  wrapUpReasons: new Map(),
});

export async function channelSettingsOf(db: Db, tenantId: string): Promise<ChannelSettings> {
  const tenant = await tenantsRepository.findById(db, tenantId);
  return tenant?.settings.channels ?? DEFAULT_CHANNEL_SETTINGS;
}

/** People who take contacts: active agents and supervisors, with their skills. */
export async function loadAgents(
  db: Db,
  tenantId: string,
  settings: ChannelSettings,
  only?: string,
): Promise<AgentSnapshot[]> {
  let query = db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .where('role', 'in', ['agent', 'supervisor']);
  if (only) query = query.where('id', '=', only);
  const ids = (await query.execute()).map((r) => r.id);
  const skills = await usersRepository.skillsOf(db, tenantId, ids);
  const presence = ids.length
    ? await db
        .selectFrom('agent_presence')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('agent_id', 'in', ids)
        .execute()
    : [];
  return ids.map((id) => {
    const mine = presence.filter((p) => p.agent_id === id);
    const of = (domain: (typeof DOMAINS)[number]) => mine.find((p) => p.domain === domain);
    return {
      config: agentConfig(
        id,
        Object.fromEntries((skills.get(id) ?? []).map((s) => [s.skillId, s.competence])),
        settings,
      ),
      chosen: { voice: of('voice')?.chosen ?? 'logged_out', digital: of('digital')?.chosen ?? 'logged_out' },
      reasonCode: { voice: of('voice')?.reason_code ?? null, digital: of('digital')?.reason_code ?? null },
    };
  });
}

export async function loadOpenContacts(db: Db, tenantId: string): Promise<ContactSnapshot[]> {
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('status', '<>', 'ended')
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    csqId: row.csq_id,
    callType: row.call_type,
    priority: row.priority,
    status: row.status as ContactSnapshot['status'],
    seq: Number(row.seq),
    queuedAt: row.queued_at.getTime(),
    createdAt: row.created_at.getTime(),
    agentId: row.agent_id,
    acceptedAt: row.accepted_at?.getTime() ?? null,
    wrapUpAt: row.wrap_up_at?.getTime() ?? null,
    excluded: row.excluded,
    stickyAgentId: row.sticky_agent_id,
    joinTimeoutSent: row.join_timeout_sent,
  }));
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** Rows per multi-row statement: well under the 65,535 bind parameters a statement may carry. */
const ROWS_PER_STATEMENT = 1_000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) out.push(rows.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

/**
 * Writes one batch: the event log, the agent state trace, and the current state of contacts and agents. Each
 * table takes one multi-row statement (per thousand rows), so a batch costs a handful of round trips however
 * many contacts it touched.
 */
export async function writeBatch(db: Db, tenantId: string, batch: RouterBatch): Promise<void> {
  const contactEvents = batch.events.filter((e) => e.type !== 'agent.state_changed');
  const stateEvents = batch.events.filter((e) => e.type === 'agent.state_changed');
  await upsertContacts(db, tenantId, batch);
  await markEnded(db, tenantId, batch);
  for (const rows of chunks(contactEvents)) {
    await db
      .insertInto('contact_events')
      .values(
        rows.map((e) => {
          const { type, at, contactId, ...data } = e as AcdEvent & { contactId: string };
          const agentId = 'agentId' in data ? (data.agentId as string | null) : null;
          const csqId = 'csqId' in data ? (data.csqId as string | null) : null;
          return {
            tenant_id: tenantId,
            contact_id: contactId,
            type,
            at: new Date(at),
            agent_id: agentId,
            csq_id: csqId,
            data: JSON.stringify(data),
          };
        }),
      )
      .execute();
  }
  for (const rows of chunks(stateEvents)) {
    await db
      .insertInto('agent_state_trace')
      .values(
        rows.flatMap((e) =>
          e.type === 'agent.state_changed'
            ? [
                {
                  tenant_id: tenantId,
                  agent_id: e.agentId,
                  domain: e.domain,
                  state: e.state,
                  previous: e.previous,
                  reason_code: e.reasonCode,
                  cause: e.cause,
                  at: new Date(e.at),
                },
              ]
            : [],
        ),
      )
      .execute();
  }
  const presence = [...batch.presence].flatMap(([agentId, chosen]) =>
    DOMAINS.map((domain) => ({
      tenant_id: tenantId,
      agent_id: agentId,
      domain,
      chosen: chosen[domain],
      reason_code: chosen.reasons[domain],
    })),
  );
  for (const rows of chunks(presence)) {
    await db
      .insertInto('agent_presence')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'agent_id', 'domain']).doUpdateSet((eb) => ({
          chosen: eb.ref('excluded.chosen'),
          reason_code: eb.ref('excluded.reason_code'),
        })),
      )
      .execute();
  }
}

async function upsertContacts(db: Db, tenantId: string, batch: RouterBatch): Promise<void> {
  const rows = [...batch.contacts].map(([id, view]) => {
    const extras = batch.created.get(id);
    return {
      id,
      tenant_id: tenantId,
      external_id: extras?.externalId ?? null,
      attributes: JSON.stringify(extras?.attributes ?? {}),
      channel: view.channel,
      csq_id: view.csqId,
      call_type: view.callType,
      priority: view.priority,
      status: view.status,
      seq: String(view.seq),
      created_at: new Date(view.createdAt),
      queued_at: new Date(view.queuedAt),
      agent_id: view.agentId,
      accepted_at: date(view.acceptedAt),
      wrap_up_at: date(view.wrapUpAt),
      excluded: JSON.stringify(view.excluded),
      sticky_agent_id: view.stickyAgentId,
      join_timeout_sent: view.joinTimeoutSent,
    };
  });
  for (const chunk of chunks(rows)) {
    await db
      .insertInto('contacts')
      .values(chunk)
      .onConflict((oc) =>
        // A contact's id, tenant, external id and attributes are set once, when it is created.
        oc.column('id').doUpdateSet((eb) => ({
          channel: eb.ref('excluded.channel'),
          csq_id: eb.ref('excluded.csq_id'),
          call_type: eb.ref('excluded.call_type'),
          priority: eb.ref('excluded.priority'),
          status: eb.ref('excluded.status'),
          seq: eb.ref('excluded.seq'),
          created_at: eb.ref('excluded.created_at'),
          queued_at: eb.ref('excluded.queued_at'),
          agent_id: eb.ref('excluded.agent_id'),
          accepted_at: eb.ref('excluded.accepted_at'),
          wrap_up_at: eb.ref('excluded.wrap_up_at'),
          excluded: eb.ref('excluded.excluded'),
          sticky_agent_id: eb.ref('excluded.sticky_agent_id'),
          join_timeout_sent: eb.ref('excluded.join_timeout_sent'),
        })),
      )
      .execute();
  }
}

/** Ended contacts: the outcome, who ended it, when, and any wrap-up reasons, in one statement. */
async function markEnded(db: Db, tenantId: string, batch: RouterBatch): Promise<void> {
  const ends = batch.events.flatMap((e) => (e.type === 'contact.ended' ? [e] : []));
  for (const chunk of chunks(ends)) {
    const values = sql.join(
      chunk.map((end) => {
        const reasons = batch.wrapUpReasons.get(end.contactId);
        return sql`(${end.contactId}::uuid, ${end.outcome}::text, ${end.endedBy}::text, ${new Date(end.at)}::timestamptz, ${end.agentId}::uuid, ${reasons ? JSON.stringify(reasons) : null}::jsonb)`;
      }),
    );
    await sql`
      update contacts set
        status = 'ended',
        outcome = ended.outcome,
        ended_by = ended.ended_by,
        ended_at = ended.ended_at,
        agent_id = ended.agent_id,
        wrap_up_reasons = coalesce(ended.wrap_up_reasons, contacts.wrap_up_reasons)
      from (values ${values}) as ended(id, outcome, ended_by, ended_at, agent_id, wrap_up_reasons)
      where contacts.tenant_id = ${tenantId} and contacts.id = ended.id`.execute(db);
  }
}
