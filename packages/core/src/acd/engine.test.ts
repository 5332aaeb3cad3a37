import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ManualClock } from '../clock.ts';
import { AcdEngine } from './engine.ts';
import type { AcdEvent } from './events.ts';
import type { AgentConfig, CsqConfig } from './model.ts';

const agent = (
  id: string,
  skills: Record<string, number>,
  overrides: Partial<AgentConfig> = {},
): AgentConfig => ({
  id,
  skills,
  capacity: { chat: 2, email: 3 },
  offerChatWhileOnVoice: false,
  offerVoiceWhileOnChat: false,
  ...overrides,
});

const csq = (id: string, overrides: Partial<CsqConfig> = {}): CsqConfig => ({
  id,
  channel: 'chat',
  skills: [{ skillId: 's1', minCompetence: 1 }],
  criterion: 'longest_available',
  ...overrides,
});

function setup() {
  const clock = new ManualClock();
  const engine = new AcdEngine(clock);
  return { clock, engine };
}

const offers = (events: AcdEvent[]) =>
  events
    .filter((e) => e.type === 'contact.offered')
    .map((e) => (e.type === 'contact.offered' ? `${e.contactId}->${e.agentId}` : ''));

describe('routing', () => {
  test('Most Skilled sums competences over the CSQ skills (Skill1 5 + Skill3 7 = 12 beats 11)', () => {
    const { engine, clock } = setup();
    engine.configureCsq(
      csq('q', {
        criterion: 'most_skilled',
        skills: [
          { skillId: 'skill1', minCompetence: 1 },
          { skillId: 'skill3', minCompetence: 1 },
        ],
      }),
    );
    engine.upsertAgent(agent('twelve', { skill1: 5, skill2: 6, skill3: 7 }));
    engine.upsertAgent(agent('eleven', { skill1: 9, skill2: 10, skill3: 2 }));
    engine.setAgentState('twelve', 'digital', 'ready');
    clock.advance(1000);
    engine.setAgentState('eleven', 'digital', 'ready');
    assert.deepEqual(
      offers(engine.createContact({ id: 'c1', channel: 'chat', csqId: 'q', callType: 'web', priority: 5 })),
      ['c1->twelve'],
    );
  });

  test('Longest Available picks the agent ready the longest; ties go to the earlier state change', () => {
    const { engine, clock } = setup();
    engine.configureCsq(csq('q'));
    for (const id of ['a', 'b', 'c']) engine.upsertAgent(agent(id, { s1: 5 }));
    engine.setAgentState('b', 'digital', 'ready');
    clock.advance(10);
    engine.setAgentState('a', 'digital', 'ready');
    engine.setAgentState('c', 'digital', 'ready');
    assert.deepEqual(
      offers(engine.createContact({ id: 'c1', channel: 'chat', csqId: 'q', callType: 'x', priority: 5 })),
      ['c1->b'],
    );
    assert.deepEqual(
      offers(engine.createContact({ id: 'c2', channel: 'chat', csqId: 'q', callType: 'x', priority: 5 })),
      ['c2->a'],
    );
  });

  test('within a CSQ, higher priority first, then oldest first', () => {
    const { engine, clock } = setup();
    engine.configureCsq(csq('q'));
    engine.upsertAgent(agent('a', { s1: 5 }, { capacity: { chat: 1, email: 1 } }));
    engine.createContact({ id: 'old', channel: 'chat', csqId: 'q', callType: 'x', priority: 5 });
    clock.advance(1000);
    engine.createContact({ id: 'urgent', channel: 'chat', csqId: 'q', callType: 'x', priority: 9 });
    engine.createContact({ id: 'new', channel: 'chat', csqId: 'q', callType: 'x', priority: 5 });
    assert.deepEqual(offers(engine.setAgentState('a', 'digital', 'ready')), ['urgent->a']);
    engine.accept('a', 'urgent');
    engine.complete('a', 'urgent');
    assert.deepEqual(offers(engine.endWrapUp('a', 'urgent', { reasons: [] })), ['old->a']);
  });

  test('an offer not accepted in time goes back to its place and the agent goes Not Ready', () => {
    const { engine, clock } = setup();
    engine.configureCsq(csq('q'));
    engine.upsertAgent(agent('a', { s1: 5 }));
    engine.upsertAgent(agent('b', { s1: 5 }));
    engine.setAgentState('a', 'digital', 'ready');
    engine.createContact({ id: 'c1', channel: 'chat', csqId: 'q', callType: 'x', priority: 5 });
    clock.advance(engine.params.noAnswerTimeoutMs.chat);
    const events = engine.tick();
    assert.ok(events.some((e) => e.type === 'contact.offer_withdrawn' && e.cause === 'no_answer'));
    assert.ok(
      events.some((e) => e.type === 'agent.state_changed' && e.agentId === 'a' && e.state === 'not_ready'),
    );
    assert.deepEqual(offers(engine.setAgentState('b', 'digital', 'ready')), ['c1->b']);
  });

  test('requeue never returns the contact to the agent who requeued it', () => {
    const { engine } = setup();
    engine.configureCsq(csq('q'));
    engine.configureCsq(csq('q2'));
    engine.upsertAgent(agent('a', { s1: 5 }));
    engine.setAgentState('a', 'digital', 'ready');
    engine.createContact({ id: 'c1', channel: 'chat', csqId: 'q', callType: 'x', priority: 5 });
    engine.accept('a', 'c1');
    assert.deepEqual(offers(engine.requeue('a', 'c1', 'q2')), []);
    engine.upsertAgent(agent('b', { s1: 5 }));
    assert.deepEqual(offers(engine.setAgentState('b', 'digital', 'ready')), ['c1->b']);
  });

  test('a sticky email waits for its last agent, then goes to anyone', () => {
    const { engine, clock } = setup();
    engine.configureCsq(csq('mail', { channel: 'email' }));
    engine.upsertAgent(agent('last', { s1: 5 }));
    engine.upsertAgent(agent('other', { s1: 5 }));
    engine.setAgentState('other', 'digital', 'ready');
    const created = engine.createContact({
      id: 'reply',
      channel: 'email',
      csqId: 'mail',
      callType: 'mailbox',
      priority: 5,
      stickyAgentId: 'last',
    });
    assert.deepEqual(offers(created), []);
    clock.advance(engine.params.stickyEmailTimeoutMs);
    assert.deepEqual(offers(engine.tick()), ['reply->other']);
  });

  test('a sticky email sent on to a CSQ by its agent waits for anyone, not for that agent', () => {
    const { engine } = setup();
    engine.configureCsq(csq('mail', { channel: 'email' }));
    engine.upsertAgent(agent('last', { s1: 5 }, { capacity: { chat: 1, email: 1 } }));
    engine.upsertAgent(agent('other', { s1: 5 }));
    engine.setAgentState('last', 'digital', 'ready');
    engine.createContact({
      id: 'reply',
      channel: 'email',
      csqId: 'mail',
      callType: 'mailbox',
      priority: 5,
      stickyAgentId: 'last',
    });
    engine.setAgentState('last', 'digital', 'not_ready');
    engine.setAgentState('other', 'digital', 'ready');
    assert.deepEqual(offers(engine.transfer('last', 'reply', { csqId: 'mail' })), ['reply->other']);
    assert.equal(engine.contact('reply')?.stickyAgentId, null);
  });

  test('a sticky email whose agent no longer serves the CSQ goes back to the CSQ for anyone', () => {
    const { engine } = setup();
    engine.configureCsq(csq('mail', { channel: 'email' }));
    engine.upsertAgent(agent('last', { s1: 5 }));
    engine.upsertAgent(agent('other', { s1: 5 }));
    engine.setAgentState('last', 'digital', 'ready');
    engine.createContact({
      id: 'reply',
      channel: 'email',
      csqId: 'mail',
      callType: 'mailbox',
      priority: 5,
      stickyAgentId: 'last',
    });
    engine.upsertAgent(agent('last', {}));
    engine.setAgentState('other', 'digital', 'ready');
    // Signing out hands the email back: it must not wait in the line of an agent without the skill.
    assert.deepEqual(offers(engine.setAgentState('last', 'digital', 'logged_out')), ['reply->other']);
  });

  test('email is accepted at once, up to the email capacity', () => {
    const { engine } = setup();
    engine.configureCsq(csq('mail', { channel: 'email' }));
    engine.upsertAgent(agent('a', { s1: 5 }, { capacity: { chat: 1, email: 2 } }));
    for (const id of ['e1', 'e2', 'e3'])
      engine.createContact({ id, channel: 'email', csqId: 'mail', callType: 'm', priority: 5 });
    const events = engine.setAgentState('a', 'digital', 'ready');
    assert.deepEqual(
      events
        .filter((e) => e.type === 'contact.accepted')
        .map((e) => (e.type === 'contact.accepted' ? e.contactId : '')),
      ['e1', 'e2'],
    );
    assert.equal(engine.view().csqs[0]?.waiting, 1);
  });

  test('no chat while on a voice call unless the agent allows it', () => {
    const { engine } = setup();
    engine.configureCsq(csq('phone', { channel: 'voice' }));
    engine.configureCsq(csq('web'));
    engine.upsertAgent(agent('a', { s1: 5 }));
    engine.setAgentState('a', 'voice', 'ready');
    engine.setAgentState('a', 'digital', 'ready');
    engine.createContact({ id: 'call', channel: 'voice', csqId: 'phone', callType: 'dn', priority: 5 });
    engine.accept('a', 'call');
    assert.deepEqual(
      offers(engine.createContact({ id: 'chat', channel: 'chat', csqId: 'web', callType: 'w', priority: 5 })),
      [],
    );
    assert.deepEqual(offers(engine.upsertAgent(agent('a', { s1: 5 }, { offerChatWhileOnVoice: true }))), [
      'chat->a',
    ]);
  });

  test('signing out hands active chats back to their queue', () => {
    const { engine } = setup();
    engine.configureCsq(csq('q'));
    engine.upsertAgent(agent('a', { s1: 5 }));
    engine.setAgentState('a', 'digital', 'ready');
    engine.createContact({ id: 'c1', channel: 'chat', csqId: 'q', callType: 'x', priority: 5 });
    engine.accept('a', 'c1');
    const events = engine.setAgentState('a', 'digital', 'logged_out', 3);
    assert.ok(events.some((e) => e.type === 'contact.queued' && e.cause === 'logout'));
    assert.deepEqual(
      engine.view().contacts.map((c) => c.status),
      ['queued'],
    );
  });

  test('dynamic reskilling applies to the next decision', () => {
    const { engine } = setup();
    engine.configureCsq(csq('q', { skills: [{ skillId: 's1', minCompetence: 6 }] }));
    engine.upsertAgent(agent('a', { s1: 5 }));
    engine.setAgentState('a', 'digital', 'ready');
    assert.deepEqual(
      offers(engine.createContact({ id: 'c1', channel: 'chat', csqId: 'q', callType: 'x', priority: 5 })),
      [],
    );
    assert.deepEqual(offers(engine.upsertAgent(agent('a', { s1: 6 }))), ['c1->a']);
  });

  test('circular gives each agent the next contact in turn', () => {
    const { engine } = setup();
    engine.configureCsq(csq('q', { channel: 'voice', criterion: 'circular', agentOrder: ['a', 'b', 'c'] }));
    for (const id of ['a', 'b', 'c']) {
      engine.upsertAgent(agent(id, { s1: 5 }));
      engine.setAgentState(id, 'voice', 'ready');
    }
    const picked: string[] = [];
    for (let i = 0; i < 4; i++) {
      const events = engine.createContact({
        id: `c${i}`,
        channel: 'voice',
        csqId: 'q',
        callType: 'x',
        priority: 5,
      });
      const offered = events.find((e) => e.type === 'contact.offered');
      if (offered?.type === 'contact.offered') {
        picked.push(offered.agentId);
        engine.accept(offered.agentId, `c${i}`);
        engine.complete(offered.agentId, `c${i}`);
        engine.endWrapUp(offered.agentId, `c${i}`, { reasons: [] });
      }
    }
    assert.deepEqual(picked, ['a', 'b', 'c', 'a']);
  });
});

