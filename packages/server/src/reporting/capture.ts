import {
  type AgentSegment,
  type AgentTraceEntry,
  aggregateSpan,
  type ContactLeg,
  dayBounds,
  detailRecordsOf,
  formatLocalDate,
  type IntervalAggregate,
  intervalAt,
  intervalsBetween,
  intervalsOfDay,
  type LocalDate,
  legPlacedAt,
  type ReportInterval,
  type ReportingSettings,
  recordFingerprints,
  SERVICE_LEVEL_SECONDS,
  segmentHandledAt,
  statesAfter,
} from '@switchboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { tenantsRepository } from '../db/repositories/index.ts';
import { reportingSettingsOf } from '../tenancy/tenants.service.ts';
import { detailRecordsRepository } from './detail-records.repository.ts';
import { foldedWindow } from './folded-window.ts';
import { intervalTablesRepository } from './interval-tables.repository.ts';
import { textHash } from './text-hash.ts';

const MINUTE_MS = 60_000;
/**
 * Contacts are folded every minute up to a minute ago (never closer to now than the capture delay): the run a
 * minute before an interval's close has folded every contact up to its end, and the close only counts.
 */
const FOLD_LAG_MS = MINUTE_MS;

interface Context {
  tenantId: string;
  settings: ReportingSettings;
  thresholdSecondsOf: (csqId: string) => number;
}

async function contextOf(db: Db, tenantId: string): Promise<Context> {
  const tenant = await tenantsRepository.findById(db, tenantId);
  if (!tenant) throw new Error(`tenant ${tenantId} not found`);
  const csqs = await db
    .selectFrom('csqs')
    .select(['id', 'service_level_seconds'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const thresholds = new Map(csqs.map((csq) => [csq.id, csq.service_level_seconds]));
  return {
    tenantId,
    settings: reportingSettingsOf(tenant),
    thresholdSecondsOf: (id) => thresholds.get(id) ?? SERVICE_LEVEL_SECONDS.default,
  };
}

/** The end of the last interval that closed at least the capture delay before `now`. */
export function captureHorizon(settings: ReportingSettings, now: number): number {
  return intervalAt(
    settings.timeZone,
    settings.intervalMinutes,
    now - settings.captureDelayMinutes * MINUTE_MS,
  ).start;
}

/** Up to when the minute's run folds contacts. */
export const foldHorizon = (settings: ReportingSettings, now: number): number =>
  now - Math.min(FOLD_LAG_MS, settings.captureDelayMinutes * MINUTE_MS);

/** The instants at which records' figures land in intervals. */
function placements(
  settings: ReportingSettings,
  legs: readonly ContactLeg[],
  segments: readonly AgentSegment[],
) {
  const at: number[] = [];
  for (const leg of legs) {
    const placed = legPlacedAt(leg, settings.intervalBasis);
    if (placed !== null) at.push(placed);
    if (leg.handleEndedAt !== null) at.push(leg.handleEndedAt);
  }
  for (const segment of segments) {
    at.push(segment.offeredAt);
    const handled = segmentHandledAt(segment);
    if (handled !== null) at.push(handled);
  }
  return at;
}

/** Intervals read and written at a time: a couple of hours of a day's records, in tens of milliseconds. */
const INTERVALS_PER_STRETCH = 8;

/** Contacts folded per write: small enough that the routers' writes never wait long for the connection. */
const CONTACTS_PER_BATCH = 200;

/**
 * Folds again the detail records of every contact with an event in [from, to), a batch of contacts at a time,
 * and writes those that differ from the stored ones (each batch in its own transaction); returns the intervals
 * whose figures the changed records touch.
 */
async function refold(
  db: Db,
  context: Context,
  from: number,
  to: number,
  /** A minute's run: the records folded extend this process's window of them (see `foldedWindow`). */
  minuteRun = false,
): Promise<Map<number, ReportInterval>> {
  const { tenantId, settings } = context;
  const window = minuteRun ? foldedWindow.begin(db, tenantId, from) : null;
  const contactIds = await detailRecordsRepository.contactsActiveIn(
    db,
    tenantId,
    new Date(from),
    new Date(to),
  );
  const touched = new Map<number, ReportInterval>();
  for (let i = 0; i < contactIds.length; i += CONTACTS_PER_BATCH) {
    const batch = contactIds.slice(i, i + CONTACTS_PER_BATCH);
    const records = detailRecordsOf(await detailRecordsRepository.eventsOf(db, tenantId, batch));
    if (window) foldedWindow.keep(window, batch, records.legs, records.segments);
    const hashes = new Map(
      [...recordFingerprints(records)].map(([contactId, text]) => [contactId, textHash(text)]),
    );
    const stored = await detailRecordsRepository.hashesOf(db, tenantId, batch);
    const changed = new Set(batch.filter((id) => hashes.get(id) !== stored.get(id)));
    if (changed.size === 0) continue;
    const legs = records.legs.filter((leg) => changed.has(leg.contactId));
    const segments = records.segments.filter((segment) => changed.has(segment.contactId));
    await db
      .transaction()
      .execute((trx) => detailRecordsRepository.replace(trx, tenantId, [...changed], legs, segments, hashes));
    for (const at of placements(settings, legs, segments)) {
      const interval = intervalAt(settings.timeZone, settings.intervalMinutes, at);
      touched.set(interval.start, interval);
    }
  }
  if (window) {
    // Folded a minute behind now, the trace's changes up to there are all in: the routers commit them within
    // seconds. Folded up to now (no capture delay), a change made just before may not be: the close reads them.
    const lagged = settings.captureDelayMinutes * MINUTE_MS >= FOLD_LAG_MS;
    foldedWindow.keepTrace(
      window,
      lagged ? await intervalTablesRepository.traceBetween(db, tenantId, new Date(from), new Date(to)) : null,
    );
    foldedWindow.end(db, tenantId, window, to);
  }
  return touched;
}

/** Splits intervals into runs of consecutive ones, in order. */
function runsOf(intervals: Iterable<ReportInterval>): ReportInterval[][] {
  const runs: ReportInterval[][] = [];
  for (const interval of [...intervals].sort((x, y) => x.start - y.start)) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && last.end === interval.start) run.push(interval);
    else runs.push([interval]);
  }
  return runs;
}

