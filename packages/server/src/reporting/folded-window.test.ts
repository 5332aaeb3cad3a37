import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AgentSegment, ContactLeg } from '@switchboard/core';
import fc from 'fast-check';
import { foldedWindow } from './folded-window.ts';
import type { TraceChange } from './interval-tables.repository.ts';

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;

/** A contact's records as a fold sees them once its events before `at` are in: entered, offered, ended, wrapped up. */
function recordsAt(id: string, events: readonly number[], at: number) {
  const seen = events.filter((event) => event < at);
  const [entered, offered, ended, wrapped] = seen as (number | undefined)[];
  if (entered === undefined) return { legs: [], segments: [] };
  const leg = {
    contactId: id,
    leg: 0,
    enteredAt: entered,
    endedAt: ended ?? null,
    handleEndedAt: wrapped ?? null,
  } as ContactLeg;
  const segments =
    offered === undefined
      ? []
      : [
          {
            contactId: id,
            agentId: 'agent',
            seq: 0,
            offeredAt: offered,
            answeredAt: ended === undefined ? null : offered,
            talkEndedAt: ended ?? null,
            wrapUpEndedAt: wrapped ?? null,
            outcome: wrapped === undefined ? null : 'handled',
          } as AgentSegment,
        ];
  return { legs: [leg], segments };
}

const within = (at: number | null, from: number, to: number) => at !== null && at >= from && at < to;
const legKeys = (legs: readonly ContactLeg[]) =>
  legs.map((leg) => `${leg.contactId} ${leg.enteredAt}`).sort();
const segmentKeys = (segments: readonly AgentSegment[]) =>
  segments.map((segment) => `${segment.contactId} ${segment.wrapUpEndedAt}`).sort();

/** A change of the trace at each of `times`, its id in the order given (not the order of the times). */
const traceOf = (times: readonly number[]): TraceChange[] =>
  times.map((at, id) => ({
    id,
    agentId: 'agent',
    domain: 'voice',
    entry: { at, state: 'ready', reasonCode: null },
  }));
const traceKeys = (changes: readonly TraceChange[]) => changes.map(({ id, entry }) => `${id} ${entry.at}`);

/** An instant of the six quarter-hours, often on a minute's edge or just either side of it. */
const instant = fc.oneof(
  fc.integer({ min: 0, max: 6 * QUARTER }),
  fc
    .tuple(fc.integer({ min: 0, max: 6 * 15 }), fc.constantFrom(-1, 0, 1))
    .map(([m, d]) => Math.max(0, m * MINUTE + d)),
);

