import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ManualClock } from '../clock.ts';
import { SwitchboardError } from '../errors.ts';
import { detailRecordsOf } from '../reporting/detail-records.ts';
import { AcdEngine } from './engine.ts';
import type { AgentConfig } from './model.ts';

const agent = (id: string): AgentConfig => ({
  id,
  skills: { phone: 5 },
  capacity: { chat: 2, email: 3 },
  offerChatWhileOnVoice: false,
  offerVoiceWhileOnChat: false,
});

function center(agents: string[]) {
  const clock = new ManualClock();
  const engine = new AcdEngine(clock);
  engine.configureCsq({
    id: 'sales',
    channel: 'voice',
    skills: [{ skillId: 'phone', minCompetence: 1 }],
    criterion: 'longest_available',
  });
  engine.configureCsq({
    id: 'parked',
    channel: 'voice',
    skills: [{ skillId: 'nobody', minCompetence: 1 }],
    criterion: 'longest_available',
  });
  engine.configureCsq({
    id: 'web',
    channel: 'chat',
    skills: [{ skillId: 'phone', minCompetence: 1 }],
    criterion: 'longest_available',
  });
  for (const id of agents) engine.upsertAgent(agent(id));
  return { clock, engine };
}

const call = (id: string, maxConcurrent = 10) => ({
  id,
  csqId: 'sales',
  callType: 'outbound',
  maxConcurrent,
});

const refusal = (run: () => unknown, code: string) =>
  assert.throws(run, (error) => error instanceof SwitchboardError && error.code === code);

describe('outbound calls', () => {
  test('the call is the agent’s at once, never queued nor offered; they are Talking, then in wrap-up, and only then get inbound calls', () => {
    const { engine, clock } = center(['ann']);
    engine.setAgentState('ann', 'voice', 'ready');
    const events = engine.dialOut('ann', call('out1'));
    assert.deepEqual(
      events.filter((e) => e.type.startsWith('contact.')).map((e) => e.type),
      ['contact.dialled'],
    );
    assert.equal(engine.agent('ann')?.state.voice, 'active');
    assert.equal(engine.contact('out1')?.direction, 'outbound');
    assert.equal(engine.csqWaiting('sales'), 0);

    const waiting = engine.createContact({
      id: 'in1',
      channel: 'voice',
      csqId: 'sales',
      callType: 'x',
      priority: 5,
    });
    assert.ok(!waiting.some((e) => e.type === 'contact.offered'), 'no offer while Ann is on her call');
    clock.advance(60_000);
    engine.complete('ann', 'out1');
    assert.equal(engine.agent('ann')?.state.voice, 'work');
    const after = engine.endWrapUp('ann', 'out1', { reasons: [] });
    assert.ok(
      after.some((e) => e.type === 'contact.ended' && e.contactId === 'out1' && e.outcome === 'handled'),
    );
    assert.ok(
      after.some((e) => e.type === 'contact.offered' && e.contactId === 'in1' && e.agentId === 'ann'),
    );
  });

  test('how the far end answered is an event; an outbound call is in no CSQ’s leg nor agent segment', () => {
    const { engine, clock } = center(['ann']);
    engine.setAgentState('ann', 'voice', 'ready');
    const events = [...engine.dialOut('ann', call('out1'))];
    clock.advance(5000);
    events.push(...engine.noteDialResult('out1', 'answered', 200));
    assert.deepEqual(events.at(-1), {
      type: 'contact.dial_result',
      at: clock.now(),
      contactId: 'out1',
      agentId: 'ann',
      result: 'answered',
      sipStatus: 200,
    });
    events.push(...engine.complete('ann', 'out1'), ...engine.endWrapUp('ann', 'out1', { reasons: [] }));
    assert.deepEqual(detailRecordsOf(events), { legs: [], segments: [] });
    engine.createContact({ id: 'in1', channel: 'voice', csqId: 'sales', callType: 'x', priority: 5 });
    assert.throws(() => engine.noteDialResult('in1', 'busy', 486), SwitchboardError);
  });

  test('a Not Ready agent places a call and is Not Ready again after its wrap-up', () => {
    const { engine } = center(['ann']);
    engine.setAgentState('ann', 'voice', 'not_ready', 3);
    engine.dialOut('ann', call('out1'));
    engine.customerLeft('out1');
    engine.endWrapUp('ann', 'out1', { reasons: [] });
    assert.equal(engine.agent('ann')?.state.voice, 'not_ready');
    assert.equal(engine.agent('ann')?.reasonCode.voice, 3);
  });

  test('refused: signed out of voice, a call in hand or ringing, a CSQ that is not theirs or not voice', () => {
    const { engine } = center(['ann', 'bob']);
    refusal(() => engine.dialOut('ann', call('out1')), 'conflict');
    engine.setAgentState('ann', 'voice', 'ready');
    engine.createContact({ id: 'in1', channel: 'voice', csqId: 'sales', callType: 'x', priority: 5 });
    refusal(() => engine.dialOut('ann', call('out1')), 'conflict'); // ringing
    engine.accept('ann', 'in1');
    refusal(() => engine.dialOut('ann', call('out1')), 'conflict'); // talking
    engine.complete('ann', 'in1');
    refusal(() => engine.dialOut('ann', call('out1')), 'conflict'); // wrap-up
    engine.setAgentState('bob', 'voice', 'ready');
    refusal(() => engine.dialOut('bob', { ...call('out2'), csqId: 'web' }), 'validation_failed');
    engine.upsertAgent({ ...agent('bob'), skills: {} });
    refusal(() => engine.dialOut('bob', call('out2')), 'conflict');
    assert.equal(engine.contact('out1'), undefined);
    assert.equal(engine.contact('out2'), undefined);
  });

  test('the tenant’s outbound calls in progress never pass its limit, whatever agents dial, end and wrap up', () => {
    const agents = ['a', 'b', 'c', 'd', 'e'];
    const step = fc.record({
      kind: fc.constantFrom('dial', 'hang_up', 'callee_left', 'wrap', 'requeue'),
      agent: fc.constantFrom(...agents),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.array(step, { maxLength: 60 }), (max, steps) => {
        const { engine, clock } = center(agents);
        for (const id of agents) engine.setAgentState(id, 'voice', 'ready');
        let n = 0;
        for (const { kind, agent: id } of steps) {
          clock.advance(1000);
          const mine = engine.agent(id)?.contacts[0];
          const status = mine ? engine.contact(mine)?.status : undefined;
          // Placed calls not yet in wrap-up, wherever they are: in an agent's hands or requeued.
          const inProgress = () =>
            engine.view().contacts.filter((c) => c.direction === 'outbound' && c.status !== 'wrap_up').length;
          if (kind === 'dial') {
            const before = inProgress();
            try {
              engine.dialOut(id, call(`c${n++}`, max));
              assert.ok(!mine && before < max, 'placed only when free and under the limit');
            } catch (error) {
              assert.ok(error instanceof SwitchboardError);
              assert.ok(mine || before >= max, `refused only when busy or at the limit: ${error.message}`);
            }
          } else if (mine && status === 'active' && kind === 'hang_up') engine.complete(id, mine);
          else if (mine && status === 'active' && kind === 'callee_left') engine.customerLeft(mine);
          else if (mine && status === 'wrap_up' && kind === 'wrap')
            engine.endWrapUp(id, mine, { reasons: [] });
          // Sent to a queue no one takes from: the far end waits on its line, still a call in progress.
          else if (mine && status === 'active' && kind === 'requeue') engine.requeue(id, mine, 'parked');
          assert.ok(inProgress() <= max);
        }
      }),
    );
  });
});