/**
 * Per tenant, the agents' states at the ends of the last few stretches counted (closed: the trace before them is
 * complete). A close starts where an earlier count ended, so it need not look up each agent's last change. Kept
 * per process: another node's capture, or a restart, finds nothing here and reads the states from the trace.
 */
const statesAtEnds = new Map<string, Map<number, AgentTraceEntry[]>>();
const STATES_KEPT = 4;

function keepStates(tenantId: string, at: number, states: AgentTraceEntry[]): void {
  const kept = statesAtEnds.get(tenantId) ?? new Map<number, AgentTraceEntry[]>();
  kept.delete(at);
  kept.set(at, states);
  if (kept.size > STATES_KEPT) kept.delete(kept.keys().next().value as number);
  statesAtEnds.set(tenantId, kept);
}

async function statesAt(db: Db, tenantId: string, at: number): Promise<AgentTraceEntry[]> {
  return statesAtEnds.get(tenantId)?.get(at) ?? intervalTablesRepository.statesAt(db, tenantId, new Date(at));
}

/**
 * Counts intervals' rows again from the detail records and the state trace: each run of consecutive intervals in
 * stretches of a few intervals (each stretch's reads and write short, so that routing never waits long behind
 * them), the agents' states carried from one stretch to the next.
 */
async function countIntervals(
  db: Db,
  context: Context,
  intervals: Iterable<ReportInterval>,
  now = Number.POSITIVE_INFINITY,
): Promise<number> {
  const { tenantId, settings } = context;
  const placedBy = settings.intervalBasis === 'entry' ? 'entered_at' : 'ended_at';
  let counted = 0;
  for (const run of runsOf(intervals)) {
    let states = await statesAt(db, tenantId, (run[0] as ReportInterval).start);
    for (let i = 0; i < run.length; i += INTERVALS_PER_STRETCH) {
      const stretch = run.slice(i, i + INTERVALS_PER_STRETCH);
      const from = new Date((stretch[0] as ReportInterval).start);
      const to = new Date((stretch.at(-1) as ReportInterval).end);
      // The records the minute runs folded, or one read after another: on the embedded database they would
      // queue for its one connection anyway.
      const folded = foldedWindow.countedBetween(
        db,
        tenantId,
        settings.intervalBasis,
        from.getTime(),
        to.getTime(),
      );
      const legs =
        folded?.legs ?? (await detailRecordsRepository.legsCountedBetween(db, tenantId, placedBy, from, to));
      const segments =
        folded?.segments ?? (await detailRecordsRepository.segmentsCountedBetween(db, tenantId, from, to));
      const trace = folded?.trace ?? (await intervalTablesRepository.traceBetween(db, tenantId, from, to));
      const aggregates = aggregateSpan({
        intervals: stretch,
        until: now,
        placedLegs: legs,
        handledLegs: legs,
        offeredSegments: segments,
        handledSegments: segments,
        statesAtStart: states,
        trace,
        placedAt: (leg) => legPlacedAt(leg, settings.intervalBasis),
        segmentHandledAt,
        thresholdSecondsOf: context.thresholdSecondsOf,
        shortAbandonSeconds: settings.shortAbandonSeconds,
      });
      states = statesAfter(states, trace);
      if (to.getTime() <= now) keepStates(tenantId, to.getTime(), states);
      await db.transaction().execute((trx) =>
        intervalTablesRepository.replace(
          trx,
          tenantId,
          from,
          to,
          settings.intervalMinutes,
          stretch.map((interval, j) => ({
            start: new Date(interval.start),
            rows: aggregates[j] as IntervalAggregate,
          })),
        ),
      );
      counted += stretch.length;
    }
  }
  return counted;
}

