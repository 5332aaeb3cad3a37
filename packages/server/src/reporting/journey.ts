import { authorize, notFound } from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { legOfRow } from './detail-records.repository.ts';
import { reportScope } from './report-scope.ts';

const STEP_LABELS: Record<string, string> = {
  'contact.created': 'Contact created',
  'contact.dialled': 'Call placed by the agent',
  'contact.dial_result': 'Dial result',
  'contact.queued': 'Queued',
  'contact.offered': 'Offered',
  'contact.accepted': 'Accepted',
  'contact.offer_withdrawn': 'Offer ended',
  'contact.held': 'Put on hold',
  'contact.resumed': 'Resumed',
  'contact.transferred': 'Transferred',
  'contact.call_type_changed': 'Call type changed',
  'contact.recording': 'Recording',
  'contact.flow': 'Call flow',
  'contact.join_timeout': 'Customer did not join',
  'contact.invited': 'Agent invited',
  'contact.invite_ended': 'Invitation ended',
  'contact.participant_joined': 'Agent joined',
  'contact.participant_left': 'Agent left',
  'contact.wrap_up_started': 'Wrap-up started',
  'contact.wrap_up_ended': 'Wrap-up ended',
  'contact.ended': 'Ended',
};

/** A call flow's steps in a line: `menu: key 1; account: 4 digits into Account` (never the digits). */
function flowDetail(steps: unknown): string | null {
  if (!Array.isArray(steps) || steps.length === 0) return null;
  return steps
    .map((s: { step?: unknown; result?: unknown; key?: unknown; variable?: unknown; digits?: unknown }) => {
      const what =
        s.result === 'key' || s.result === 'invalid_key'
          ? `${String(s.result).replace('_', ' ')} ${String(s.key)}`
          : s.result === 'collected'
            ? `${String(s.digits)} digits into ${String(s.variable)}`
            : String(s.result).replace('_', ' ');
      return `${String(s.step)}: ${what}`;
    })
    .join('; ');
}

/** One contact from cradle to grave: its legs and every event, with the agents' and CSQs' names. */
export async function contactJourney(db: Db, acd: AcdRuntime, principal: Principal, contactId: string) {
  authorize(principal, 'report.read');
  const { tenantId } = principal;
  const contact = await db
    .selectFrom('contacts')
    .select(['id', 'channel', 'call_type', 'created_at', 'outcome', 'ended_at'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!contact) throw notFound('Contact');
  const [events, legs, csqs, users] = await Promise.all([
    db
      .selectFrom('contact_events')
      .select(['type', 'at', 'agent_id', 'csq_id', 'data'])
      .where('tenant_id', '=', tenantId)
      .where('contact_id', '=', contactId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('contact_legs')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('contact_id', '=', contactId)
      .orderBy('leg')
      .execute(),
    db.selectFrom('csqs').select(['id', 'name']).where('tenant_id', '=', tenantId).execute(),
    db.selectFrom('users').select(['id', 'display_name']).where('tenant_id', '=', tenantId).execute(),
  ]);
  const scope = await reportScope(db, acd, principal);
  const inScope =
    scope.csqIds === null ||
    events.some((event) => event.csq_id !== null && scope.csqIds?.has(event.csq_id)) ||
    (scope.agentIds !== null &&
      events.some((event) => event.agent_id !== null && scope.agentIds?.has(event.agent_id)));
  if (!inScope) throw notFound('Contact');
  const csqName = new Map(csqs.map((csq) => [csq.id, csq.name]));
  const userName = new Map(users.map((user) => [user.id, user.display_name]));
  return {
    contact: {
      id: contact.id,
      channel: contact.channel,
      callType: contact.call_type,
      createdAt: contact.created_at.toISOString(),
      endedAt: contact.ended_at?.toISOString() ?? null,
      outcome: contact.outcome,
    },
    legs: legs.map(legOfRow).map((leg) => ({
      leg: leg.leg,
      csqName: csqName.get(leg.csqId) ?? null,
      fromCsqName: leg.fromCsqId ? (csqName.get(leg.fromCsqId) ?? null) : null,
      chatType: leg.chatType,
      enteredAt: new Date(leg.enteredAt).toISOString(),
      answeredAt: leg.answeredAt === null ? null : new Date(leg.answeredAt).toISOString(),
      agentName: leg.agentId ? (userName.get(leg.agentId) ?? null) : null,
      endedAt: leg.endedAt === null ? null : new Date(leg.endedAt).toISOString(),
      outcome: leg.outcome,
      waitSeconds: ((leg.answeredAt ?? leg.endedAt ?? leg.enteredAt) - leg.enteredAt) / 1000,
      talkSeconds: leg.talkMs / 1000,
      holdSeconds: leg.holdMs / 1000,
      wrapSeconds: leg.wrapMs / 1000,
    })),
    steps: events.map((event) => {
      const data = (typeof event.data === 'string' ? JSON.parse(event.data) : event.data) as Record<
        string,
        unknown
      >;
      const cause =
        typeof data.cause === 'string' ? data.cause : typeof data.endedBy === 'string' ? data.endedBy : null;
      const toCsq = typeof data.toCsqId === 'string' ? csqName.get(data.toCsqId) : undefined;
      const toAgent = typeof data.toAgentId === 'string' ? userName.get(data.toAgentId) : undefined;
      const detail = [
        cause && `cause: ${cause}`,
        typeof data.outcome === 'string' && `outcome: ${data.outcome}`,
        toCsq && `to ${toCsq}`,
        toAgent && `to ${toAgent}`,
        Array.isArray(data.reasons) && data.reasons.length > 0 && `reasons: ${data.reasons.length}`,
        typeof data.action === 'string' && data.action,
        flowDetail(data.steps),
      ].filter(Boolean);
      return {
        at: event.at.toISOString(),
        type: event.type,
        label: STEP_LABELS[event.type] ?? event.type,
        agentName: event.agent_id ? (userName.get(event.agent_id) ?? null) : null,
        csqName: event.csq_id ? (csqName.get(event.csq_id) ?? null) : null,
        detail: detail.length > 0 ? detail.join(', ') : null,
      };
    }),
  };
}
