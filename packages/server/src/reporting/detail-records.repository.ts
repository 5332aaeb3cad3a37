import { type AgentSegment, type ContactEvent, type ContactLeg, segmentHandledAt } from '@switchboard/core';
import { type Selectable, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { columnsNamed, epochMs, jsonRows } from '../db/json-rows.ts';
import type { AgentSegmentsTable, ContactLegsTable } from '../db/schema.ts';

const time = (value: Date | null) => (value === null ? null : value.getTime());
const date = (value: number | null) => (value === null ? null : new Date(value));

/** `= any(array)`: one parameter, and the planner probes the index per id whatever it knows of the table's size. */
const idList = (ids: readonly string[]) => sql`any(${`{${ids.join(',')}}`}::uuid[])`;

const LEG_COLUMNS = [
  ...columnsNamed(['contact_id', 'leg', 'channel', 'csq_id', 'call_type', 'chat_type', 'from_csq_id']),
  epochMs('entered_at'),
  epochMs('first_offered_at'),
  epochMs('answered_at'),
  sql`agent_id`,
  epochMs('ended_at'),
  sql`outcome`,
  epochMs('handle_ended_at'),
  ...columnsNamed(['offers', 'no_answers', 'ring_ms', 'talk_ms', 'hold_ms', 'wrap_ms', 'transfers_out']),
];

function legOfArray(row: unknown[]): ContactLeg {
  const [
    contactId,
    leg,
    channel,
    csqId,
    callType,
    chatType,
    fromCsqId,
    enteredAt,
    firstOfferedAt,
    answeredAt,
  ] = row;
  const [agentId, endedAt, outcome, handleEndedAt, offers, noAnswers, ringMs, talkMs, holdMs, wrapMs] =
    row.slice(10);
  return {
    contactId,
    leg,
    channel,
    csqId,
    callType,
    chatType,
    fromCsqId,
    enteredAt,
    firstOfferedAt,
    answeredAt,
    agentId,
    endedAt,
    outcome,
    handleEndedAt,
    offers,
    noAnswers,
    ringMs,
    talkMs,
    holdMs,
    wrapMs,
    transfersOut: row[20],
  } as ContactLeg;
}

const SEGMENT_COLUMNS = [
  ...columnsNamed(['contact_id', 'agent_id', 'seq', 'leg', 'channel', 'csq_id', 'call_type', 'chat_type']),
  ...columnsNamed(['role', 'from_csq_id']),
  epochMs('offered_at'),
  epochMs('answered_at'),
  epochMs('talk_ended_at'),
  epochMs('wrap_up_ended_at'),
  ...columnsNamed(['outcome', 'ring_ms', 'hold_ms', 'wrap_reasons']),
];

function segmentOfArray(row: unknown[]): AgentSegment {
  const [contactId, agentId, seq, leg, channel, csqId, callType, chatType, role, fromCsqId] = row;
  const [offeredAt, answeredAt, talkEndedAt, wrapUpEndedAt, outcome, ringMs, holdMs, wrapReasons] =
    row.slice(10);
  return {
    contactId,
    agentId,
    seq,
    leg,
    channel,
    csqId,
    callType,
    chatType,
    role,
    fromCsqId,
    offeredAt,
    answeredAt,
    talkEndedAt,
    wrapUpEndedAt,
    outcome,
    ringMs,
    holdMs,
    wrapReasons,
  } as AgentSegment;
}

/** The contact detail records (legs and agents' segments): written by the capture, read by reports. */
export const detailRecordsRepository = {
  /** Contacts with any event in [from, to). */
  async contactsActiveIn(db: Db, tenantId: string, from: Date, to: Date): Promise<string[]> {
    const rows = await db
      .selectFrom('contact_events')
      .select('contact_id')
      .distinct()
      .where('tenant_id', '=', tenantId)
      .where('at', '>=', from)
      .where('at', '<', to)
      .execute();
    return rows.map((row) => row.contact_id);
  },

  /** Every event of these contacts, in the order they happened, as the router emitted them. */
  async eventsOf(db: Db, tenantId: string, contactIds: readonly string[]): Promise<ContactEvent[]> {
    if (contactIds.length === 0) return [];
    const rows = await jsonRows(
      db,
      [sql`contact_id`, sql`type`, epochMs('at'), sql`data`],
      sql`from contact_events where tenant_id = ${tenantId} and contact_id = ${idList(contactIds)}`,
      sql`id`,
    );
    return rows.map(
      ([contactId, type, at, data]) => ({ ...(data as object), type, at, contactId }) as ContactEvent,
    );
  },

  /** The hash of each of these contacts' stored records (kept on leg 0), for those whose records have one. */
  async hashesOf(db: Db, tenantId: string, contactIds: readonly string[]): Promise<Map<string, string>> {
    if (contactIds.length === 0) return new Map();
    const rows = await jsonRows(
      db,
      [sql`contact_id`, sql`records_hash`],
      sql`from contact_legs where tenant_id = ${tenantId} and contact_id = ${idList(contactIds)} and leg = 0`,
    );
    return new Map(
      rows
        .filter(([, hash]) => hash !== null)
        .map(([contactId, hash]) => [contactId as string, hash as string]),
    );
  },

  /**
   * Replaces the detail records of these contacts with `legs` and `segments`. A contact's records only ever
   * gain instants as it goes on (an end, a wrap-up), so the new records name every interval the old ones did.
   */
  async replace(
    db: Db,
    tenantId: string,
    contactIds: readonly string[],
    legs: readonly ContactLeg[],
    segments: readonly AgentSegment[],
    /** Each contact's records hash, kept on its leg 0. */
    hashes: ReadonlyMap<string, string>,
  ): Promise<void> {
    // Two captures of one tenant at once (a job and a recapture) take turns per batch.
    await sql`select pg_advisory_xact_lock(hashtext(${`reporting:${tenantId}`}))`.execute(db);
    const ids = idList(contactIds);
    await sql`delete from contact_legs where tenant_id = ${tenantId} and contact_id = ${ids}`.execute(db);
    await sql`delete from agent_segments where tenant_id = ${tenantId} and contact_id = ${ids}`.execute(db);
    // One JSON parameter per table: the database reads thousands of rows from it faster than from as many
    // bound parameters.
    if (legs.length > 0)
      await sql`insert into contact_legs select * from json_populate_recordset(null::contact_legs, ${JSON.stringify(
        legs.map((leg) => ({
          ...legRow(tenantId, leg),
          records_hash: leg.leg === 0 ? (hashes.get(leg.contactId) ?? null) : null,
        })),
      )}::json)`.execute(db);
    if (segments.length > 0)
      await sql`insert into agent_segments select * from json_populate_recordset(null::agent_segments, ${JSON.stringify(
        segments.map((segment) => ({ ...segmentRow(tenantId, segment), wrap_reasons: segment.wrapReasons })),
      )}::json)`.execute(db);
  },

  /** Legs placed in [from, to) by `placedBy`, or whose handling ended then: what a span of intervals counts. */
  async legsCountedBetween(
    db: Db,
    tenantId: string,
    placedBy: 'entered_at' | 'ended_at',
    from: Date,
    to: Date,
  ): Promise<ContactLeg[]> {
    const placed = sql.ref(placedBy);
    const rows = await jsonRows(
      db,
      LEG_COLUMNS,
      sql`from contact_legs where tenant_id = ${tenantId}
        and ((${placed} >= ${from} and ${placed} < ${to}) or (handle_ended_at >= ${from} and handle_ended_at < ${to}))`,
    );
    return rows.map(legOfArray);
  },

  /** Segments offered in [from, to), or whose handling ended then: what a span of intervals counts. */
  async segmentsCountedBetween(db: Db, tenantId: string, from: Date, to: Date): Promise<AgentSegment[]> {
    const rows = await jsonRows(
      db,
      SEGMENT_COLUMNS,
      sql`from agent_segments where tenant_id = ${tenantId}
        and ((offered_at >= ${from} and offered_at < ${to}) or (handled_at >= ${from} and handled_at < ${to}))`,
    );
    return rows.map(segmentOfArray);
  },
};

function legRow(tenantId: string, leg: ContactLeg) {
  return {
    tenant_id: tenantId,
    contact_id: leg.contactId,
    leg: leg.leg,
    channel: leg.channel,
    csq_id: leg.csqId,
    call_type: leg.callType,
    chat_type: leg.chatType,
    from_csq_id: leg.fromCsqId,
    entered_at: new Date(leg.enteredAt),
    first_offered_at: date(leg.firstOfferedAt),
    answered_at: date(leg.answeredAt),
    agent_id: leg.agentId,
    ended_at: date(leg.endedAt),
    outcome: leg.outcome,
    handle_ended_at: date(leg.handleEndedAt),
    offers: leg.offers,
    no_answers: leg.noAnswers,
    ring_ms: leg.ringMs,
    talk_ms: leg.talkMs,
    hold_ms: leg.holdMs,
    wrap_ms: leg.wrapMs,
    transfers_out: leg.transfersOut,
  };
}

export function legOfRow(row: Selectable<ContactLegsTable>): ContactLeg {
  return {
    contactId: row.contact_id,
    leg: row.leg,
    channel: row.channel as ContactLeg['channel'],
    csqId: row.csq_id,
    callType: row.call_type,
    chatType: row.chat_type as ContactLeg['chatType'],
    fromCsqId: row.from_csq_id,
    enteredAt: row.entered_at.getTime(),
    firstOfferedAt: time(row.first_offered_at),
    answeredAt: time(row.answered_at),
    agentId: row.agent_id,
    endedAt: time(row.ended_at),
    outcome: row.outcome as ContactLeg['outcome'],
    handleEndedAt: time(row.handle_ended_at),
    offers: row.offers,
    noAnswers: row.no_answers,
    ringMs: Number(row.ring_ms),
    talkMs: Number(row.talk_ms),
    holdMs: Number(row.hold_ms),
    wrapMs: Number(row.wrap_ms),
    transfersOut: row.transfers_out,
  };
}

function segmentRow(tenantId: string, segment: AgentSegment) {
  const handledAt = segmentHandledAt(segment);
  return {
    tenant_id: tenantId,
    contact_id: segment.contactId,
    agent_id: segment.agentId,
    seq: segment.seq,
    leg: segment.leg,
    channel: segment.channel,
    csq_id: segment.csqId,
    call_type: segment.callType,
    chat_type: segment.chatType,
    role: segment.role,
    from_csq_id: segment.fromCsqId,
    offered_at: new Date(segment.offeredAt),
    answered_at: date(segment.answeredAt),
    talk_ended_at: date(segment.talkEndedAt),
    wrap_up_ended_at: date(segment.wrapUpEndedAt),
    handled_at: date(handledAt),
    outcome: segment.outcome,
    ring_ms: segment.ringMs,
    hold_ms: segment.holdMs,
    wrap_reasons: JSON.stringify(segment.wrapReasons),
  };
}

export function segmentOfRow(row: Selectable<AgentSegmentsTable>): AgentSegment {
  return {
    contactId: row.contact_id,
    agentId: row.agent_id,
    seq: row.seq,
    leg: row.leg,
    channel: row.channel as AgentSegment['channel'],
    csqId: row.csq_id,
    callType: row.call_type,
    chatType: row.chat_type as AgentSegment['chatType'],
    role: row.role as AgentSegment['role'],
    fromCsqId: row.from_csq_id,
    offeredAt: row.offered_at.getTime(),
    answeredAt: time(row.answered_at),
    talkEndedAt: time(row.talk_ended_at),
    wrapUpEndedAt: time(row.wrap_up_ended_at),
    outcome: row.outcome as AgentSegment['outcome'],
    ringMs: Number(row.ring_ms),
    holdMs: Number(row.hold_ms),
    wrapReasons: (typeof row.wrap_reasons === 'string'
      ? JSON.parse(row.wrap_reasons)
      : row.wrap_reasons) as string[],
  };
}
