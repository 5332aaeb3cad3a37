import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { AgentState } from '../acd/model.ts';
import {
  type AgentCounts,
  agentMetrics,
  countOffer,
  countSegmentHandling,
  countSlice,
  noAgentCounts,
  segmentHandledAt,
  stateSlices,
  type TraceEntry,
} from './agent-counts.ts';
import { detailRecordsOf } from './detail-records.ts';
import { at, contact, eventsOf } from './testing/contact-script.ts';

const s = 1000;
const entry = (seconds: number, state: AgentState, reasonCode: number | null = null): TraceEntry => ({
  at: at(seconds),
  state,
  reasonCode,
});

describe('agent time in state, by hand', () => {
  test('an hour: the state in force at the start, changes inside, one after the end', () => {
    // 09:00–10:00: not ready (code 3) until 09:05, ready until 09:25, reserved 60 s, active 24 min, work 5 min,
    // ready again until 09:56, logged out from 09:56; a change at 10:05 is outside.
    const slices = stateSlices(
      entry(-600, 'not_ready', 3),
      [
        entry(300, 'ready'),
        entry(1500, 'reserved'),
        entry(1560, 'active'),
        entry(3000, 'work'),
        entry(3300, 'ready'),
        entry(3360, 'logged_out'),
        entry(3900, 'ready'),
      ],
      at(0),
      at(3600),
    );
    assert.deepEqual(
      slices.map((slice) => [slice.state, (slice.end - slice.start) / s, slice.reasonCode]),
      [
        ['not_ready', 300, 3],
        ['ready', 1200, null],
        ['reserved', 60, null],
        ['active', 1440, null],
        ['work', 300, null],
        ['ready', 60, null],
        ['logged_out', 240, null],
      ],
    );
    const counts = noAgentCounts();
    for (const slice of slices) countSlice(counts, slice);
    // logged in 3600 − 240 = 3360 s; occupancy (active 1440 + work 300) ÷ (3360 − not ready 300) = 1740 ÷ 3060
    assert.deepEqual(
      [
        counts.loggedInMs,
        counts.notReadyMs,
        counts.readyMs,
        counts.reservedMs,
        counts.activeMs,
        counts.workMs,
      ],
      [3360 * s, 300 * s, 1260 * s, 60 * s, 1440 * s, 300 * s],
    );
    assert.equal(agentMetrics(counts).occupancy, 1740 / 3060);
  });

  test('logged out all along: one logged-out slice, no occupancy', () => {
    const slices = stateSlices(null, [], at(0), at(900));
    assert.deepEqual(slices, [{ start: at(0), end: at(900), state: 'logged_out', reasonCode: null }]);
    const counts = noAgentCounts();
    countSlice(counts, slices[0] as (typeof slices)[0]);
    assert.equal(agentMetrics(counts).occupancy, null);
  });
});

