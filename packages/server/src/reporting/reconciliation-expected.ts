import {
  type AgentCounts,
  type AgentSegment,
  addContactCounts,
  type ContactCounts,
  type ContactLeg,
  countLegs,
  countOffer,
  countSegmentHandling,
  domainOf,
  intervalAt,
  noAgentCounts,
  segmentHandledAt,
} from '@switchboard/core';
import type { Db } from '../db/database.ts';
import { legOfRow, segmentOfRow } from './detail-records.repository.ts';
import { agentCountsOf, contactCountsOf } from './interval-tables.repository.ts';
import { SHORT_ABANDON_SECONDS, TIME_ZONE } from './reconciliation-center.ts';

/** Keyed counts: `<interval start ms>|<key>` → counts. */
export type Keyed<C> = Map<string, C>;

const quarterOf = (at: number) => intervalAt(TIME_ZONE, 15, at).start;

/** Everything stored for the tenant that the checks read. */
export async function storedDay(db: Db, tenantId: string) {
  const [legs, segments, csq, callType, agent, agentCsq, reasons, trace] = await Promise.all([
    db.selectFrom('contact_legs').selectAll().where('tenant_id', '=', tenantId).execute(),
    db.selectFrom('agent_segments').selectAll().where('tenant_id', '=', tenantId).execute(),
    db.selectFrom('csq_intervals').selectAll().where('tenant_id', '=', tenantId).execute(),
    db.selectFrom('call_type_intervals').selectAll().where('tenant_id', '=', tenantId).execute(),
    db.selectFrom('agent_intervals').selectAll().where('tenant_id', '=', tenantId).execute(),
    db.selectFrom('agent_csq_intervals').selectAll().where('tenant_id', '=', tenantId).execute(),
    db.selectFrom('agent_reason_intervals').selectAll().where('tenant_id', '=', tenantId).execute(),
    db.selectFrom('agent_state_trace').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
  ]);
  const contactRows = (rows: Record<string, unknown>[], key: string) =>
    new Map(
      rows.map((row) => [`${(row.interval_start as Date).getTime()}|${row[key]}`, contactCountsOf(row)]),
    );
  const agentRows = (rows: Record<string, unknown>[], key: (row: Record<string, unknown>) => string) =>
    new Map(rows.map((row) => [`${(row.interval_start as Date).getTime()}|${key(row)}`, agentCountsOf(row)]));
  return {
    legs: legs.map(legOfRow),
    segments: segments.map(segmentOfRow),
    csq: contactRows(csq as unknown as Record<string, unknown>[], 'csq_id'),
    callType: contactRows(callType as unknown as Record<string, unknown>[], 'call_type'),
    agent: agentRows(agent as unknown as Record<string, unknown>[], (row) => `${row.agent_id} ${row.domain}`),
    agentCsq: agentRows(
      agentCsq as unknown as Record<string, unknown>[],
      (row) => `${row.agent_id} ${row.csq_id}`,
    ),
    reasons: new Map(
      reasons.map((row) => [
        `${row.interval_start.getTime()}|${row.agent_id} ${row.domain} ${row.reason_code}`,
        Number(row.not_ready_ms),
      ]),
    ),
    trace: trace.map((row) => ({
      agentId: row.agent_id,
      domain: row.domain,
      state: row.state,
      reasonCode: row.reason_code,
      at: row.at.getTime(),
    })),
  };
}

/**
 * Contact counts per quarter-hour, summed from legs with core's `countLegs` (each CSQ's legs with its own
 * threshold, as the capture counts them), keyed by CSQ or call type.
 */
export function contactCountsFromLegs(
  legs: readonly ContactLeg[],
  thresholdOf: (csqId: string) => number,
  keyOf: (leg: ContactLeg) => string,
): Keyed<ContactCounts> {
  const sums: Keyed<ContactCounts> = new Map();
  for (const csqId of new Set(legs.map((leg) => leg.csqId))) {
    const counted = countLegs(
      legs.filter((leg) => leg.csqId === csqId),
      (leg, at) => `${quarterOf(at)}|${keyOf(leg)}`,
      { thresholdSeconds: thresholdOf(csqId), shortAbandonSeconds: SHORT_ABANDON_SECONDS },
    );
    for (const [key, counts] of counted) {
      const into = sums.get(key);
      sums.set(key, into ? addContactCounts(into, counts) : counts);
    }
  }
  return sums;
}

/** Offers and handling per quarter-hour, summed from segments with core's `countOffer`/`countSegmentHandling`. */
export function agentCountsFromSegments(
  segments: readonly AgentSegment[],
  keyOf: (segment: AgentSegment) => string,
): Keyed<AgentCounts> {
  const sums: Keyed<AgentCounts> = new Map();
  const at = (instant: number, segment: AgentSegment) => {
    const key = `${quarterOf(instant)}|${keyOf(segment)}`;
    const counts = sums.get(key) ?? noAgentCounts();
    sums.set(key, counts);
    return counts;
  };
  for (const segment of segments) {
    countOffer(at(segment.offeredAt, segment), segment);
    const handled = segmentHandledAt(segment);
    if (handled !== null) countSegmentHandling(at(handled, segment), segment);
  }
  return sums;
}

export const byAgentAndDomain = (segment: AgentSegment) => `${segment.agentId} ${domainOf(segment.channel)}`;

export type TraceRow = Awaited<ReturnType<typeof storedDay>>['trace'][number];

/**
 * Each agent's time per state (and Not Ready per reason code) straight from the state trace: every entry lasts
 * until the next entry of the same agent and domain. Nothing of the core's folding is used.
 */
export function stateTimeFromTrace(trace: readonly TraceRow[]) {
  const time = new Map<string, number>();
  const add = (key: string, ms: number) => time.set(key, (time.get(key) ?? 0) + ms);
  const last = new Map<string, TraceRow>();
  for (const entry of trace) {
    const key = `${entry.agentId} ${entry.domain}`;
    const before = last.get(key);
    if (before && before.state !== 'logged_out') {
      const ms = entry.at - before.at;
      add(`${before.agentId}|loggedIn`, ms);
      add(`${before.agentId}|${before.state}`, ms);
      if (before.state === 'not_ready') add(`${before.agentId}|reason ${before.reasonCode ?? 0}`, ms);
    }
    last.set(key, entry);
  }
  const open = [...last.values()].filter((entry) => entry.state !== 'logged_out');
  return { time, open };
}

/** Sums a keyed map's values by a part of the key. */
export function sumBy<C>(
  rows: Keyed<C>,
  keyOf: (key: string) => string,
  zero: () => C,
  add: (into: C, other: C) => C,
) {
  const sums = new Map<string, C>();
  for (const [key, counts] of rows) sums.set(keyOf(key), add(sums.get(keyOf(key)) ?? zero(), counts));
  return sums;
}

/** Drops rows whose counts are all zero (a stored interval may keep an agent's empty row). */
export function nonZero<C extends object>(rows: Keyed<C>): Keyed<C> {
  return new Map(
    [...rows]
      .filter(([, counts]) => Object.values(counts).some((value) => value !== 0))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
