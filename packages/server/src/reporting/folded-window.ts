import {
  type AgentSegment,
  type ContactLeg,
  type IntervalBasis,
  legPlacedAt,
  segmentHandledAt,
} from '@switchboard/core';
import { byId, type TraceChange } from './interval-tables.repository.ts';

/**
 * The detail records this process's minute runs folded for a tenant, without a gap, from `from` to `until`: the
 * latest records of every contact with an event in that span. Every instant an interval counts a record by (its
 * placing, its handling's end, an offer) is the instant of one of the contact's events, so the records a span of
 * intervals within the window counts are all here, as the database holds them. The agent state trace of the span
 * is read by the same runs, a minute at a time: the routers write its changes in the same batches as the
 * contacts' events, so what a fold finds of the one it finds of the other. A close counts from here instead of
 * reading them back. Kept per process; a fold elsewhere (another node, a recapture) leaves a gap, and the next
 * count reads the database.
 */
export interface Window {
  from: number;
  until: number;
  contacts: Map<string, ContactRecords>;
  /** The trace's changes from `from` to `until`, each minute's in order; null once a fold did not read them. */
  trace: TraceChange[] | null;
}

interface ContactRecords {
  legs: ContactLeg[];
  segments: AgentSegment[];
  /** The last instant these records are counted at: once every interval up to it is counted, they are done. */
  lastCounted: number;
}

const windows = new WeakMap<object, Map<string, Window>>();

function windowsOf(db: object): Map<string, Window> {
  let byTenant = windows.get(db);
  if (!byTenant) {
    byTenant = new Map();
    windows.set(db, byTenant);
  }
  return byTenant;
}

function lastCountedAt(legs: readonly ContactLeg[], segments: readonly AgentSegment[]): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const leg of legs)
    last = Math.max(last, leg.enteredAt, leg.endedAt ?? last, leg.handleEndedAt ?? last);
  for (const segment of segments) last = Math.max(last, segment.offeredAt, segmentHandledAt(segment) ?? last);
  return last;
}

export const foldedWindow = {
  /**
   * A fold of [from, to) begins: it extends the window if it starts where the window ends, else starts a new one.
   * Returns the window the fold adds to.
   */
  begin(db: object, tenantId: string, from: number): Window {
    const byTenant = windowsOf(db);
    let window = byTenant.get(tenantId);
    if (window?.until !== from) {
      window = { from, until: from, contacts: new Map(), trace: [] };
      byTenant.set(tenantId, window);
    }
    return window;
  },

  /** The records just folded for these contacts (each contact's latest, whether or not they changed). */
  keep(
    window: Window,
    contactIds: readonly string[],
    legs: readonly ContactLeg[],
    segments: readonly AgentSegment[],
  ): void {
    const byContact = new Map<string, { legs: ContactLeg[]; segments: AgentSegment[] }>(
      contactIds.map((id) => [id, { legs: [], segments: [] }]),
    );
    for (const leg of legs) byContact.get(leg.contactId)?.legs.push(leg);
    for (const segment of segments) byContact.get(segment.contactId)?.segments.push(segment);
    for (const [id, records] of byContact)
      window.contacts.set(id, { ...records, lastCounted: lastCountedAt(records.legs, records.segments) });
  },

  /** The trace's changes of the span just folded; null when the fold did not read them (none are kept then). */
  keepTrace(window: Window, changes: readonly TraceChange[] | null): void {
    if (changes === null) window.trace = null;
    else for (const change of changes) window.trace?.push(change);
  },

  /**
   * The fold reached `to`. A window dropped or replaced while the fold ran (another fold of the tenant at the same
   * time) is left as it is: the next count reads the database.
   */
  end(db: object, tenantId: string, window: Window, to: number): void {
    if (windowsOf(db).get(tenantId) === window) window.until = to;
  },

  /** Forgets the tenant's window: its records are being folded by other means (a recapture, a count up to now). */
  forget(db: object, tenantId: string): void {
    windowsOf(db).delete(tenantId);
  },

  /**
   * Keeps the window only if it ends where the stored position says the folds have reached (no other process
   * folded since); a window that ends elsewhere is dropped.
   */
  checkAgainst(db: object, tenantId: string, foldedUntil: number): void {
    if (windowsOf(db).get(tenantId)?.until !== foldedUntil) windowsOf(db).delete(tenantId);
  },

  /**
   * The legs, segments and trace a count of [from, to) takes (as `legsCountedBetween`, `segmentsCountedBetween`
   * and `traceBetween` read them), when the window spans it; null when the database must be read (the trace
   * alone when the folds did not read it).
   */
  countedBetween(
    db: object,
    tenantId: string,
    basis: IntervalBasis,
    from: number,
    to: number,
  ): { legs: ContactLeg[]; segments: AgentSegment[]; trace: TraceChange[] | null } | null {
    const window = windowsOf(db).get(tenantId);
    if (!window || window.from > from || window.until < to) return null;
    const within = (at: number | null) => at !== null && at >= from && at < to;
    const legs: ContactLeg[] = [];
    const segments: AgentSegment[] = [];
    for (const records of window.contacts.values()) {
      if (records.lastCounted < from) continue;
      for (const leg of records.legs)
        if (within(legPlacedAt(leg, basis)) || within(leg.handleEndedAt)) legs.push(leg);
      for (const segment of records.segments)
        if (within(segment.offeredAt) || within(segmentHandledAt(segment))) segments.push(segment);
    }
    const trace = window.trace?.filter(({ entry }) => entry.at >= from && entry.at < to).sort(byId) ?? null;
    return { legs, segments, trace };
  },

  /** Every interval before `counted` is counted for good: the window starts there, without the records done. */
  advance(db: object, tenantId: string, counted: number): void {
    const window = windowsOf(db).get(tenantId);
    if (!window || counted <= window.from) return;
    if (counted > window.until) {
      windowsOf(db).delete(tenantId);
      return;
    }
    window.from = counted;
    for (const [id, records] of window.contacts)
      if (records.lastCounted < counted) window.contacts.delete(id);
    window.trace = window.trace?.filter(({ entry }) => entry.at >= counted) ?? null;
  },
};
