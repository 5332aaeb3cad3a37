import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ManualClock } from '../clock.ts';
import { SwitchboardError } from '../errors.ts';
import { AcdEngine } from './engine.ts';
import type { AcdEvent } from './events.ts';
import type { AgentConfig } from './model.ts';

const agent = (id: string, skills: Record<string, number>, chat = 2): AgentConfig => ({
  id,
  skills,
  capacity: { chat, email: 1 },
  offerChatWhileOnVoice: false,
  offerVoiceWhileOnChat: false,
});

/** A chat owned by `ann`, with `bob`, `cy` and `dee` ready in the billing CSQ and `eve` in sales. */
function chatInProgress() {
  const clock = new ManualClock();
  const engine = new AcdEngine(clock);
  engine.configureCsq({
    id: 'support',
    channel: 'chat',
    skills: [{ skillId: 'support', minCompetence: 1 }],
    criterion: 'longest_available',
  });
  engine.configureCsq({
    id: 'billing',
    channel: 'chat',
    skills: [{ skillId: 'billing', minCompetence: 1 }],
    criterion: 'most_skilled',
  });
  engine.configureCsq({
    id: 'sales',
    channel: 'chat',
    skills: [{ skillId: 'sales', minCompetence: 1 }],
    criterion: 'longest_available',
  });
  engine.upsertAgent(agent('ann', { support: 5, billing: 9 }));
  engine.upsertAgent(agent('bob', { billing: 8 }));
  engine.upsertAgent(agent('cy', { billing: 6 }));
  engine.upsertAgent(agent('dee', { billing: 4 }, 1));
  engine.upsertAgent(agent('eve', { sales: 5 }));
  engine.setAgentState('ann', 'digital', 'ready');
  engine.createContact({ id: 'c1', channel: 'chat', csqId: 'support', callType: 'web', priority: 5 });
  engine.accept('ann', 'c1');
  for (const id of ['bob', 'cy', 'dee', 'eve']) engine.setAgentState(id, 'digital', 'ready');
  return { clock, engine };
}

const types = (events: AcdEvent[]) => events.map((e) => e.type).filter((t) => t !== 'agent.state_changed');
const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof SwitchboardError) return error.code;
    throw error;
  }
  return 'ok';
};

