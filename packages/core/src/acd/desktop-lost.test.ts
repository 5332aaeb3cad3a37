import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ManualClock } from '../clock.ts';
import { AcdEngine } from './engine.ts';

const LOST = 32759;

function center() {
  const engine = new AcdEngine(new ManualClock());
  engine.configureCsq({
    id: 'q',
    channel: 'chat',
    skills: [{ skillId: 's', minCompetence: 1 }],
    criterion: 'longest_available',
  });
  engine.upsertAgent({
    id: 'ann',
    skills: { s: 5 },
    capacity: { chat: 2, email: 1 },
    offerChatWhileOnVoice: false,
    offerVoiceWhileOnChat: false,
  });
  engine.setAgentState('ann', 'digital', 'ready');
  return engine;
}
const chat = (id: string) => ({ id, channel: 'chat' as const, csqId: 'q', callType: 'web', priority: 1 });

describe('an agent whose desktop is lost', () => {
  test('Ready becomes Not Ready with the reason, recorded with cause system', () => {
    const engine = center();
    const events = engine.desktopLost('ann', LOST);
    const changes = events.flatMap((e) =>
      e.type === 'agent.state_changed' ? [{ state: e.state, reason: e.reasonCode, cause: e.cause }] : [],
    );
    assert.deepEqual(changes, [{ state: 'not_ready', reason: LOST, cause: 'system' }]);
  });

  test('Active keeps the chat and lands in Not Ready, not Ready, once it is done', () => {
    const engine = center();
    engine.createContact(chat('c1'));
    engine.accept('ann', 'c1');
    engine.desktopLost('ann', LOST);
    assert.equal(engine.agent('ann')?.state.digital, 'active');
    engine.createContact(chat('c2'));
    assert.equal(engine.contact('c2')?.status, 'queued', 'no new offer for an agent who is not there');
    engine.complete('ann', 'c1');
    engine.endWrapUp('ann', 'c1', { reasons: [] });
    assert.equal(engine.agent('ann')?.state.digital, 'not_ready');
    assert.equal(engine.agent('ann')?.reasonCode.digital, LOST);
  });

  test('a state the agent chose is kept; an unknown agent is no error', () => {
    const engine = center();
    engine.setAgentState('ann', 'digital', 'not_ready', 7);
    assert.deepEqual(engine.desktopLost('ann', LOST), []);
    assert.equal(engine.agent('ann')?.reasonCode.digital, 7);
    assert.deepEqual(engine.desktopLost('nobody', LOST), []);
  });
});