describe('chat timeouts', () => {
  test('a chat still waiting after the join timeout is told so once, and stays queued', () => {
    const { engine, clock } = setup();
    engine.configureCsq(csq('q'));
    engine.createContact({ id: 'c1', channel: 'chat', csqId: 'q', callType: 'x', priority: 5 });
    clock.advance(engine.params.joinTimeoutMs);
    const events = engine.tick();
    assert.deepEqual(
      events.map((e) => e.type),
      ['contact.join_timeout'],
    );
    clock.advance(engine.params.joinTimeoutMs);
    assert.deepEqual(engine.tick(), []);
    assert.equal(engine.contact('c1')?.status, 'queued');
  });

  test('an active chat whose customer stays silent ends by inactivity; activity restarts the clock', () => {
    const { engine, clock } = setup();
    engine.configureCsq(csq('q'));
    engine.upsertAgent(agent('a', { s1: 5 }));
    engine.setAgentState('a', 'digital', 'ready');
    engine.createContact({ id: 'c1', channel: 'chat', csqId: 'q', callType: 'x', priority: 5 });
    engine.accept('a', 'c1');
    clock.advance(engine.params.inactivityTimeoutMs - 1000);
    engine.customerActivity('c1');
    clock.advance(engine.params.inactivityTimeoutMs - 1000);
    assert.equal(engine.tick().length, 0);
    clock.advance(1000);
    const events = engine.tick();
    assert.ok(events.some((e) => e.type === 'contact.wrap_up_started'));
    assert.equal(engine.contact('c1')?.status, 'wrap_up');
  });
});