describe('agent offers and handling, by hand', () => {
  /** ann: a RONA, a call with hold she wraps up, a call she transfers, a declined and an abandoned invitation. */
  function annsMorning() {
    return detailRecordsOf(
      eventsOf(
        contact('r').arrives(0).offered(0, 'ann').withdrawn(15, 'ann', 'no_answer').queued(15, 'no_answer'),
        contact('h')
          .arrives(100)
          .offered(100, 'ann')
          .accepted(104, 'ann')
          .held(150, 'ann')
          .resumed(170, 'ann')
          .wrapUp(224, 'ann')
          .wrapUpEnded(254, 'ann'),
        contact('t')
          .arrives(300)
          .offered(300, 'ann')
          .accepted(302, 'ann')
          .transferred(362, 'ann', { csqId: 'x' }),
        contact('d', 'chat', 'support')
          .arrives(400)
          .offered(400, 'bob')
          .accepted(401, 'bob')
          .invited(410, 'ann', 'bob', 'billing')
          .inviteEnded(412, 'ann', 'bob', 'rejected'),
        contact('a', 'chat', 'support')
          .arrives(500)
          .offered(500, 'bob')
          .accepted(501, 'bob')
          .invited(510, 'ann', 'bob', 'billing')
          .inviteEnded(520, 'ann', 'bob', 'customer'),
      ),
    ).segments.filter((segment) => segment.agentId === 'ann');
  }

  test('presented, answered, RONA, rejected and declined by offer; handled, talk, hold, wrap by completion', () => {
    const segments = annsMorning();
    const counts = noAgentCounts();
    for (const segment of segments) {
      countOffer(counts, segment);
      countSegmentHandling(counts, segment);
    }
    assert.deepEqual(
      {
        presented: counts.presented,
        answered: counts.answered,
        noAnswers: counts.noAnswers,
        rejected: counts.rejected,
        handled: counts.handled,
        talkMs: counts.talkMs,
        holdMs: counts.holdMs,
        wrapMs: counts.wrapMs,
        transfersOut: counts.transfersOut,
      } satisfies Partial<AgentCounts>,
      {
        presented: 5, // r h t d a
        answered: 2, // h t
        noAnswers: 1, // r
        rejected: 1, // d declined (a was abandoned by the customer: presented only)
        handled: 2, // h (wrap-up ended), t (transferred on)
        talkMs: 160 * s, // h 224 − 104 − 20 = 100, t 362 − 302 = 60
        holdMs: 20 * s,
        wrapMs: 30 * s,
        transfersOut: 1,
      },
    );
    // AHT (100 + 60 + 20 + 30) ÷ 2 = 105 s
    assert.equal(agentMetrics(counts).ahtSeconds, 105);
  });

  test('a segment is handled when its wrap-up ends, or when it is handed on', () => {
    const byContact = new Map(annsMorning().map((segment) => [segment.contactId, segmentHandledAt(segment)]));
    assert.deepEqual(Object.fromEntries(byContact), {
      r: null,
      h: at(254),
      t: at(362),
      d: null,
      a: null,
    });
  });
});

describe('agent time in state, properties', () => {
  const STATES: AgentState[] = ['logged_out', 'not_ready', 'ready', 'reserved', 'active', 'work'];
  const trace = fc
    .array(fc.tuple(fc.integer({ min: -900, max: 4500 }), fc.constantFrom(...STATES), fc.nat(5)), {
      maxLength: 30,
    })
    .map((changes) =>
      changes
        .sort(([a], [b]) => a - b)
        .map(([seconds, state, code]) => entry(seconds, state, state === 'not_ready' ? code : null)),
    );

  test('the slices cover [from, to) exactly, in order, without gaps, overlaps or empty slices', () => {
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...STATES), { nil: null }),
        trace,
        fc.integer({ min: 0, max: 3600 }),
        fc.integer({ min: 1, max: 3600 }),
        (initial, changes, fromSeconds, length) => {
          const from = at(fromSeconds);
          const to = from + length * s;
          const slices = stateSlices(initial && entry(-1000, initial), changes, from, to);
          assert.equal(slices[0]?.start, from);
          assert.equal(slices.at(-1)?.end, to);
          for (const [i, slice] of slices.entries()) {
            assert.ok(slice.end > slice.start);
            if (i > 0) assert.equal(slice.start, slices[i - 1]?.end);
          }
          const counts = noAgentCounts();
          for (const slice of slices) countSlice(counts, slice);
          const loggedOut = slices
            .filter((slice) => slice.state === 'logged_out')
            .reduce((sum, slice) => sum + slice.end - slice.start, 0);
          assert.equal(counts.loggedInMs + loggedOut, to - from);
          assert.equal(
            counts.loggedInMs,
            counts.readyMs + counts.notReadyMs + counts.reservedMs + counts.activeMs + counts.workMs,
          );
        },
      ),
    );
  });

  test('slicing at any instant and adding the two halves equals the whole', () => {
    fc.assert(
      fc.property(trace, fc.integer({ min: 1, max: 3599 }), (changes, cutSeconds) => {
        const sum = (from: number, to: number) => {
          const counts = noAgentCounts();
          const before = changes.filter((change) => change.at <= from).at(-1) ?? null;
          for (const slice of stateSlices(before, changes, from, to)) countSlice(counts, slice);
          return counts;
        };
        const first = sum(at(0), at(cutSeconds));
        const second = sum(at(cutSeconds), at(3600));
        const whole = sum(at(0), at(3600));
        for (const field of ['loggedInMs', 'readyMs', 'notReadyMs', 'activeMs', 'workMs'] as const)
          assert.equal(first[field] + second[field], whole[field], field);
      }),
    );
  });
});
