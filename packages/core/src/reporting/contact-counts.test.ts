import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ABANDON_RULES } from '../metrics/service-level.ts';
import {
  addContactCounts,
  type ContactCountOptions,
  type ContactCounts,
  contactMetrics,
  countLegs,
  noContactCounts,
} from './contact-counts.ts';
import { type ContactLeg, detailRecordsOf } from './detail-records.ts';
import { at, contact, eventsOf, T0 } from './testing/contact-script.ts';

const s = 1000;
const QUARTER = 15 * 60 * s;
const quarterOf = (_leg: ContactLeg, instant: number) => Math.floor((instant - T0) / QUARTER);
const options = { thresholdSeconds: 20, shortAbandonSeconds: 5 };

/**
 * One CSQ, service level 20 s, short abandons under 5 s, quarter-hours from 09:00 (T0):
 * a answered at 10 s (within), b at 30 s (not within, 20 s hold), c leaves at 4 s (short), d leaves at exactly 5 s
 * (not short, within 20 s), e leaves at 30 s, f leaves at 18 s while ringing, g is dequeued after 100 s,
 * h arrives at 09:14:40 and is answered at exactly 20 s (within) but wraps up at 09:16:40, i still waits.
 */
function morning() {
  return eventsOf(
    contact('a').arrives(0).offered(8, 'ann').accepted(10, 'ann').wrapUp(70, 'ann').wrapUpEnded(100, 'ann'),
    contact('b')
      .arrives(60)
      .offered(85, 'bob')
      .accepted(90, 'bob')
      .held(100, 'bob')
      .resumed(120, 'bob')
      .wrapUp(200, 'bob')
      .wrapUpEnded(210, 'bob'),
    contact('c').arrives(120).ended(124, 'abandoned'),
    contact('d').arrives(130).ended(135, 'abandoned'),
    contact('e').arrives(140).ended(170, 'abandoned'),
    contact('f')
      .arrives(200)
      .offered(215, 'ann')
      .withdrawn(218, 'ann', 'customer')
      .ended(218, 'abandoned_while_offered', 'ann'),
    contact('g').arrives(300).ended(400, 'dequeued'),
    contact('h')
      .arrives(880)
      .offered(895, 'cy')
      .accepted(900, 'cy')
      .wrapUp(960, 'cy')
      .wrapUpEnded(1000, 'cy'),
    contact('i').arrives(890),
  );
}

const byQuarter = (basis: 'entry' | 'completion' = 'entry', now?: number) => {
  const { legs } = detailRecordsOf(morning());
  const buckets = countLegs(legs, quarterOf, now === undefined ? options : { ...options, now }, basis);
  return [buckets.get(0) ?? noContactCounts(), buckets.get(1) ?? noContactCounts()] as const;
};