describe('recovery', () => {
  test('after a restart waiting contacts keep their place, offers are requeued, work in progress stays', () => {
    const { engine, clock } = setup();
    engine.configureCsq(csq('q'));
    engine.upsertAgent(agent('busy', { s1: 5 }, { capacity: { chat: 1, email: 1 } }));
    engine.upsertAgent(agent('ringing', { s1: 5 }, { capacity: { chat: 1, email: 1 } }));
    engine.setAgentState('busy', 'digital', 'ready');
    engine.createContact({ id: 'active', channel: 'chat', csqId: 'q', callType: 'x', priority: 5 });
    engine.accept('busy', 'active');
    engine.setAgentState('ringing', 'digital', 'ready');
    engine.createContact({ id: 'offered', channel: 'chat', csqId: 'q', callType: 'x', priority: 5 });
    clock.advance(1000);
    engine.createContact({ id: 'first', channel: 'chat', csqId: 'q', callType: 'x', priority: 5 });
    clock.advance(1000);
    engine.createContact({ id: 'second', channel: 'chat', csqId: 'q', callType: 'x', priority: 5 });
    const before = engine.view();

    clock.advance(5000);
    const restarted = new AcdEngine(clock);
    restarted.configureCsq(csq('q'));
    const snapshots = before.agents.map((a) => ({
      config: agent(a.id, a.skills, { capacity: { chat: 1, email: 1 } }),
      chosen: a.chosen,
      reasonCode: a.reasonCode,
    }));
    const contacts = before.contacts.map((c) => ({
      ...c,
      status: c.status as 'queued' | 'offered' | 'active' | 'wrap_up',
    }));
    const events = restarted.restore(snapshots, contacts);
    const after = new Map(restarted.view().contacts.map((c) => [c.id, c]));
    assert.equal(after.get('active')?.status, 'active');
    assert.equal(after.get('active')?.agentId, 'busy');
    // The ringing offer went back to the queue and, as the oldest, was offered again first.
    assert.deepEqual(offers(events), ['offered->ringing']);
    assert.equal(after.get('first')?.queuedAt, before.contacts.find((c) => c.id === 'first')?.queuedAt);
    engine.complete('busy', 'active');
    restarted.complete('busy', 'active');
    assert.deepEqual(offers(restarted.endWrapUp('busy', 'active', { reasons: [] })), ['first->busy']);
  });
});