test('the records and trace a close takes from the window are those the database queries would read', () => {
  const contact = fc
    .array(instant, { minLength: 1, maxLength: 4 })
    .map((times) => times.sort((a, b) => a - b));
  fc.assert(
    fc.property(
      fc.array(contact, { minLength: 1, maxLength: 30 }),
      fc.array(fc.boolean(), { minLength: 6 * 15 + 3, maxLength: 6 * 15 + 3 }),
      fc.constantFrom('entry' as const, 'completion' as const),
      fc.array(instant, { maxLength: 60 }),
      fc.array(fc.boolean(), { minLength: 6 * 15 + 3, maxLength: 6 * 15 + 3 }),
      (contacts, folds, basis, changeTimes, tracesRead) => {
        const trace = traceOf(changeTimes);
        let traceUnread = false;
        const db = {};
        const tenant = 't';
        const ids = contacts.map((_, i) => `c${i}`);
        let foldedUntil = 0;
        let captured = 0;
        for (let minute = 1; minute <= folds.length; minute++) {
          const now = minute * MINUTE;
          foldedWindow.checkAgainst(db, tenant, foldedUntil);
          // A skipped run leaves its minute to the next one: a fold of two minutes, the window continued.
          if (folds[minute - 1]) {
            const window = foldedWindow.begin(db, tenant, foldedUntil);
            const active = ids.filter((_, i) =>
              contacts[i]?.some((event) => event >= foldedUntil && event < now),
            );
            const records = active.map((id) => recordsAt(id, contacts[ids.indexOf(id)] ?? [], now));
            foldedWindow.keep(
              window,
              active,
              records.flatMap((r) => r.legs),
              records.flatMap((r) => r.segments),
            );
            // A fold up to now (no capture delay) leaves the trace to the close.
            foldedWindow.keepTrace(
              window,
              tracesRead[minute - 1] ? trace.filter(({ entry }) => within(entry.at, foldedUntil, now)) : null,
            );
            if (!tracesRead[minute - 1]) traceUnread = true;
            foldedWindow.end(db, tenant, window, now);
            foldedUntil = now;
          }
          // Closes: every quarter folded two minutes past its end (the capture delay) and not yet counted.
          while (captured + QUARTER + 2 * MINUTE <= foldedUntil) {
            const from = captured;
            const to = captured + QUARTER;
            const taken = foldedWindow.countedBetween(db, tenant, basis, from, to);
            if (taken !== null) {
              const all = ids.map((id, i) => recordsAt(id, contacts[i] ?? [], foldedUntil));
              const legs = all
                .flatMap((r) => r.legs)
                .filter(
                  (leg) =>
                    within(basis === 'entry' ? leg.enteredAt : leg.endedAt, from, to) ||
                    within(leg.handleEndedAt, from, to),
                );
              const segments = all
                .flatMap((r) => r.segments)
                .filter(
                  (segment) =>
                    within(segment.offeredAt, from, to) || within(segment.wrapUpEndedAt ?? null, from, to),
                );
              assert.deepEqual(legKeys(taken.legs), legKeys(legs));
              assert.deepEqual(segmentKeys(taken.segments), segmentKeys(segments));
              // The window here is never replaced: once a fold left the trace unread, every close reads it.
              assert.equal(taken.trace === null, traceUnread, 'the trace is taken while every fold read it');
              if (taken.trace !== null)
                assert.deepEqual(
                  traceKeys(taken.trace),
                  traceKeys(trace.filter(({ entry }) => within(entry.at, from, to))),
                  'the changes of the span, in the order they were made',
                );
            }
            captured = to;
            foldedWindow.advance(db, tenant, captured);
          }
        }
      },
    ),
    { numRuns: 200 },
  );
});

test('a fold elsewhere leaves a gap: the next count reads the database', () => {
  const db = {};
  const window = foldedWindow.begin(db, 't', 0);
  foldedWindow.keep(window, [], [], []);
  foldedWindow.end(db, 't', window, QUARTER);
  assert.notEqual(foldedWindow.countedBetween(db, 't', 'entry', 0, QUARTER), null);
  // Another process folded on to QUARTER + 1 minute: the stored position no longer ends where the window does.
  foldedWindow.checkAgainst(db, 't', QUARTER + MINUTE);
  assert.equal(foldedWindow.countedBetween(db, 't', 'entry', 0, QUARTER), null);
  const late = foldedWindow.begin(db, 't', QUARTER + MINUTE);
  foldedWindow.end(db, 't', late, 2 * QUARTER);
  assert.equal(
    foldedWindow.countedBetween(db, 't', 'entry', QUARTER, 2 * QUARTER),
    null,
    'a window begun late',
  );
  // Two folds of the tenant at once: the one that began first leaves the newer window alone.
  const first = foldedWindow.begin(db, 't', 2 * QUARTER);
  foldedWindow.forget(db, 't');
  const second = foldedWindow.begin(db, 't', 2 * QUARTER);
  foldedWindow.end(db, 't', first, 3 * QUARTER);
  assert.equal(foldedWindow.countedBetween(db, 't', 'entry', 2 * QUARTER, 3 * QUARTER), null);
  foldedWindow.end(db, 't', second, 3 * QUARTER);
  assert.notEqual(foldedWindow.countedBetween(db, 't', 'entry', 2 * QUARTER, 3 * QUARTER), null);
});
