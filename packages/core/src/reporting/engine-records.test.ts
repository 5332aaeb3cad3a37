import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AcdEngine } from '../acd/engine.ts';
import type { AcdEvent } from '../acd/events.ts';
import type { Channel } from '../acd/model.ts';
import { ManualClock } from '../clock.ts';
import { type ContactCounts, contactMetrics, countLegs } from './contact-counts.ts';
import { type AgentSegment, type ContactLeg, detailRecordsOf } from './detail-records.ts';
import { at } from './testing/contact-script.ts';

/**
 * The real router, driven on a manual clock, and its events folded into detail records: what catches a fold
 * that misreads the engine. Times are seconds after T0.
 */
function center() {
  const clock = new ManualClock(at(0));
  const engine = new AcdEngine(clock);
  const events: AcdEvent[] = [];
  const queues: [string, Channel][] = [
    ['sales', 'voice'],
    ['support', 'voice'],
    ['web', 'chat'],
    ['billing', 'chat'],
  ];
  for (const [id, channel] of queues)
    engine.configureCsq({
      id,
      channel,
      skills: [{ skillId: id, minCompetence: 1 }],
      criterion: 'longest_available',
    });
  const agents: Record<string, string[]> = {
    ann: ['sales', 'web'],
    bob: ['sales', 'billing'],
    cy: ['support'],
    dee: ['web'],
  };
  for (const [id, skills] of Object.entries(agents)) {
    engine.upsertAgent({
      id,
      skills: Object.fromEntries(skills.map((skill) => [skill, 5])),
      capacity: { chat: 2, email: 1 },
      offerChatWhileOnVoice: false,
      offerVoiceWhileOnChat: false,
    });
  }
  /** Runs a command at `seconds` after T0 (timers due by then fire first). */
  const run = (seconds: number, command: (engine: AcdEngine) => AcdEvent[]) => {
    clock.advance(at(seconds) - clock.now());
    events.push(...command(engine));
  };
  const ready = (seconds: number, ...ids: string[]) => {
    for (const id of ids) {
      run(seconds, (e) => e.setAgentState(id, 'voice', 'ready'));
      run(seconds, (e) => e.setAgentState(id, 'digital', 'ready'));
    }
  };
  const arrive = (seconds: number, id: string, csqId: string, channel: Channel = 'voice') =>
    run(seconds, (e) => e.createContact({ id, channel, csqId, callType: csqId, priority: 5 }));
  const records = () => detailRecordsOf(events);
  const legs = (contactId: string) => records().legs.filter((leg) => leg.contactId === contactId);
  const segment = (contactId: string, agentId: string) =>
    records().segments.find((s) => s.contactId === contactId && s.agentId === agentId) as AgentSegment;
  return { run, ready, arrive, records, legs, segment };
}

const s = 1000;
const pick = <T extends object, K extends keyof T>(item: T, keys: K[]): Pick<T, K> =>
  Object.fromEntries(keys.map((key) => [key, item[key]])) as Pick<T, K>;

