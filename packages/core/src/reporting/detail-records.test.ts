import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type AgentSegment, type ContactLeg, detailRecordsOf } from './detail-records.ts';
import { at, contact, eventsOf } from './testing/contact-script.ts';

const s = 1000;
const legsOf = (...scripts: ReturnType<typeof contact>[]) => detailRecordsOf(eventsOf(...scripts)).legs;
const segmentsOf = (...scripts: ReturnType<typeof contact>[]) =>
  detailRecordsOf(eventsOf(...scripts)).segments;
const only = <T>(items: T[]): T => {
  assert.equal(items.length, 1);
  return items[0] as T;
};
const pick = <T extends object, K extends keyof T>(item: T, keys: K[]): Pick<T, K> =>
  Object.fromEntries(keys.map((key) => [key, item[key]])) as Pick<T, K>;
const segmentOf = (segments: AgentSegment[], agentId: string, seq = 0) =>
  segments.find((segment) => segment.agentId === agentId && segment.seq === seq) as AgentSegment;

describe('contact legs and agent segments, folded from hand-written events', () => {
  test('answered with hold and wrap-up: ring, talk without the hold, hold, wrap-up', () => {
    const c = contact('c1')
      .arrives(0)
      .offered(5, 'ann')
      .accepted(8, 'ann')
      .held(20, 'ann')
      .resumed(50, 'ann');
    c.wrapUp(128, 'ann').wrapUpEnded(158, 'ann', ['sale']);
    const leg = only(legsOf(c));
    // ring 8 − 5 = 3 s; talk 128 − 8 − 30 (hold 20→50) = 90 s; wrap 158 − 128 = 30 s
    assert.deepEqual(
      pick(leg, [
        'enteredAt',
        'firstOfferedAt',
        'answeredAt',
        'agentId',
        'endedAt',
        'outcome',
        'handleEndedAt',
      ]),
      {
        enteredAt: at(0),
        firstOfferedAt: at(5),
        answeredAt: at(8),
        agentId: 'ann',
        endedAt: at(158),
        outcome: 'handled',
        handleEndedAt: at(158),
      },
    );
    assert.deepEqual(
      pick(leg, ['offers', 'noAnswers', 'ringMs', 'talkMs', 'holdMs', 'wrapMs', 'transfersOut']),
      {
        offers: 1,
        noAnswers: 0,
        ringMs: 3 * s,
        talkMs: 90 * s,
        holdMs: 30 * s,
        wrapMs: 30 * s,
        transfersOut: 0,
      },
    );
    const segment = only(segmentsOf(c));
    assert.deepEqual(
      pick(segment, ['outcome', 'ringMs', 'holdMs', 'talkEndedAt', 'wrapUpEndedAt', 'wrapReasons']),
      {
        outcome: 'handled',
        ringMs: 3 * s,
        holdMs: 30 * s,
        talkEndedAt: at(128),
        wrapUpEndedAt: at(158),
        wrapReasons: ['sale'],
      },
    );
  });

  test('RONA: the offer rings out, the same leg is answered by another agent', () => {
    const c = contact('c1')
      .arrives(0)
      .offered(2, 'ann')
      .withdrawn(17, 'ann', 'no_answer')
      .queued(17, 'no_answer');
    c.offered(20, 'bob').accepted(24, 'bob').wrapUp(84, 'bob').wrapUpEnded(90, 'bob');
    const leg = only(legsOf(c));
    // ring 15 s (ann) + 4 s (bob) = 19 s; wait 24 s; talk 84 − 24 = 60 s; wrap 6 s
    assert.deepEqual(
      pick(leg, ['offers', 'noAnswers', 'ringMs', 'answeredAt', 'agentId', 'talkMs', 'wrapMs']),
      {
        offers: 2,
        noAnswers: 1,
        ringMs: 19 * s,
        answeredAt: at(24),
        agentId: 'bob',
        talkMs: 60 * s,
        wrapMs: 6 * s,
      },
    );
    const segments = segmentsOf(c);
    assert.deepEqual(pick(segmentOf(segments, 'ann'), ['outcome', 'ringMs', 'answeredAt']), {
      outcome: 'no_answer',
      ringMs: 15 * s,
      answeredAt: null,
    });
    assert.equal(segmentOf(segments, 'bob').outcome, 'handled');
  });

  test('transfer to a CSQ: the first leg ends transferred and handled, a new leg begins in the other CSQ', () => {
    const c = contact('c1')
      .arrives(0)
      .offered(1, 'ann')
      .accepted(3, 'ann')
      .transferred(63, 'ann', { csqId: 'support' });
    c.offered(70, 'bob').accepted(72, 'bob').wrapUp(132, 'bob').wrapUpEnded(142, 'bob');
    const [first, second] = legsOf(c) as [ContactLeg, ContactLeg];
    // first: talk 63 − 3 = 60 s, handling over at the transfer
    assert.deepEqual(
      pick(first, ['csqId', 'outcome', 'endedAt', 'handleEndedAt', 'talkMs', 'transfersOut']),
      {
        csqId: 'sales',
        outcome: 'transferred',
        endedAt: at(63),
        handleEndedAt: at(63),
        talkMs: 60 * s,
        transfersOut: 1,
      },
    );
    // second: waits 72 − 63 = 9 s; talk 60 s, wrap 10 s
    assert.deepEqual(
      pick(second, ['leg', 'csqId', 'fromCsqId', 'enteredAt', 'answeredAt', 'talkMs', 'wrapMs', 'outcome']),
      {
        leg: 1,
        csqId: 'support',
        fromCsqId: 'sales',
        enteredAt: at(63),
        answeredAt: at(72),
        talkMs: 60 * s,
        wrapMs: 10 * s,
        outcome: 'handled',
      },
    );
    const segments = segmentsOf(c);
    assert.equal(segmentOf(segments, 'ann').outcome, 'transferred');
    assert.deepEqual(pick(segmentOf(segments, 'bob'), ['csqId', 'fromCsqId', 'leg']), {
      csqId: 'support',
      fromCsqId: 'sales',
      leg: 1,
    });
  });

  test('transfer to an agent: one leg, both agents talk into it', () => {
    const c = contact('c1')
      .arrives(0)
      .offered(0, 'ann')
      .accepted(2, 'ann')
      .transferred(32, 'ann', { agentId: 'bob' });
    c.accepted(36, 'bob').wrapUp(96, 'bob').wrapUpEnded(100, 'bob');
    const leg = only(legsOf(c));
    // ring 2 + 4 = 6 s; talk 30 (ann) + 60 (bob) = 90 s; wrap 4 s; answered by ann at 2 s
    assert.deepEqual(
      pick(leg, ['answeredAt', 'agentId', 'ringMs', 'talkMs', 'wrapMs', 'transfersOut', 'outcome']),
      {
        answeredAt: at(2),
        agentId: 'ann',
        ringMs: 6 * s,
        talkMs: 90 * s,
        wrapMs: 4 * s,
        transfersOut: 1,
        outcome: 'handled',
      },
    );
    const segments = segmentsOf(c);
    assert.deepEqual(pick(segmentOf(segments, 'ann'), ['outcome', 'talkEndedAt']), {
      outcome: 'transferred',
      talkEndedAt: at(32),
    });
    assert.deepEqual(pick(segmentOf(segments, 'bob'), ['outcome', 'ringMs', 'offeredAt']), {
      outcome: 'handled',
      ringMs: 4 * s,
      offeredAt: at(32),
    });
  });

  test('requeue: the agent who had it is done with it when it enters the other CSQ', () => {
    const c = contact('c1').arrives(0).offered(1, 'ann').accepted(2, 'ann').queued(42, 'requeued', 'support');
    c.offered(45, 'bob').accepted(47, 'bob').wrapUp(107, 'bob').wrapUpEnded(110, 'bob');
    const [first, second] = legsOf(c) as [ContactLeg, ContactLeg];
    // first leg: talk 42 − 2 = 40 s, over at the requeue
    assert.deepEqual(pick(first, ['outcome', 'endedAt', 'handleEndedAt', 'talkMs', 'transfersOut']), {
      outcome: 'requeued',
      endedAt: at(42),
      handleEndedAt: at(42),
      talkMs: 40 * s,
      transfersOut: 0,
    });
    assert.deepEqual(pick(second, ['fromCsqId', 'talkMs', 'wrapMs']), {
      fromCsqId: 'sales',
      talkMs: 60 * s,
      wrapMs: 3 * s,
    });
    assert.deepEqual(pick(segmentOf(segmentsOf(c), 'ann'), ['outcome', 'talkEndedAt']), {
      outcome: 'requeued',
      talkEndedAt: at(42),
    });
  });

  test('the agent signs out holding a chat: it goes back in line in the same leg, their talk stops there', () => {
    const c = contact('c1', 'chat', 'support')
      .arrives(0)
      .offered(1, 'ann')
      .accepted(3, 'ann')
      .queued(33, 'logout');
    c.offered(34, 'bob').accepted(36, 'bob').wrapUp(96, 'bob').wrapUpEnded(99, 'bob');
    const leg = only(legsOf(c));
    // talk 30 (ann, 3→33) + 60 (bob, 36→96) = 90 s, not ann's time until the end
    assert.deepEqual(pick(leg, ['answeredAt', 'talkMs', 'wrapMs', 'outcome']), {
      answeredAt: at(3),
      talkMs: 90 * s,
      wrapMs: 3 * s,
      outcome: 'handled',
    });
    assert.deepEqual(pick(segmentOf(segmentsOf(c), 'ann'), ['outcome', 'talkEndedAt', 'wrapUpEndedAt']), {
      outcome: 'requeued',
      talkEndedAt: at(33),
      wrapUpEndedAt: null,
    });
  });

  test('signed out in wrap-up: the contact ends handled and its wrap-up runs until then', () => {
    const c = contact('c1')
      .arrives(0)
      .offered(1, 'ann')
      .accepted(3, 'ann')
      .wrapUp(63, 'ann')
      .ended(70, 'handled', 'ann');
    // wrap 70 − 63 = 7 s
    assert.deepEqual(pick(only(legsOf(c)), ['talkMs', 'wrapMs', 'handleEndedAt']), {
      talkMs: 60 * s,
      wrapMs: 7 * s,
      handleEndedAt: at(70),
    });
    assert.equal(only(segmentsOf(c)).wrapUpEndedAt, at(70));
  });

  test('group chat: the invitee joins, the owner leaves, the guest owns and wraps it up; no talk counted twice', () => {
    const c = contact('c1', 'chat', 'support').arrives(0).offered(0, 'ann').accepted(5, 'ann');
    c.invited(20, 'bob', 'ann', 'billing').joined(25, 'bob', 'ann', 'billing').left(85, 'ann', 'bob');
    c.wrapUp(145, 'bob').wrapUpEnded(155, 'bob');
    const leg = only(legsOf(c));
    // the contact's talk is wall-clock 5 → 145 = 140 s: ann 5→85 (80 s), then bob as owner 85→145 (60 s);
    // its ring is ann's 0→5 s only (an invitation ringing is the invitee's, not the contact's)
    assert.deepEqual(pick(leg, ['chatType', 'agentId', 'talkMs', 'wrapMs', 'ringMs', 'handleEndedAt']), {
      chatType: 'group',
      agentId: 'ann',
      talkMs: 140 * s,
      wrapMs: 10 * s,
      ringMs: 5 * s,
      handleEndedAt: at(155),
    });
    const segments = segmentsOf(c);
    assert.deepEqual(
      pick(segmentOf(segments, 'ann'), ['role', 'chatType', 'outcome', 'talkEndedAt', 'wrapUpEndedAt']),
      {
        role: 'owner',
        chatType: 'group',
        outcome: 'handled',
        talkEndedAt: at(85),
        wrapUpEndedAt: at(85),
      },
    );
    // bob's own session: answered 25, talk until 145 (120 s, overlapping ann's), ring 5 s
    assert.deepEqual(
      pick(segmentOf(segments, 'bob'), [
        'role',
        'chatType',
        'csqId',
        'answeredAt',
        'talkEndedAt',
        'ringMs',
        'outcome',
      ]),
      {
        role: 'owner',
        chatType: 'group',
        csqId: 'billing',
        answeredAt: at(25),
        talkEndedAt: at(145),
        ringMs: 5 * s,
        outcome: 'handled',
      },
    );
  });

  test('group chat: a declined invitation is the invitee’s, the chat stays normal', () => {
    const c = contact('c1', 'chat', 'support').arrives(0).offered(0, 'ann').accepted(5, 'ann');
    c.invited(20, 'bob', 'ann', 'billing').inviteEnded(24, 'bob', 'ann', 'rejected');
    c.wrapUp(65, 'ann').wrapUpEnded(70, 'ann');
    const leg = only(legsOf(c));
    assert.deepEqual(pick(leg, ['chatType', 'offers', 'noAnswers', 'talkMs']), {
      chatType: 'normal',
      offers: 1,
      noAnswers: 0,
      talkMs: 60 * s,
    });
    assert.deepEqual(pick(segmentOf(segmentsOf(c), 'bob'), ['role', 'chatType', 'outcome', 'ringMs']), {
      role: 'guest',
      chatType: 'group',
      outcome: 'declined',
      ringMs: 4 * s,
    });
  });

  test('group chat: the customer leaves while the invitation rings, which is an abandon for the invitee', () => {
    const c = contact('c1', 'chat', 'support').arrives(0).offered(0, 'ann').accepted(5, 'ann');
    c.invited(20, 'bob', 'ann', 'billing').inviteEnded(30, 'bob', 'ann', 'customer');
    c.wrapUp(30, 'ann', 'customer').wrapUpEnded(40, 'ann');
    assert.equal(only(legsOf(c)).outcome, 'handled');
    assert.equal(segmentOf(segmentsOf(c), 'bob').outcome, 'abandoned');
  });

  test('abandons in queue and while offered, and dequeued, leave unanswered legs', () => {
    const inQueue = contact('q').arrives(0).ended(40, 'abandoned');
    const ringing = contact('r').arrives(0).offered(10, 'ann').withdrawn(14, 'ann', 'customer');
    ringing.ended(14, 'abandoned_while_offered', 'ann');
    const dequeued = contact('d', 'email', 'mail').arrives(0).ended(100, 'dequeued');
    const legs = legsOf(inQueue, ringing, dequeued);
    assert.deepEqual(
      legs.map((leg) => pick(leg, ['contactId', 'outcome', 'endedAt', 'answeredAt', 'ringMs'])),
      [
        { contactId: 'q', outcome: 'abandoned', endedAt: at(40), answeredAt: null, ringMs: 0 },
        {
          contactId: 'r',
          outcome: 'abandoned_while_offered',
          endedAt: at(14),
          answeredAt: null,
          ringMs: 4 * s,
        },
        { contactId: 'd', outcome: 'dequeued', endedAt: at(100), answeredAt: null, ringMs: 0 },
      ],
    );
    assert.equal(only(segmentsOf(ringing)).outcome, 'abandoned');
  });

  test('a call type change while waiting is the leg’s call type; after the answer only the contact’s', () => {
    const c = contact('c1')
      .arrives(0, 'general')
      .callTypeChanged(5, 'billing')
      .offered(6, 'ann')
      .accepted(8, 'ann');
    c.callTypeChanged(20, 'refund').transferred(30, 'ann', { csqId: 'refunds' });
    const [first, second] = legsOf(c) as [ContactLeg, ContactLeg];
    assert.equal(first.callType, 'billing');
    assert.equal(second.callType, 'refund');
  });

  test('a contact whose creation is not among the events is skipped', () => {
    const c = contact('c1').arrives(0).offered(1, 'ann').accepted(2, 'ann');
    assert.deepEqual(detailRecordsOf(c.events.slice(2)), { legs: [], segments: [] });
  });
});