describe('contact counts of a CSQ by interval, by hand', () => {
  test('by entry: every figure of the 09:00 quarter-hour', () => {
    const [nine] = byQuarter();
    assert.deepEqual(nine, {
      offered: 8, // a b d e f g h i (c is a short abandon)
      answered: 3, // a b h
      handled: 3, // a b h: h counts here, where it entered
      abandoned: 3, // d e f
      abandonedInQueue: 2, // d e
      abandonedWhileOffered: 1, // f
      shortAbandoned: 1, // c: 4 s < 5 s
      dequeued: 1, // g
      open: 1, // i
      undecided: 1, // i, still waiting: its service-level fate is unknown
      answeredWithinThreshold: 2, // a (10 s), h (20 s = the threshold)
      abandonedWithinThreshold: 2, // d (5 s), f (18 s)
      answerWaitMs: 60 * s, // 10 + 30 + 20
      longestWaitMs: 100 * s, // g waited 100 s before it was dequeued
      handleCount: 2, // a and b ended wrap-up in this quarter; h in the next
      talkMs: 150 * s, // a 60 + b (200 − 90 − 20) 90
      holdMs: 20 * s,
      wrapMs: 40 * s, // a 30 + b 10
      noAnswers: 0,
      transfersOut: 0,
    } satisfies ContactCounts);
  });

  test('AHT goes by completion whatever the basis: h’s handle time is in the 09:15 quarter-hour', () => {
    const [, quarterPast] = byQuarter();
    assert.deepEqual(
      {
        offered: quarterPast.offered,
        handleCount: quarterPast.handleCount,
        talkMs: quarterPast.talkMs,
        wrapMs: quarterPast.wrapMs,
      },
      { offered: 0, handleCount: 1, talkMs: 60 * s, wrapMs: 40 * s },
    );
    // (60 + 40) ÷ 1 = 100 s
    assert.equal(contactMetrics(quarterPast, 'counted_against').ahtSeconds, 100);
  });

  test('the rates of the 09:00 quarter-hour under each abandon rule', () => {
    const [nine] = byQuarter();
    // offered 8 − undecided 1 = 7 with a known fate; dequeued 1; abandoned 3; within: 2 answered, 2 abandoned
    const expected = {
      counted_against: 2 / 6, // 2 ÷ (7 − 1)
      ignored: 2 / 3, // 2 ÷ (7 − 3 − 1)
      counted_for: 4 / 6, // (2 + 2) ÷ (7 − 1)
    };
    for (const rule of ABANDON_RULES) {
      const metrics = contactMetrics(nine, rule);
      assert.equal(metrics.serviceLevel, expected[rule], rule);
      assert.equal(metrics.asaSeconds, 20); // 60 s ÷ 3 answered
      assert.equal(metrics.ahtSeconds, 105); // (150 + 20 + 40) ÷ 2
      assert.equal(metrics.abandonRate, 3 / 8);
      assert.equal(metrics.longestWaitSeconds, 100);
    }
  });

  test('live: a contact still waiting is undecided within the threshold, then counts against', () => {
    // at 09:15:00 i has waited 10 s: still undecided
    const [early] = byQuarter('entry', at(900));
    assert.equal(early.undecided, 1);
    // at 09:15:50 i has waited 60 s: past the threshold, it counts in the denominator (2 ÷ (8 − 1))
    const [late] = byQuarter('entry', at(950));
    assert.equal(late.undecided, 0);
    assert.equal(contactMetrics(late, 'counted_against').serviceLevel, 2 / 7);
    assert.equal(late.longestWaitMs, 100 * s);
    // at 09:17:00 i has waited 130 s, now the longest wait
    assert.equal(byQuarter('entry', at(1020))[0].longestWaitMs, 130 * s);
  });

  test('by completion: each leg counts where it ended, an open leg nowhere yet', () => {
    const [nine, quarterPast] = byQuarter('completion');
    // ended in the 09:00 quarter-hour: a b d e f g (and c, short); h ended at 09:16:40; i is open
    assert.deepEqual(
      [nine.offered, nine.answered, nine.abandoned, nine.dequeued, nine.open],
      [6, 2, 3, 1, 0],
    );
    assert.deepEqual([quarterPast.offered, quarterPast.answered, quarterPast.handled], [1, 1, 1]);
  });

  test('short abandons at and around the threshold', () => {
    const waits = [0, 4.999, 5, 5.001, 20, 20.001];
    const legs = detailRecordsOf(
      eventsOf(...waits.map((wait, n) => contact(`c${n}`).arrives(0).ended(wait, 'abandoned'))),
    ).legs;
    const counts = countLegs(legs, () => 0, options).get(0) as ContactCounts;
    // under 5 s: 0 and 4.999 are short; 5 s and longer are abandons; within 20 s: 5, 5.001, 20
    assert.deepEqual(
      [counts.shortAbandoned, counts.offered, counts.abandoned, counts.abandonedWithinThreshold],
      [2, 4, 4, 3],
    );
    // no short-abandon threshold: every abandon counts
    const all = countLegs(legs, () => 0, { ...options, shortAbandonSeconds: 0 }).get(0) as ContactCounts;
    assert.deepEqual([all.shortAbandoned, all.abandoned], [0, 6]);
  });

  test('RONA and transfers out are the leg’s', () => {
    const c = contact('c1')
      .arrives(0)
      .offered(2, 'ann')
      .withdrawn(17, 'ann', 'no_answer')
      .queued(17, 'no_answer');
    c.offered(20, 'bob').accepted(24, 'bob').transferred(84, 'bob', { csqId: 'support' });
    const legs = detailRecordsOf(c.events).legs;
    const buckets = countLegs(legs, (leg) => leg.csqId, options);
    const sales = buckets.get('sales') as ContactCounts;
    // 1 RONA, 1 transfer out; answered after 24 s, handled (handed on); handle time 60 s talk, no wrap-up
    assert.deepEqual(
      [sales.noAnswers, sales.transfersOut, sales.answered, sales.handled, sales.answeredWithinThreshold],
      [1, 1, 1, 1, 0],
    );
    assert.deepEqual([sales.handleCount, sales.talkMs, sales.wrapMs], [1, 60 * s, 0]);
    const support = buckets.get('support') as ContactCounts;
    assert.deepEqual([support.offered, support.open, support.undecided], [1, 1, 1]);
  });

  test('no contacts: no rates, zero longest wait', () => {
    assert.deepEqual(contactMetrics(noContactCounts(), 'counted_against'), {
      serviceLevel: null,
      asaSeconds: null,
      ahtSeconds: null,
      abandonRate: null,
      longestWaitSeconds: 0,
    });
  });
});

