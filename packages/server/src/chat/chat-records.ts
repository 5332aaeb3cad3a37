import { authorize, chatDurations } from '@switchboard/core';
import { sql } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { toCsv } from '../http/csv.ts';

export interface ChatRecordRange {
  from: string;
  to: string;
  csqId?: string | undefined;
}

export interface ChatRecordQuery extends ChatRecordRange {
  limit: number;
}

/** The rows of the tenant's chats created in the range, unordered: callers order and page them. */
export function chatRecordRows(db: Db, tenantId: string, range: ChatRecordRange) {
  let select = db
    .selectFrom('chat_sessions as s')
    .innerJoin('contacts as c', (join) =>
      join.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.contact_id'),
    )
    .leftJoin('csqs as q', (join) =>
      join.onRef('q.tenant_id', '=', 'c.tenant_id').onRef('q.id', '=', 'c.csq_id'),
    )
    .leftJoin('users as u', (join) =>
      join.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.agent_id'),
    )
    .select([
      'c.id',
      sql<string>`c.created_at::text`.as('created_at_exact'),
      'c.csq_id',
      'q.name as csq_name',
      'c.call_type',
      's.widget_id',
      's.customer_name',
      'c.agent_id',
      'u.username as agent_username',
      'c.created_at',
      'c.queued_at',
      'c.accepted_at',
      'c.wrap_up_at',
      'c.ended_at',
      'c.outcome',
      'c.ended_by',
      'c.wrap_up_reasons',
      's.rating',
      's.rating_comment',
      's.last_seq',
      // The chat's events in their order, then its guests by id (sorted by name when presented): a planner
      // without statistics (the embedded database gathers none by itself) otherwise reads every handled
      // contact of the tenant, or every user, for each row.
      sql<
        string[]
      >`array(select g.username from users g where g.tenant_id = c.tenant_id and g.id = any(array(select e.agent_id from contact_events e where e.tenant_id = c.tenant_id and e.contact_id = c.id and e.type = 'contact.participant_joined' order by e.id)))`.as(
        'guests',
      ),
      sql<boolean>`exists (select 1 from contact_events e where e.tenant_id = c.tenant_id and e.contact_id = c.id and e.type = 'contact.invite_ended' and e.data->>'cause' = 'customer')`.as(
        'left_while_inviting',
      ),
    ])
    .where('s.tenant_id', '=', tenantId)
    .where('c.tenant_id', '=', tenantId)
    .where('c.created_at', '>=', new Date(range.from))
    .where('c.created_at', '<', new Date(range.to));
  if (range.csqId) select = select.where('c.csq_id', '=', range.csqId);
  return select;
}

type ChatRecordRow = Awaited<ReturnType<ReturnType<typeof chatRecordRows>['execute']>>[number];

/**
 * One row per web chat created in [from, to), newest first, for reporting: the CSQ it was routed from, its
 * agent, the stage durations, the outcome as reports count it (left while offered is abandoned), wrap-up
 * reasons and the customer's rating. A chat a second agent joined is a "group chat"; one the customer left
 * while a second agent was being invited counts as abandoned.
 */
export async function chatRecords(db: Db, principal: Principal, query: ChatRecordQuery) {
  authorize(principal, 'contact.read');
  const rows = await chatRecordRows(db, principal.tenantId, query)
    .orderBy('c.created_at', 'desc')
    .limit(query.limit)
    .execute();
  return rows.map(presentChatRecord);
}

export function presentChatRecord(row: ChatRecordRow) {
  const durations = chatDurations({
    queuedAt: row.queued_at.getTime(),
    acceptedAt: row.accepted_at?.getTime() ?? null,
    wrapUpAt: row.wrap_up_at?.getTime() ?? null,
    endedAt: row.ended_at?.getTime() ?? null,
    outcome: row.outcome,
    leftWhileInviting: row.left_while_inviting,
  });
  return {
    contactId: row.id,
    chatType: row.guests.length > 0 ? ('group chat' as const) : ('chat' as const),
    csqId: row.csq_id,
    csqName: row.csq_name ?? null,
    callType: row.call_type,
    widgetId: row.widget_id,
    customerName: row.customer_name,
    agentId: row.agent_id,
    agentUsername: row.agent_username ?? null,
    guestUsernames: row.guests.sort(),
    createdAt: row.created_at.toISOString(),
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
    ...durations,
    endedBy: row.ended_by,
    wrapUpReasons: row.wrap_up_reasons ?? [],
    messages: row.last_seq,
    rating: row.rating,
    ratingComment: row.rating_comment,
  };
}

export type ChatRecord = Awaited<ReturnType<typeof chatRecords>>[number];

export const CHAT_RECORD_COLUMNS: (keyof ChatRecord)[] = [
  'contactId',
  'chatType',
  'csqName',
  'callType',
  'customerName',
  'agentUsername',
  'guestUsernames',
  'createdAt',
  'acceptedAt',
  'endedAt',
  'waitSeconds',
  'talkSeconds',
  'wrapUpSeconds',
  'outcome',
  'endedBy',
  'wrapUpReasons',
  'messages',
  'rating',
  'ratingComment',
];

/** The same records as CSV for spreadsheets: a header row, lists (reasons, guests) joined by "; ". */
export function chatRecordsCsv(records: ChatRecord[]): string {
  return toCsv(records, CHAT_RECORD_COLUMNS);
}
