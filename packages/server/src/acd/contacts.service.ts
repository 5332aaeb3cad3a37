import { createHash } from 'node:crypto';
import {
  type AcdEngine,
  type AcdEvent,
  authorize,
  type Channel,
  type FlowTaken,
  forbidden,
  isAllowed,
  notFound,
  PRIORITY,
  type TransferTarget,
} from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import type { ContactRow } from '../db/schema.ts';
import { checkWrapUpReasons } from '../wrap-up/wrap-up-check.ts';
import type { AcdRuntime } from './acd-runtime.ts';

export interface NewContactInput {
  channel: Channel;
  csqId: string;
  callType?: string | undefined;
  priority?: number | undefined;
  attributes?: Record<string, string> | undefined;
  externalId?: string | undefined;
  stickyAgentId?: string | undefined;
  /** The call flow a call came through: its steps go into the contact's history before it queues. */
  flow?: FlowTaken | undefined;
  /** Stores what belongs with the contact (a chat session) once its id is known, before it is queued (also on a retry). */
  beforeQueue?: ((id: string) => Promise<void>) | undefined;
}

export const presentContact = (row: ContactRow) => ({
  id: row.id,
  externalId: row.external_id,
  channel: row.channel,
  direction: row.direction,
  csqId: row.csq_id,
  callType: row.call_type,
  priority: row.priority,
  attributes: row.attributes,
  status: row.status,
  agentId: row.agent_id,
  createdAt: row.created_at.toISOString(),
  queuedAt: row.queued_at.toISOString(),
  acceptedAt: row.accepted_at?.toISOString() ?? null,
  endedAt: row.ended_at?.toISOString() ?? null,
  outcome: row.outcome,
  endedBy: row.ended_by,
  wrapUpReasons: row.wrap_up_reasons ?? [],
  guests: row.guests.map((g) => ({ agentId: g.agentId, joinedAt: new Date(g.joinedAt).toISOString() })),
  // The inviter's notes are for the invitee alone (GET /chats/{id}/invitation), never on the contact.
  invitation: row.invite && {
    agentId: row.invite.agentId,
    inviterId: row.invite.inviterId,
    csqId: row.invite.csqId,
    deadline: new Date(row.invite.deadline).toISOString(),
  },
});

