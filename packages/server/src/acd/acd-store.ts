import type {
  AcdEvent,
  AgentSnapshot,
  ChannelSettings,
  ContactSnapshot,
  ContactView,
} from '@switchboard/core';
import { agentConfig, DEFAULT_CHANNEL_SETTINGS, DOMAINS } from '@switchboard/core';
import { type OperationNodeSource, type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { tenantsRepository, usersRepository } from '../db/repositories/index.ts';
import { appendCtes, appendParameters, type NewLogEntry } from '../events/event-log.ts';

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
    direction: row.direction,
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
    guests: row.guests,
    invite: row.invite,
    decliners: row.decliners,
  }));
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** Bind parameters per statement, well under the 65,535 PostgreSQL allows. */
const PARAMETERS_PER_STATEMENT = 30_000;

/**
 * One data-modifying part of a batch: its common table expressions (named from the name it is given) and how
 * many bind parameters it carries. A part that appends to the event log takes positions from the tenant's
 * counter, which one statement may do only once.
 */
interface Part {
  ctes: (name: string) => [string, OperationNodeSource][];
  parameters: number;
  appendsToLog?: true;
}

const single = (query: OperationNodeSource) => (name: string) =>
  [[name, query]] as [string, OperationNodeSource][];

/**
 * Writes one batch: the event log, the contact event history, the agent state trace, and the current state
 * of contacts and agents. Every table's rows go in one multi-row statement, and the statements are joined as
 * data-modifying CTEs of a single SQL statement: one round trip, atomic on its own. Only a batch too big for
 * one statement's parameters is split, and then written in a transaction. Returns the event log's position
 * after the batch (null when the batch had no events).
 */
export async function writeBatch(db: Db, tenantId: string, batch: RouterBatch): Promise<number | null> {
  const statements = group(batchParts(db, tenantId, batch));
  const run = async (executor: Db) => {
    let position: number | null = null;
    for (const statement of statements) {
      const { rows } = await statement.execute(executor);
      const last = rows[0]?.last;
      if (last !== null && last !== undefined) position = Number(last);
    }
    return position;
  };
  if (statements.length <= 1) return run(db);
  return db.transaction().execute(run);
}

function group(parts: Part[]): RawBuilder<{ last: string | null }>[] {
  const statements: Part[][] = [];
  let current: Part[] = [];
  let parameters = 0;
  for (const part of parts) {
    const full = parameters + part.parameters > PARAMETERS_PER_STATEMENT;
    const secondAppend = part.appendsToLog && current.some((p) => p.appendsToLog);
    if (current.length > 0 && (full || secondAppend)) {
      statements.push(current);
      current = [];
      parameters = 0;
    }
    current.push(part);
    parameters += part.parameters;
  }
  if (current.length > 0) statements.push(current);
  return statements.map((members) => {
    const ctes = members.flatMap((part, i) => part.ctes(`write_${i}`));
    const appending = members.findIndex((part) => part.appendsToLog);
    const last =
      appending < 0 ? sql`null::bigint` : sql`(select last from ${sql.table(`write_${appending}_cursor`)})`;
    return sql<{
      last: string | null;
    }>`with ${sql.join(ctes.map(([name, query]) => sql`${sql.ref(name)} as (${query})`))} select ${last} as last`;
  });
}

function chunks<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function batchParts(db: Db, tenantId: string, batch: RouterBatch): Part[] {
  const ended = new Map(
    batch.events.flatMap((e) => (e.type === 'contact.ended' ? [[e.contactId, e] as const] : [])),
  );
  const parts: Part[] = [];
  const contacts = contactRows(tenantId, batch, ended);
  for (const rows of chunks(contacts, 25))
    parts.push({ ctes: single(upsertContacts(db, rows)), parameters: rows.length * 25 });
  // Contacts the router no longer holds have no row above: only their ending is written.
  const endings = [...ended.values()].filter((end) => !batch.contacts.has(end.contactId));
  for (const rows of chunks(endings, 6))
    parts.push({
      ctes: single(markEnded(tenantId, rows, batch.wrapUpReasons)),
      parameters: rows.length * 6 + 1,
    });
  const events = batch.events.flatMap((e) =>
    e.type === 'agent.state_changed' ? [] : [eventRow(tenantId, e)],
  );
  for (const rows of chunks(events, 7))
    parts.push({ ctes: single(db.insertInto('contact_events').values(rows)), parameters: rows.length * 7 });
  const trace = batch.events.flatMap((e) =>
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
  );
  for (const rows of chunks(trace, 8))
    parts.push({
      ctes: single(db.insertInto('agent_state_trace').values(rows)),
      parameters: rows.length * 8,
    });
  const presence = [...batch.presence].flatMap(([agentId, chosen]) =>
    DOMAINS.map((domain) => ({
      tenant_id: tenantId,
      agent_id: agentId,
      domain,
      chosen: chosen[domain],
      reason_code: chosen.reasons[domain],
    })),
  );
  for (const rows of chunks(presence, 5))
    parts.push({
      ctes: single(
        db
          .insertInto('agent_presence')
          .values(rows)
          .onConflict((oc) =>
            oc.columns(['tenant_id', 'agent_id', 'domain']).doUpdateSet((eb) => ({
              chosen: eb.ref('excluded.chosen'),
              reason_code: eb.ref('excluded.reason_code'),
            })),
          ),
      ),
      parameters: rows.length * 5,
    });
  const entries = batch.events.map(logEntry);
  for (const rows of chunks(entries, 6))
    parts.push({
      ctes: (name) => appendCtes(tenantId, rows, name),
      parameters: appendParameters(rows.length),
      appendsToLog: true,
    });
  return parts;
}

