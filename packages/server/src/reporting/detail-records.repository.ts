import { type AgentSegment, type ContactEvent, type ContactLeg, segmentHandledAt } from '@switchboard/core';
import { type Selectable, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AgentSegmentsTable, ContactLegsTable } from '../db/schema.ts';

const PARAMETERS_PER_STATEMENT = 30_000;
const time = (value: Date | null) => (value === null ? null : value.getTime());
const date = (value: number | null) => (value === null ? null : new Date(value));

function chunks<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
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
    const events: ContactEvent[] = [];
    for (const ids of chunks(contactIds, 1)) {
      if (ids.length === 0) continue;
      const rows = await db
        .selectFrom('contact_events')
        .select(['contact_id', 'type', 'at', 'data'])
        .where('tenant_id', '=', tenantId)
        .where('contact_id', 'in', ids)
        .orderBy('id')
        .execute();
      for (const row of rows) {
        const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as object;
        events.push({
          ...data,
          type: row.type,
          at: row.at.getTime(),
          contactId: row.contact_id,
        } as ContactEvent);
      }
    }
    return events;
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
  ): Promise<void> {
    // Two captures of one tenant at once (a job and a recapture) take turns per batch.
    await sql`select pg_advisory_xact_lock(hashtext(${`reporting:${tenantId}`}))`.execute(db);
    // `= any(array)` probes the primary key per id, whatever the planner knows of the table's size.
    const ids = sql`any(${`{${contactIds.join(',')}}`}::uuid[])`;
    await sql`delete from contact_legs where tenant_id = ${tenantId} and contact_id = ${ids}`.execute(db);
    await sql`delete from agent_segments where tenant_id = ${tenantId} and contact_id = ${ids}`.execute(db);
    // One JSON parameter per table: the database reads thousands of rows from it faster than from as many
    // bound parameters.
    if (legs.length > 0)
      await sql`insert into contact_legs select * from jsonb_populate_recordset(null::contact_legs, ${JSON.stringify(
        legs.map((leg) => legRow(tenantId, leg)),
      )}::jsonb)`.execute(db);
    if (segments.length > 0)
      await sql`insert into agent_segments select * from jsonb_populate_recordset(null::agent_segments, ${JSON.stringify(
        segments.map((segment) => ({ ...segmentRow(tenantId, segment), wrap_reasons: segment.wrapReasons })),
      )}::jsonb)`.execute(db);
  },

  /** Legs placed in [from, to) by `placedBy`, or whose handling ended then: what a span of intervals counts. */
  async legsCountedBetween(
    db: Db,
    tenantId: string,
    placedBy: 'entered_at' | 'ended_at',
    from: Date,
    to: Date,
  ): Promise<ContactLeg[]> {
    const rows = await db
      .selectFrom('contact_legs')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where((eb) =>
        eb.or([
          eb.and([eb(placedBy, '>=', from), eb(placedBy, '<', to)]),
          eb.and([eb('handle_ended_at', '>=', from), eb('handle_ended_at', '<', to)]),
        ]),
      )
      .execute();
    return rows.map(legOfRow);
  },

  /** Segments offered in [from, to), or whose handling ended then: what a span of intervals counts. */
  async segmentsCountedBetween(db: Db, tenantId: string, from: Date, to: Date): Promise<AgentSegment[]> {
    const rows = await db
      .selectFrom('agent_segments')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where((eb) =>
        eb.or([
          eb.and([eb('offered_at', '>=', from), eb('offered_at', '<', to)]),
          eb.and([eb('handled_at', '>=', from), eb('handled_at', '<', to)]),
        ]),
      )
      .execute();
    return rows.map(segmentOfRow);
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