/**
 * Fresh planner statistics for the tables the capture reads and rewrites: when a capture crosses midnight, and
 * after the nightly recapture. The embedded database has no autovacuum: without them its planner soon reads a
 * span of records by scanning the tenant's whole history.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await sql`analyze contact_legs, agent_segments, agent_state_trace, contact_events`.execute(db);
}

export interface CaptureResult {
  /** Intervals counted (the new ones, and older ones whose contacts changed). */
  intervals: number;
  /** Up to when the tenant's intervals are captured now. */
  capturedUntil: Date;
}

const startsOf = (intervals: Iterable<ReportInterval>) => [...intervals].map((interval) => interval.start);

/**
 * Runs every minute. Folds the detail records of contacts with events since the last run, up to a minute ago (see
 * `FOLD_LAG_MS`); when intervals have closed (plus the delay) since the last capture, counts them; otherwise counts
 * again the closed intervals whose figures the folds changed (a contact that ended now, counted where it entered).
 * So a close counts the interval that closed and nothing more: its contacts are folded already, and intervals
 * changed by a fold it had to make itself wait for the next minute's run.
 *
 * Idempotent: running it again changes nothing. The first capture of a tenant starts with the day in progress.
 * Each batch of contacts and each group of intervals is written in its own short transaction (a run cut short is
 * simply run again).
 */
export async function captureTenant(
  db: Db,
  tenantId: string,
  now: number,
  options: { throughNow?: boolean } = {},
): Promise<CaptureResult> {
  const context = await contextOf(db, tenantId);
  const { settings } = context;
  const until = captureHorizon(settings, now);
  // Asked for now (tests, operators): the intervals in the delay and the one in progress are counted too, but the
  // position stays at the horizon, so the next capture counts them again once they are closed.
  const reach = options.throughNow ? intervalAt(settings.timeZone, settings.intervalMinutes, now).end : until;
  const position = await intervalTablesRepository.capturePosition(db, tenantId);
  const from =
    position?.captured_until.getTime() ?? dayBounds(settings.timeZone, localDate(settings, until)).start;
  const foldedFrom = position?.folded_until?.getTime() ?? from;
  if (options.throughNow) foldedWindow.forget(db, tenantId);
  else foldedWindow.checkAgainst(db, tenantId, foldedFrom);
  const foldTill = foldHorizon(settings, now);
  const foldTo = options.throughNow ? now + 1 : foldTill;
  const closing = reach > from;
  // The minute's run before a close has folded the contacts up to its interval's end: the close only counts.
  const foldNeeded = options.throughNow || !closing || foldedFrom < reach;
  const touched =
    foldNeeded && foldTo > foldedFrom
      ? await refold(db, context, foldedFrom, foldTo, !options.throughNow)
      : new Map();
  const counted = (interval: ReportInterval) => interval.start < from;
  const changedEarlier = [...startsOf([...touched.values()].filter(counted)), ...(position?.recount ?? [])];
  const intervals = new Map<number, ReportInterval>();
  if (closing) {
    for (const interval of intervalsBetween(settings.timeZone, settings.intervalMinutes, from, reach))
      intervals.set(interval.start, interval);
  }
  const deferred = closing && !options.throughNow;
  if (!deferred) {
    for (const start of changedEarlier)
      intervals.set(start, intervalAt(settings.timeZone, settings.intervalMinutes, start));
  }
  await countIntervals(db, context, intervals.values(), now);
  if (closing && formatLocalDate(localDate(settings, from)) !== formatLocalDate(localDate(settings, reach)))
    await refreshStatistics(db);
  const capturedUntil = new Date(Math.max(from, until));
  await intervalTablesRepository.setPosition(db, tenantId, {
    capturedUntil,
    foldedUntil: new Date(foldNeeded ? Math.max(foldedFrom, foldTill) : foldedFrom),
    recount: deferred ? [...new Set(changedEarlier)].sort((x, y) => x - y) : [],
  });
  foldedWindow.advance(db, tenantId, capturedUntil.getTime());
  return { intervals: intervals.size, capturedUntil };
}

function localDate(settings: ReportingSettings, at: number): LocalDate {
  return intervalAt(settings.timeZone, settings.intervalMinutes, at).date;
}

/**
 * Recaptures one local day of the tenant from its raw records: every contact with an event that day is folded
 * again, and every interval of the day counted again from scratch, so contacts that ended after their interval
 * closed land where the tenant's rule puts them. Intervals still within the capture delay are left to the capture.
 */
export async function recaptureDay(
  db: Db,
  tenantId: string,
  date: LocalDate,
  now: number,
): Promise<{ intervals: number }> {
  const context = await contextOf(db, tenantId);
  const { settings } = context;
  const limit = captureHorizon(settings, now);
  const day = dayBounds(settings.timeZone, date);
  const until = Math.min(day.end, limit);
  if (until <= day.start) return { intervals: 0 };
  foldedWindow.forget(db, tenantId);
  const touched = await refold(db, context, day.start, until);
  for (const interval of intervalsOfDay(settings.timeZone, date, settings.intervalMinutes))
    touched.set(interval.start, interval);
  const intervals = [...touched.values()].filter((interval) => interval.start < limit);
  await countIntervals(db, context, intervals);
  await intervalTablesRepository.setRecapturedDate(db, tenantId, formatLocalDate(date), new Date(until));
  return { intervals: intervals.length };
}