describe('detail records of the real router', () => {
  test('RONA: the offer rings out after 15 s, another agent answers the same leg', () => {
    const c = center();
    c.ready(0, 'ann');
    c.arrive(0, 'c1', 'sales'); // offered to ann at once
    c.run(15, (e) => e.tick()); // no answer: ann goes Not Ready, c1 back in line
    c.ready(20, 'bob');
    c.run(24, (e) => e.accept('bob', 'c1'));
    c.run(84, (e) => e.complete('bob', 'c1'));
    c.run(90, (e) => e.endWrapUp('bob', 'c1', { reasons: [] }));
    const [leg] = c.legs('c1') as [ContactLeg];
    // ring 15 s (ann) + 4 s (bob, offered at 20); wait 24 s; talk 60 s; wrap 6 s
    assert.deepEqual(
      pick(leg, ['offers', 'noAnswers', 'ringMs', 'answeredAt', 'agentId', 'talkMs', 'wrapMs', 'outcome']),
      {
        offers: 2,
        noAnswers: 1,
        ringMs: 19 * s,
        answeredAt: at(24),
        agentId: 'bob',
        talkMs: 60 * s,
        wrapMs: 6 * s,
        outcome: 'handled',
      },
    );
    assert.equal(c.segment('c1', 'ann').outcome, 'no_answer');
    const counts = countLegs(c.records().legs, () => 0, { thresholdSeconds: 20, shortAbandonSeconds: 0 }).get(
      0,
    ) as ContactCounts;
    assert.deepEqual([counts.answered, counts.answeredWithinThreshold, counts.noAnswers], [1, 0, 1]);
    assert.equal(contactMetrics(counts, 'counted_against').asaSeconds, 24);
  });

  test('hold, a transfer to an agent, then to a CSQ: two legs, every agent’s talk in the leg they talked in', () => {
    const c = center();
    c.ready(0, 'ann', 'bob', 'cy');
    c.arrive(0, 'c1', 'sales'); // ann (longest available)
    c.run(2, (e) => e.accept('ann', 'c1'));
    c.run(10, (e) => e.hold('ann', 'c1', true));
    c.run(20, (e) => e.hold('ann', 'c1', false));
    c.run(32, (e) => e.transfer('ann', 'c1', { agentId: 'bob' }));
    c.run(36, (e) => e.accept('bob', 'c1'));
    c.run(96, (e) => e.transfer('bob', 'c1', { csqId: 'support' })); // cy at once
    c.run(100, (e) => e.accept('cy', 'c1'));
    c.run(160, (e) => e.complete('cy', 'c1'));
    c.run(170, (e) => e.endWrapUp('cy', 'c1', { reasons: [] }));
    const [sales, support] = c.legs('c1') as [ContactLeg, ContactLeg];
    // sales: ann talks 32 − 2 − 10 (hold) = 20 s, bob 96 − 36 = 60 s; ring 2 + 4 s; two transfers out
    assert.deepEqual(
      pick(sales, [
        'answeredAt',
        'agentId',
        'ringMs',
        'talkMs',
        'holdMs',
        'wrapMs',
        'transfersOut',
        'outcome',
        'handleEndedAt',
      ]),
      {
        answeredAt: at(2),
        agentId: 'ann',
        ringMs: 6 * s,
        talkMs: 80 * s,
        holdMs: 10 * s,
        wrapMs: 0,
        transfersOut: 2,
        outcome: 'transferred',
        handleEndedAt: at(96),
      },
    );
    // support: entered at 96, answered at 100 (4 s), talk 60 s, wrap 10 s
    assert.deepEqual(pick(support, ['fromCsqId', 'enteredAt', 'answeredAt', 'talkMs', 'wrapMs', 'outcome']), {
      fromCsqId: 'sales',
      enteredAt: at(96),
      answeredAt: at(100),
      talkMs: 60 * s,
      wrapMs: 10 * s,
      outcome: 'handled',
    });
    assert.deepEqual(
      ['ann', 'bob', 'cy'].map((agent) => c.segment('c1', agent).outcome),
      ['transferred', 'transferred', 'handled'],
    );
    assert.equal(c.segment('c1', 'ann').holdMs, 10 * s);
  });

  test('requeue: a new leg in the other CSQ, the first agent’s part over', () => {
    const c = center();
    c.ready(0, 'ann', 'cy');
    c.arrive(0, 'c1', 'sales');
    c.run(2, (e) => e.accept('ann', 'c1'));
    c.run(42, (e) => e.requeue('ann', 'c1', 'support')); // cy at once
    c.run(45, (e) => e.accept('cy', 'c1'));
    c.run(105, (e) => e.complete('cy', 'c1'));
    c.run(108, (e) => e.endWrapUp('cy', 'c1', { reasons: [] }));
    const [sales, support] = c.legs('c1') as [ContactLeg, ContactLeg];
    assert.deepEqual(pick(sales, ['outcome', 'talkMs', 'handleEndedAt']), {
      outcome: 'requeued',
      talkMs: 40 * s,
      handleEndedAt: at(42),
    });
    assert.deepEqual(pick(support, ['answeredAt', 'talkMs', 'wrapMs']), {
      answeredAt: at(45),
      talkMs: 60 * s,
      wrapMs: 3 * s,
    });
    assert.deepEqual(pick(c.segment('c1', 'ann'), ['outcome', 'talkEndedAt']), {
      outcome: 'requeued',
      talkEndedAt: at(42),
    });
  });

  test('the agent signs out of digital holding a chat: it goes to another agent in the same leg', () => {
    const c = center();
    c.ready(0, 'ann');
    c.arrive(0, 'c1', 'web', 'chat');
    c.run(3, (e) => e.accept('ann', 'c1'));
    c.ready(10, 'dee');
    c.run(33, (e) => e.setAgentState('ann', 'digital', 'logged_out')); // back in line: dee at once
    c.run(36, (e) => e.accept('dee', 'c1'));
    c.run(96, (e) => e.complete('dee', 'c1'));
    c.run(99, (e) => e.endWrapUp('dee', 'c1', { reasons: [] }));
    const [leg] = c.legs('c1') as [ContactLeg];
    // talk 30 s (ann) + 60 s (dee); ring 3 s (ann) + 3 s (dee)
    assert.deepEqual(pick(leg, ['answeredAt', 'agentId', 'talkMs', 'ringMs', 'wrapMs', 'outcome']), {
      answeredAt: at(3),
      agentId: 'ann',
      talkMs: 90 * s,
      ringMs: 6 * s,
      wrapMs: 3 * s,
      outcome: 'handled',
    });
    assert.equal(c.segment('c1', 'ann').outcome, 'requeued');
  });

  test('group chat: invite accepted, the owner leaves, the guest owns and wraps it up', () => {
    const c = center();
    c.ready(0, 'ann', 'bob');
    c.arrive(0, 'c1', 'web', 'chat'); // ann
    c.run(5, (e) => e.accept('ann', 'c1'));
    c.run(20, (e) => e.invite('ann', 'c1', 'billing')); // bob
    c.run(25, (e) => e.acceptInvite('bob', 'c1'));
    c.run(85, (e) => e.leave('ann', 'c1'));
    c.run(145, (e) => e.complete('bob', 'c1'));
    c.run(155, (e) => e.endWrapUp('bob', 'c1', { reasons: [] }));
    const [leg] = c.legs('c1') as [ContactLeg];
    // wall-clock talk 5 → 145 = 140 s; wrap 10 s
    assert.deepEqual(pick(leg, ['chatType', 'talkMs', 'wrapMs', 'handleEndedAt', 'outcome']), {
      chatType: 'group',
      talkMs: 140 * s,
      wrapMs: 10 * s,
      handleEndedAt: at(155),
      outcome: 'handled',
    });
    assert.deepEqual(
      pick(c.segment('c1', 'bob'), ['role', 'chatType', 'csqId', 'fromCsqId', 'outcome', 'ringMs']),
      {
        role: 'owner',
        chatType: 'group',
        csqId: 'billing',
        fromCsqId: null,
        outcome: 'handled',
        ringMs: 5 * s,
      },
    );
    assert.deepEqual(pick(c.segment('c1', 'ann'), ['chatType', 'outcome', 'wrapUpEndedAt']), {
      chatType: 'group',
      outcome: 'handled',
      wrapUpEndedAt: at(85),
    });
  });

  test('group chat: declined, then rung out, then the customer leaves while an invitation rings', () => {
    const c = center();
    c.ready(0, 'ann', 'bob');
    c.arrive(0, 'c1', 'web', 'chat');
    c.run(5, (e) => e.accept('ann', 'c1'));
    c.run(20, (e) => e.invite('ann', 'c1', 'billing'));
    c.run(24, (e) => e.declineInvite('bob', 'c1'));
    const declined = c.segment('c1', 'bob');
    assert.deepEqual(pick(declined, ['role', 'outcome', 'ringMs']), {
      role: 'guest',
      outcome: 'declined',
      ringMs: 4 * s,
    });
    // a fresh chat, where the customer leaves 10 s into the invitation
    c.arrive(30, 'c2', 'web', 'chat'); // ann has room for two chats
    c.run(31, (e) => e.accept('ann', 'c2'));
    c.run(40, (e) => e.invite('ann', 'c2', 'billing'));
    c.run(50, (e) => e.customerLeft('c2'));
    c.run(60, (e) => e.endWrapUp('ann', 'c2', { reasons: [] }));
    assert.deepEqual(pick(c.segment('c2', 'bob'), ['role', 'outcome', 'ringMs', 'answeredAt']), {
      role: 'guest',
      outcome: 'abandoned',
      ringMs: 10 * s,
      answeredAt: null,
    });
    const [leg] = c.legs('c2') as [ContactLeg];
    // answered by ann: handled; talk 31 → 50 = 19 s; wrap 10 s
    assert.deepEqual(pick(leg, ['chatType', 'outcome', 'talkMs', 'wrapMs']), {
      chatType: 'normal',
      outcome: 'handled',
      talkMs: 19 * s,
      wrapMs: 10 * s,
    });
  });

  test('abandons in queue (short and not) and while offered, and a dequeue: counted as METRICS.md says', () => {
    const c = center();
    c.arrive(0, 'short', 'sales');
    c.arrive(0, 'offered', 'sales');
    c.arrive(0, 'waiting', 'sales');
    c.arrive(0, 'gone', 'support');
    c.run(3, (e) => e.customerLeft('short'));
    c.ready(10, 'ann'); // the oldest still waiting, 'offered', rings at ann
    c.run(12, (e) => e.customerLeft('offered'));
    c.run(30, (e) => e.dequeue('gone'));
    const legs = c.records().legs;
    assert.deepEqual(
      legs.map((leg) => [
        leg.contactId,
        leg.outcome,
        leg.endedAt === null ? null : leg.endedAt - leg.enteredAt,
      ]),
      [
        ['short', 'abandoned', 3 * s],
        ['offered', 'abandoned_while_offered', 12 * s],
        ['waiting', null, null],
        ['gone', 'dequeued', 30 * s],
      ],
    );
    const counts = countLegs(legs, () => 0, {
      thresholdSeconds: 20,
      shortAbandonSeconds: 5,
      now: at(40),
    }).get(0) as ContactCounts;
    // short (3 s) is neither offered nor abandoned; offered left while ringing after 12 s (within 20 s);
    // waiting has waited 40 s by now (open, past the threshold); gone was dequeued after 30 s
    assert.deepEqual(
      pick(counts, [
        'offered',
        'shortAbandoned',
        'abandoned',
        'abandonedWhileOffered',
        'abandonedWithinThreshold',
        'dequeued',
        'open',
        'undecided',
        'longestWaitMs',
      ]),
      {
        offered: 3,
        shortAbandoned: 1,
        abandoned: 1,
        abandonedWhileOffered: 1,
        abandonedWithinThreshold: 1,
        dequeued: 1,
        open: 1,
        undecided: 0,
        longestWaitMs: 40 * s,
      },
    );
    // counted_for: (0 answered + 1 abandoned within) ÷ (3 − 1 dequeued) = 0.5; counted_against: 0 ÷ 2
    assert.equal(contactMetrics(counts, 'counted_for').serviceLevel, 0.5);
    assert.equal(contactMetrics(counts, 'counted_against').serviceLevel, 0);
    // ignored: 0 ÷ (3 − 1 − 1) = 0
    assert.equal(contactMetrics(counts, 'ignored').serviceLevel, 0);
  });
});