describe('group chat', () => {
  test('the invite lists every chat CSQ with the agents who could join now', () => {
    const { engine } = chatInProgress();
    assert.deepEqual(engine.inviteTargets('ann', 'c1'), [
      { csqId: 'support', available: 0 },
      { csqId: 'billing', available: 3 },
      { csqId: 'sales', available: 1 },
    ]);
  });

  test('an invitation goes to the best available agent of the CSQ, who is Reserved until they answer', () => {
    const { engine } = chatInProgress();
    const events = engine.invite('ann', 'c1', 'billing', 'Customer asks about a refund');
    const invited = events.find((e) => e.type === 'contact.invited');
    assert.equal(invited?.type === 'contact.invited' && invited.agentId, 'bob');
    assert.ok(!JSON.stringify(events).includes('refund'), 'notes never travel in an event');
    assert.equal(engine.agent('bob')?.state.digital, 'reserved');
    assert.equal(engine.contact('c1')?.invite?.notes, 'Customer asks about a refund');
    assert.equal(
      code(() => engine.invite('ann', 'c1', 'sales')),
      'group_chat_full',
    );
  });

  test('the invitee joins: two agents in, inviting disabled, the chat counts against their capacity', () => {
    const { engine } = chatInProgress();
    engine.invite('ann', 'c1', 'billing');
    assert.deepEqual(types(engine.acceptInvite('bob', 'c1')), ['contact.participant_joined']);
    assert.equal(engine.agent('bob')?.load.chat, 1);
    assert.equal(engine.agent('bob')?.state.digital, 'active');
    assert.deepEqual(
      engine.contact('c1')?.guests.map((g) => g.agentId),
      ['bob'],
    );
    assert.equal(
      code(() => engine.invite('ann', 'c1', 'sales')),
      'group_chat_full',
    );
    assert.equal(
      code(() => engine.invite('bob', 'c1', 'sales')),
      'group_chat_full',
    );
  });

  test('an agent who declined is not invited again until another agent has accepted', () => {
    const { engine } = chatInProgress();
    engine.invite('ann', 'c1', 'billing');
    engine.declineInvite('bob', 'c1');
    assert.equal(engine.agent('bob')?.state.digital, 'ready', 'declining keeps the agent Ready');
    const second = engine.invite('ann', 'c1', 'billing').find((e) => e.type === 'contact.invited');
    assert.equal(second?.type === 'contact.invited' && second.agentId, 'cy');
    engine.declineInvite('cy', 'c1');
    assert.deepEqual(
      engine.inviteTargets('ann', 'c1').find((t) => t.csqId === 'billing'),
      {
        csqId: 'billing',
        available: 1,
      },
    );
    engine.invite('ann', 'c1', 'billing');
    engine.declineInvite('dee', 'c1');
    assert.equal(
      code(() => engine.invite('ann', 'c1', 'billing')),
      'no_agent_available',
    );
    // Eve joins from sales and leaves: the decliners may be asked again.
    engine.invite('ann', 'c1', 'sales');
    engine.acceptInvite('eve', 'c1');
    engine.leave('eve', 'c1');
    const again = engine.invite('ann', 'c1', 'billing').find((e) => e.type === 'contact.invited');
    assert.equal(again?.type === 'contact.invited' && again.agentId, 'bob');
  });

  test('an invitation left ringing ends at the no-answer timeout; the invitee goes Not Ready', () => {
    const { engine, clock } = chatInProgress();
    engine.invite('ann', 'c1', 'billing');
    clock.advance(engine.params.noAnswerTimeoutMs.chat);
    const events = engine.tick();
    assert.deepEqual(types(events), ['contact.invite_ended']);
    assert.equal(engine.agent('bob')?.state.digital, 'not_ready');
    assert.equal(engine.contact('c1')?.status, 'active', 'the chat carries on with its owner');
    assert.deepEqual(engine.contact('c1')?.decliners, ['bob']);
  });

  test('the owner leaves: the guest owns the chat, ends it and wraps it up', () => {
    const { engine } = chatInProgress();
    engine.invite('ann', 'c1', 'billing');
    engine.acceptInvite('bob', 'c1');
    const left = engine.leave('ann', 'c1').find((e) => e.type === 'contact.participant_left');
    assert.deepEqual(left?.type === 'contact.participant_left' && [left.agentId, left.ownerId], [
      'ann',
      'bob',
    ]);
    assert.equal(engine.agent('ann')?.load.chat, 0);
    assert.equal(engine.contact('c1')?.agentId, 'bob');
    assert.equal(
      code(() => engine.leave('bob', 'c1')),
      'conflict',
      'the last agent ends the chat instead',
    );
    engine.complete('bob', 'c1');
    assert.equal(engine.contact('c1')?.status, 'wrap_up');
  });

  test('the customer leaves while an invitation rings: it stops with the customer as the cause', () => {
    const { engine } = chatInProgress();
    engine.invite('ann', 'c1', 'billing');
    const ended = engine.customerLeft('c1').find((e) => e.type === 'contact.invite_ended');
    assert.equal(ended?.type === 'contact.invite_ended' && ended.cause, 'customer');
    assert.equal(engine.agent('bob')?.state.digital, 'ready');
    assert.equal(engine.agent('bob')?.load.chat, 0);
  });

  test('the chat ends with a guest in: the guest is free at once, the owner wraps up', () => {
    const { engine } = chatInProgress();
    engine.invite('ann', 'c1', 'billing');
    engine.acceptInvite('bob', 'c1');
    const events = engine.complete('ann', 'c1');
    assert.deepEqual(types(events), ['contact.participant_left', 'contact.wrap_up_started']);
    assert.equal(engine.agent('bob')?.load.chat, 0);
    assert.equal(engine.agent('ann')?.load.chat, 1);
  });

  test('a chat with a guest or a ringing invitation cannot be transferred or requeued', () => {
    const { engine } = chatInProgress();
    engine.invite('ann', 'c1', 'billing');
    assert.equal(
      code(() => engine.transfer('ann', 'c1', { csqId: 'sales' })),
      'conflict',
    );
    engine.acceptInvite('bob', 'c1');
    assert.equal(
      code(() => engine.requeue('ann', 'c1', 'sales')),
      'conflict',
    );
  });

  test('signing out: a guest leaves the chat, an owner hands it to the guest, an invitee stops ringing', () => {
    const { engine } = chatInProgress();
    engine.invite('ann', 'c1', 'billing');
    engine.setAgentState('bob', 'digital', 'logged_out');
    assert.equal(engine.contact('c1')?.invite, null);
    engine.invite('ann', 'c1', 'billing');
    engine.acceptInvite('cy', 'c1');
    engine.setAgentState('ann', 'digital', 'logged_out');
    assert.equal(engine.contact('c1')?.agentId, 'cy');
    assert.equal(engine.contact('c1')?.status, 'active');
    assert.deepEqual(engine.contact('c1')?.guests, []);
  });

  test('a restart keeps the guest in the chat and stops a ringing invitation', () => {
    const { engine, clock } = chatInProgress();
    engine.invite('ann', 'c1', 'billing');
    engine.acceptInvite('bob', 'c1');
    engine.leave('bob', 'c1');
    engine.setAgentState('bob', 'digital', 'not_ready', 1);
    engine.invite('ann', 'c1', 'billing');
    engine.acceptInvite('cy', 'c1');
    const view = engine.view();
    const restored = new AcdEngine(clock);
    for (const q of ['support', 'billing', 'sales'])
      restored.configureCsq({
        id: q,
        channel: 'chat',
        skills: [{ skillId: q, minCompetence: 1 }],
        criterion: 'longest_available',
      });
    restored.restore(
      view.agents.map((a) => ({
        config: {
          id: a.id,
          skills: a.skills,
          capacity: a.capacity,
          offerChatWhileOnVoice: false,
          offerVoiceWhileOnChat: false,
        },
        chosen: a.chosen,
        reasonCode: a.reasonCode,
      })),
      view.contacts.map((c) => ({
        ...c,
        status: c.status as 'active',
        invite: { agentId: 'dee', inviterId: 'ann', csqId: 'billing', notes: null, at: 0, deadline: 1 },
      })),
    );
    assert.deepEqual(
      restored.contact('c1')?.guests.map((g) => g.agentId),
      ['cy'],
    );
    assert.equal(restored.agent('cy')?.load.chat, 1);
    assert.equal(restored.contact('c1')?.invite, null);
    assert.equal(restored.agent('dee')?.state.digital, 'ready');
  });
});