/** A router event as the event log keeps it. */
function logEntry(event: AcdEvent): NewLogEntry {
  const { type, at, ...payload } = event;
  return { kind: 'router', type, at: new Date(at), userIds: null, payload };
}

function eventRow(tenantId: string, e: AcdEvent) {
  const { type, at, contactId, ...data } = e as AcdEvent & { contactId: string };
  return {
    tenant_id: tenantId,
    contact_id: contactId,
    type,
    at: new Date(at),
    agent_id: 'agentId' in data ? (data.agentId as string | null) : null,
    csq_id: 'csqId' in data ? (data.csqId as string | null) : null,
    data: JSON.stringify(data),
  };
}

type Ended = Extract<AcdEvent, { type: 'contact.ended' }>;

/** The last state of each contact the batch touched; one that ended carries its ending too. */
function contactRows(tenantId: string, batch: RouterBatch, ended: Map<string, Ended>) {
  return [...batch.contacts].map(([id, view]) => {
    const extras = batch.created.get(id);
    const end = ended.get(id);
    const reasons = batch.wrapUpReasons.get(id);
    return {
      id,
      tenant_id: tenantId,
      external_id: extras?.externalId ?? null,
      attributes: JSON.stringify(extras?.attributes ?? {}),
      channel: view.channel,
      direction: view.direction,
      csq_id: view.csqId,
      call_type: view.callType,
      priority: view.priority,
      status: end ? 'ended' : view.status,
      seq: String(view.seq),
      created_at: new Date(view.createdAt),
      queued_at: new Date(view.queuedAt),
      agent_id: end ? end.agentId : view.agentId,
      accepted_at: date(view.acceptedAt),
      wrap_up_at: date(view.wrapUpAt),
      excluded: JSON.stringify(view.excluded),
      sticky_agent_id: view.stickyAgentId,
      join_timeout_sent: view.joinTimeoutSent,
      guests: JSON.stringify(end ? [] : view.guests),
      invite: !end && view.invite ? JSON.stringify(view.invite) : null,
      decliners: JSON.stringify(view.decliners),
      outcome: end?.outcome ?? null,
      ended_by: end?.endedBy ?? null,
      ended_at: end ? new Date(end.at) : null,
      wrap_up_reasons: reasons ? JSON.stringify(reasons) : null,
    };
  });
}

function upsertContacts(db: Db, rows: ReturnType<typeof contactRows>) {
  return db
    .insertInto('contacts')
    .values(rows)
    .onConflict((oc) =>
      // A contact's id, tenant, external id and attributes are set once, when it is created; its ending
      // and wrap-up reasons, once it has them, stay.
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
        guests: eb.ref('excluded.guests'),
        invite: eb.ref('excluded.invite'),
        decliners: eb.ref('excluded.decliners'),
        outcome: sql`coalesce(excluded.outcome, contacts.outcome)`,
        ended_by: sql`coalesce(excluded.ended_by, contacts.ended_by)`,
        ended_at: sql`coalesce(excluded.ended_at, contacts.ended_at)`,
        wrap_up_reasons: sql`coalesce(excluded.wrap_up_reasons, contacts.wrap_up_reasons)`,
      })),
    );
}

/** Contacts that ended after the router let go of them: the outcome, who ended it, when, wrap-up reasons. */
function markEnded(tenantId: string, ends: Ended[], wrapUpReasons: Map<string, string[]>) {
  const values = sql.join(
    ends.map((end) => {
      const reasons = wrapUpReasons.get(end.contactId);
      return sql`(${end.contactId}::uuid, ${end.outcome}::text, ${end.endedBy}::text, ${new Date(end.at)}::timestamptz, ${end.agentId}::uuid, ${reasons ? JSON.stringify(reasons) : null}::jsonb)`;
    }),
  );
  return sql`
    update contacts set
      status = 'ended',
      outcome = ended.outcome,
      ended_by = ended.ended_by,
      ended_at = ended.ended_at,
      agent_id = ended.agent_id,
      wrap_up_reasons = coalesce(ended.wrap_up_reasons, contacts.wrap_up_reasons)
    from (values ${values}) as ended(id, outcome, ended_by, ended_at, agent_id, wrap_up_reasons)
    where contacts.tenant_id = ${tenantId} and contacts.id = ended.id`;
}
