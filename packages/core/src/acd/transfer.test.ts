import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ManualClock } from '../clock.ts';
import { SwitchboardError } from '../errors.ts';
import { LIMITS } from '../limits.ts';
import { codePoints } from '../text.ts';
import { AcdEngine } from './engine.ts';
import type { AcdEvent } from './events.ts';
import { transferNoteProblem } from './transfer-note.ts';

/** A chat `ann` is handling in `support`; `bob` is Ready in `support` too. */
function chatWithAnn() {
  const engine = new AcdEngine(new ManualClock());
  engine.configureCsq({
    id: 'support',
    channel: 'chat',
    skills: [{ skillId: 'support', minCompetence: 1 }],
    criterion: 'longest_available',
  });
  for (const id of ['ann', 'bob'])
    engine.upsertAgent({
      id,
      skills: { support: 5 },
      capacity: { chat: 1, email: 1 },
      offerChatWhileOnVoice: false,
      offerVoiceWhileOnChat: false,
    });
  engine.setAgentState('ann', 'digital', 'ready');
  engine.createContact({ id: 'c1', channel: 'chat', csqId: 'support', callType: 'web', priority: 5 });
  engine.accept('ann', 'c1');
  engine.setAgentState('bob', 'digital', 'ready');
  return engine;
}

const transferred = (events: AcdEvent[]) => events.find((e) => e.type === 'contact.transferred');

describe('transfer notes', () => {
  test('the note travels with the transfer event, to an agent or to a CSQ', () => {
    const toAgent = chatWithAnn().transfer('ann', 'c1', { agentId: 'bob' }, 'Wants a refund');
    assert.equal(transferred(toAgent)?.note, 'Wants a refund');
    const toCsq = chatWithAnn().transfer('ann', 'c1', { csqId: 'support' }, 'VIP');
    assert.equal(transferred(toCsq)?.note, 'VIP');
  });

  test('no note, or one of spaces only, is stored as none', () => {
    assert.equal(transferred(chatWithAnn().transfer('ann', 'c1', { agentId: 'bob' }))?.note, null);
    assert.equal(transferred(chatWithAnn().transfer('ann', 'c1', { agentId: 'bob' }, '   '))?.note, null);
  });

  test('a note over the limit is refused and the contact stays with its agent', () => {
    const engine = chatWithAnn();
    assert.throws(
      () => engine.transfer('ann', 'c1', { agentId: 'bob' }, 'x'.repeat(LIMITS.transferNote.max + 1)),
      (error: unknown) => error instanceof SwitchboardError && error.code === 'validation_failed',
    );
    assert.equal(engine.contact('c1')?.agentId, 'ann');
    assert.equal(engine.contact('c1')?.status, 'active');
  });

  test('the limit counts characters, not UTF-16 units: 500 emoji fit', () => {
    assert.equal(transferNoteProblem('😀'.repeat(LIMITS.transferNote.max)), null);
    assert.match(transferNoteProblem('😀'.repeat(LIMITS.transferNote.max + 1)) ?? '', /at most 500/);
  });

  test('a note is accepted exactly when it holds at most the limit of characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: LIMITS.transferNote.max + 20 }), (note) => {
        assert.equal(transferNoteProblem(note) === null, codePoints(note) <= LIMITS.transferNote.max);
      }),
    );
  });
});

describe('transfer targets', () => {
  test('CSQs of the channel count who could take it; agents show whether a direct transfer would reach them', () => {
    const engine = chatWithAnn();
    assert.deepEqual(engine.transferTargets('ann', 'c1'), {
      csqs: [{ csqId: 'support', available: 1 }],
      agents: [{ agentId: 'bob', state: 'ready', available: true }],
    });
    engine.setAgentState('bob', 'digital', 'not_ready');
    assert.deepEqual(engine.transferTargets('ann', 'c1').agents, [
      { agentId: 'bob', state: 'not_ready', available: false },
    ]);
    engine.setAgentState('bob', 'digital', 'logged_out');
    assert.deepEqual(engine.transferTargets('ann', 'c1'), {
      csqs: [{ csqId: 'support', available: 0 }],
      agents: [],
    });
  });

  test('only the agent who has the contact may ask', () => {
    const engine = chatWithAnn();
    assert.throws(() => engine.transferTargets('bob', 'c1'), SwitchboardError);
  });
});