/** Legs as the fold leaves them: consistent times, each with one of the ways a leg can stand. */
const anyLeg: fc.Arbitrary<ContactLeg> = fc
  .record({
    enteredAt: fc.integer({ min: 0, max: 4 * QUARTER }),
    wait: fc.integer({ min: 0, max: 120 * s }),
    talk: fc.integer({ min: 0, max: 600 * s }),
    hold: fc.integer({ min: 0, max: 60 * s }),
    wrap: fc.integer({ min: 0, max: 120 * s }),
    kind: fc.constantFrom(
      'handled',
      'talking',
      'abandoned',
      'abandoned_while_offered',
      'dequeued',
      'waiting',
      'moved',
    ),
    noAnswers: fc.nat(2),
  })
  .map(({ enteredAt, wait, talk, hold, wrap, kind, noAnswers }): ContactLeg => {
    const start = T0 + enteredAt;
    const answered = kind === 'handled' || kind === 'talking' || kind === 'moved';
    const answeredAt = answered ? start + wait : null;
    const handleEndedAt =
      kind === 'handled' ? start + wait + talk + hold + wrap : kind === 'moved' ? start + wait + talk : null;
    const endedAt = kind === 'waiting' || kind === 'talking' ? null : answered ? handleEndedAt : start + wait;
    const outcome = kind === 'waiting' || kind === 'talking' ? null : kind === 'moved' ? 'transferred' : kind;
    return {
      contactId: 'c',
      leg: 0,
      channel: 'voice',
      csqId: 'sales',
      callType: 'general',
      chatType: 'normal',
      fromCsqId: null,
      enteredAt: start,
      firstOfferedAt: null,
      answeredAt,
      agentId: answered ? 'ann' : null,
      endedAt,
      outcome,
      handleEndedAt,
      offers: noAnswers + (answered ? 1 : 0),
      noAnswers,
      ringMs: 0,
      talkMs: answered ? talk : 0,
      holdMs: kind === 'handled' ? hold : 0,
      wrapMs: kind === 'handled' ? wrap : 0,
      transfersOut: kind === 'moved' ? 1 : 0,
    };
  });

const countOptions = fc.record({
  thresholdSeconds: fc.integer({ min: 1, max: 60 }),
  shortAbandonSeconds: fc.integer({ min: 0, max: 10 }),
  now: fc.option(fc.integer({ min: T0, max: T0 + 6 * QUARTER }), { nil: undefined }),
});

const whole = (legs: ContactLeg[], opts: ContactCountOptions) =>
  countLegs(legs, () => 0, opts).get(0) ?? noContactCounts();

describe('contact counts, properties', () => {
  test('counting the parts of a partition and adding them equals counting the whole', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyLeg, fc.nat(3))), countOptions, (tagged, opts) => {
        const legs = tagged.map(([leg]) => leg);
        const sum = noContactCounts();
        for (const part of [0, 1, 2, 3]) {
          addContactCounts(
            sum,
            whole(
              tagged.filter(([, p]) => p === part).map(([leg]) => leg),
              opts,
            ),
          );
        }
        assert.deepEqual(sum, whole(legs, opts));
      }),
    );
  });

  test('the intervals of a day add up to the day, on either basis', () => {
    fc.assert(
      fc.property(
        fc.array(anyLeg),
        countOptions,
        fc.constantFrom('entry', 'completion'),
        (legs, opts, basis) => {
          const sum = noContactCounts();
          for (const counts of countLegs(legs, quarterOf, opts, basis).values())
            addContactCounts(sum, counts);
          const placed = basis === 'entry' ? legs : legs.filter((leg) => leg.endedAt !== null);
          const day = countLegs(placed, () => 0, opts, basis).get(0) ?? noContactCounts();
          assert.deepEqual(sum, day);
        },
      ),
    );
  });

  test('offered = answered + abandoned + dequeued + open unanswered; with short abandons, every leg', () => {
    fc.assert(
      fc.property(fc.array(anyLeg), countOptions, (legs, opts) => {
        const counts = whole(legs, opts);
        const openUnanswered = legs.filter((leg) => leg.answeredAt === null && leg.outcome === null).length;
        assert.equal(counts.offered, counts.answered + counts.abandoned + counts.dequeued + openUnanswered);
        assert.equal(counts.offered + counts.shortAbandoned, legs.length);
        assert.equal(counts.abandoned, counts.abandonedInQueue + counts.abandonedWhileOffered);
        assert.ok(counts.handled <= counts.answered && counts.undecided <= counts.open);
        for (const rule of ABANDON_RULES) {
          const level = contactMetrics(counts, rule).serviceLevel;
          assert.ok(level === null || (level >= 0 && level <= 1), `${rule}: ${level}`);
        }
      }),
    );
  });
});