/** The same external id always names the same contact, so a retried create cannot make a second one. */
export function contactIdFor(tenantId: string, externalId: string): string {
  const hex = createHash('sha256').update(`${tenantId}\u0000${externalId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const findRow = (db: Db, tenantId: string, id: string) =>
  db
    .selectFrom('contacts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Creates a contact and queues it. With an external id it is idempotent: the second call returns the first contact. */
export async function createContact(db: Db, acd: AcdRuntime, principal: Principal, input: NewContactInput) {
  authorize(principal, 'contact.create');
  const id = input.externalId ? contactIdFor(principal.tenantId, input.externalId) : crypto.randomUUID();
  await input.beforeQueue?.(id);
  const existing = input.externalId ? await findRow(db, principal.tenantId, id) : undefined;
  if (existing) return { created: false, contact: presentContact(existing) };
  const { result: isNew } = await acd.run(
    principal.tenantId,
    (engine) => {
      if (engine.contact(id)) return { events: [], result: false };
      const events = engine.createContact({
        id,
        channel: input.channel,
        csqId: input.csqId,
        callType: input.callType ?? input.channel,
        priority: input.priority ?? PRIORITY.default,
        stickyAgentId: input.stickyAgentId,
        flow: input.flow,
      });
      return { events, result: true };
    },
    (batch, created) => {
      if (created)
        batch.created.set(id, { externalId: input.externalId ?? null, attributes: input.attributes ?? {} });
    },
  );
  const row = await findRow(db, principal.tenantId, id);
  if (!row) throw notFound('Contact');
  return { created: isNew, contact: presentContact(row) };
}

export async function getContact(db: Db, principal: Principal, id: string) {
  const row = await findRow(db, principal.tenantId, id);
  if (!row || !canSee(principal, row)) throw notFound('Contact');
  return presentContact(row);
}

export async function listContacts(
  db: Db,
  principal: Principal,
  filter: { open: boolean; csqId?: string | undefined; limit: number },
) {
  let query = db.selectFrom('contacts').selectAll().where('tenant_id', '=', principal.tenantId);
  if (!isAllowed(principal, 'contact.read')) query = query.where('agent_id', '=', principal.userId);
  if (filter.open) query = query.where('status', '<>', 'ended');
  if (filter.csqId) query = query.where('csq_id', '=', filter.csqId);
  const rows = await query.orderBy('seq', 'desc').limit(filter.limit).execute();
  return rows.map(presentContact);
}

/**
 * The contacts on an agent's desktop (offered, in hand, in wrap-up, group chats they joined or are invited
 * to), read together: a contact that leaves the agent while this is read is left out, never refused.
 */
export async function agentDesktopContacts(db: Db, acd: AcdRuntime, principal: Principal, agentId: string) {
  if (agentId !== principal.userId) authorize(principal, 'contact.read');
  const router = await acd.router(principal.tenantId);
  const agent = router.engine.agent(agentId);
  if (!agent) throw notFound('Agent');
  if (agent.contacts.length === 0) return [];
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where('tenant_id', '=', principal.tenantId)
    .where('id', 'in', agent.contacts)
    .execute();
  const holds = (row: ContactRow) =>
    row.agent_id === agentId ||
    row.guests.some((g) => g.agentId === agentId) ||
    row.invite?.agentId === agentId;
  return rows.filter(holds).map(presentContact);
}

export async function contactEvents(db: Db, principal: Principal, id: string) {
  await getContact(db, principal, id);
  const rows = await db
    .selectFrom('contact_events')
    .selectAll()
    .where('tenant_id', '=', principal.tenantId)
    .where('contact_id', '=', id)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    type: r.type,
    at: r.at.toISOString(),
    agentId: r.agent_id,
    csqId: r.csq_id,
    data: r.data,
  }));
}

/** Readers see every contact; an agent the ones they handle, a group chat they are in or invited into. */
function canSee(principal: Principal, row: ContactRow): boolean {
  const me = principal.userId;
  return (
    isAllowed(principal, 'contact.read') ||
    row.agent_id === me ||
    row.guests.some((g) => g.agentId === me) ||
    row.invite?.agentId === me
  );
}

export type AgentAction =
  | { kind: 'accept' }
  | { kind: 'reject' }
  | { kind: 'complete' }
  | {
      kind: 'wrap_up';
      reasons: string[];
      next?: { state: 'ready' | 'not_ready'; reasonCode?: number | null } | undefined;
    }
  | { kind: 'transfer'; target: TransferTarget; note: string | null }
  | { kind: 'requeue'; csqId: string }
  | { kind: 'hold'; held: boolean };

/** What an agent does with a contact offered to them or in their hands. */
export async function agentAction(
  db: Db,
  acd: AcdRuntime,
  principal: Principal,
  contactId: string,
  action: AgentAction,
) {
  if (!isAllowed(principal, 'contact.handle'))
    throw forbidden('Only agents and supervisors handle contacts.');
  const agentId = principal.userId;
  if (action.kind === 'wrap_up') await checkWrapUpReasons(db, principal, contactId, action.reasons);
  await acd.run(
    principal.tenantId,
    (engine) => ({ events: applyAction(engine, agentId, contactId, action), result: undefined }),
    (batch) => {
      if (action.kind === 'wrap_up') batch.wrapUpReasons.set(contactId, action.reasons);
    },
  );
  // The agent may have handed the contact on; they still get to see the state they left it in.
  const row = await findRow(db, principal.tenantId, contactId);
  if (!row) throw notFound('Contact');
  return presentContact(row);
}

function applyAction(engine: AcdEngine, agentId: string, contactId: string, action: AgentAction): AcdEvent[] {
  switch (action.kind) {
    case 'accept':
      return engine.accept(agentId, contactId);
    case 'reject':
      return engine.reject(agentId, contactId);
    case 'complete':
      return engine.complete(agentId, contactId);
    case 'wrap_up':
      return engine.endWrapUp(agentId, contactId, { reasons: action.reasons, next: action.next });
    case 'transfer':
      return engine.transfer(agentId, contactId, action.target, action.note);
    case 'requeue':
      return engine.requeue(agentId, contactId, action.csqId);
    case 'hold':
      return engine.hold(agentId, contactId, action.held);
  }
}

export type CustomerAction =
  | { kind: 'left' }
  | { kind: 'activity' }
  | { kind: 'call_type'; callType: string }
  | { kind: 'dequeue' };

/** What the customer's side reports: they left, they are typing, the call type changed, or the system withdrew it. */
export async function customerAction(
  db: Db,
  acd: AcdRuntime,
  principal: Principal,
  contactId: string,
  action: CustomerAction,
) {
  authorize(principal, 'contact.create');
  await acd.run(principal.tenantId, (engine) => {
    if (!engine.contact(contactId)) {
      // Ended already (or never here): leaving again changes nothing; anything else is not found.
      if (action.kind === 'left') return { events: [], result: undefined };
      throw notFound('Open contact');
    }
    const events =
      action.kind === 'left'
        ? engine.customerLeft(contactId)
        : action.kind === 'activity'
          ? engine.customerActivity(contactId)
          : action.kind === 'dequeue'
            ? engine.dequeue(contactId)
            : engine.changeCallType(contactId, action.callType);
    return { events, result: undefined };
  });
  return getContact(db, principal, contactId);
}
