import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AcdEngine } from '../acd/engine.ts';
import type { AcdEvent } from '../acd/events.ts';
import type { AgentConfig } from '../acd/model.ts';
import { ManualClock } from '../clock.ts';
import { LEG_EVENT_TYPES, type LegEvent, legsOf, queueDayStats, startOfDay } from './queue-legs.ts';

const S = 1000;
const agent = (id: string): AgentConfig => ({
  id,
  skills: { s1: 5 },
  capacity: { chat: 3, email: 3 },
  offerChatWhileOnVoice: false,
  offerVoiceWhileOnChat: false,
});
const isLegEvent = (e: AcdEvent): e is AcdEvent & LegEvent =>
  (LEG_EVENT_TYPES as readonly string[]).includes(e.type);

/** A chat center with CSQs `a` and `b` and agents `x`, `y`; every event it produces is kept. */
function center() {
  const clock = new ManualClock(Date.UTC(2026, 2, 2, 9, 0, 0));
  const engine = new AcdEngine(clock);
  const log: AcdEvent[] = [];
  const run = (events: AcdEvent[]) => log.push(...events);
  for (const id of ['a', 'b'])
    run(
      engine.configureCsq({
        id,
        channel: 'chat',
        skills: [{ skillId: 's1', minCompetence: 1 }],
        criterion: 'longest_available',
      }),
    );
  for (const id of ['x', 'y']) run(engine.upsertAgent(agent(id)));
  const contact = (id: string, csqId = 'a') =>
    run(engine.createContact({ id, channel: 'chat', csqId, callType: 'web', priority: 5 }));
  return { clock, engine, run, contact, log, legs: () => legsOf(log.filter(isLegEvent)) };
}

test('an offer that rings out stays one leg; a transfer to a CSQ starts a new one there', () => {
  const { clock, engine, run, contact, legs } = center();
  contact('c1');
  run(engine.setAgentState('x', 'digital', 'ready'));
  clock.advance(30 * S); // x lets it ring out: back in line, same leg, x Not Ready
  run(engine.tick());
  run(engine.setAgentState('y', 'digital', 'ready'));
  clock.advance(2 * S);
  run(engine.accept('y', 'c1'));
  clock.advance(60 * S);
  run(engine.transfer('y', 'c1', { csqId: 'b' })); // y is free again and is offered it in b
  clock.advance(5 * S);
  run(engine.customerLeft('c1'));
  const [first, second, ...rest] = legs();
  assert.deepEqual(rest, []);
  assert.equal(first?.csqId, 'a');
  assert.equal((first?.answeredAt ?? 0) - (first?.enteredAt ?? 0), 32 * S, 'wait includes the ring time');
  assert.equal(first?.end?.outcome, 'moved');
  assert.equal(second?.csqId, 'b');
  assert.deepEqual([second?.answeredAt, second?.end?.outcome], [null, 'abandoned_while_offered']);

  const options = { now: clock.now(), thresholdSeconds: 20, abandons: 'counted_against' as const };
  const a = queueDayStats(
    legs().filter((l) => l.csqId === 'a'),
    { ...options, from: 0, shortAbandonSeconds: 0 },
  );
  assert.deepEqual(
    [a.offered, a.answered, a.handled, a.answeredWithinThreshold, a.serviceLevel],
    [1, 1, 1, 0, 0],
  );
  const b = queueDayStats(
    legs().filter((l) => l.csqId === 'b'),
    { ...options, from: 0, shortAbandonSeconds: 0 },
  );
  assert.deepEqual([b.offered, b.abandoned, b.abandonedWithinThreshold], [1, 1, 1]);
  const short = queueDayStats(
    legs().filter((l) => l.csqId === 'b'),
    { ...options, from: 0, shortAbandonSeconds: 6 },
  );
  assert.deepEqual([short.offered, short.abandoned, short.serviceLevel], [0, 0, null]);
});

test('a leg that entered before the first event given is left out; one that enters later is counted', () => {
  const { clock, engine, run, contact, log } = center();
  contact('yesterday');
  clock.advance(10 * S);
  const cut = log.length; // storage is read from here on, as from midnight
  run(engine.setAgentState('x', 'digital', 'ready'));
  run(engine.accept('x', 'yesterday'));
  run(engine.complete('x', 'yesterday'));
  run(engine.endWrapUp('x', 'yesterday', { reasons: [] }));
  contact('today');
  const legs = legsOf(log.slice(cut).filter(isLegEvent));
  assert.deepEqual(
    legs.map((l) => l.contactId),
    ['today'],
  );
});

test('a contact still waiting is left out of the service level until it passes the threshold', () => {
  const { clock, contact, legs } = center();
  contact('waiting');
  const at = (seconds: number) =>
    queueDayStats(legs(), {
      from: 0,
      now: clock.now() + seconds * S,
      thresholdSeconds: 20,
      abandons: 'counted_against',
      shortAbandonSeconds: 0,
    });
  assert.deepEqual([at(20).offered, at(20).undecided, at(20).serviceLevel], [1, 1, null]);
  assert.deepEqual([at(21).undecided, at(21).serviceLevel], [0, 0]);
});

test('the day starts at midnight in the zone, UTC by default', () => {
  const at = Date.UTC(2026, 2, 29, 0, 30); // 01:30 CET on the day Berlin moves to summer time
  assert.equal(startOfDay(at), Date.UTC(2026, 2, 29, 0, 0));
  assert.equal(startOfDay(at, 'Europe/Berlin'), Date.UTC(2026, 2, 28, 23, 0));
  assert.equal(startOfDay(Date.UTC(2026, 2, 29, 23, 30), 'Europe/Berlin'), Date.UTC(2026, 2, 29, 22, 0));
  assert.equal(startOfDay(Date.UTC(2026, 0, 5, 3, 0), 'America/New_York'), Date.UTC(2026, 0, 4, 5, 0));
});
