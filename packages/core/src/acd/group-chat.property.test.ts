import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ManualClock } from '../clock.ts';
import { SwitchboardError } from '../errors.ts';
import { AcdEngine } from './engine.ts';
import type { AcdEvent } from './events.ts';
import type { AgentConfig, CsqConfig } from './model.ts';
import type { AcdView } from './view.ts';

const CSQS: CsqConfig[] = [
  {
    id: 'web',
    channel: 'chat',
    skills: [{ skillId: 'web', minCompetence: 1 }],
    criterion: 'longest_available',
  },
  {
    id: 'expert',
    channel: 'chat',
    skills: [{ skillId: 'expert', minCompetence: 5 }],
    criterion: 'most_skilled',
  },
];
const AGENTS = ['a0', 'a1', 'a2', 'a3'];
const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;

const agentArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    skills: fc.record({ web: fc.integer({ min: 1, max: 10 }), expert: fc.integer({ min: 1, max: 10 }) }),
    capacity: fc.record({ chat: fc.integer({ min: 1, max: 3 }), email: fc.constant(1) }),
    offerChatWhileOnVoice: fc.constant(false),
    offerVoiceWhileOnChat: fc.constant(false),
  });

const commandArb = fc.record({
  kind: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('invite', 'accept_invite', 'accept') },
    { weight: 2, arbitrary: fc.constantFrom('create', 'ready', 'decline_invite', 'leave', 'wait') },
    { weight: 1, arbitrary: fc.constantFrom('complete', 'wrap_up', 'not_ready', 'logout', 'customer_left') },
  ),
  n: fc.nat(),
  m: fc.nat(),
});

/** Invariants of group chat that hold after every decision, whatever came before. */
function check(view: AcdView, configs: Map<string, AgentConfig>): void {
  const contacts = new Map(view.contacts.map((c) => [c.id, c]));
  for (const agent of view.agents) {
    const inChats = view.contacts.filter(
      (c) => c.agentId === agent.id || c.guests.some((g) => g.agentId === agent.id),
    );
    const held = inChats.filter((c) => c.status !== 'offered').length;
    assert.equal(agent.load.chat, held, `${agent.id} load counts every chat they are in, as owner or guest`);
    assert.ok(held <= (configs.get(agent.id) as AgentConfig).capacity.chat, `${agent.id} over capacity`);
    const pending = agent.pendingOffer.digital;
    if (pending !== null) {
      const contact = contacts.get(pending);
      assert.ok(
        contact?.invite?.agentId === agent.id ||
          (contact?.status === 'offered' && contact.agentId === agent.id),
        `${agent.id} reserved for ${pending} without an offer or invitation`,
      );
    }
  }
  for (const contact of view.contacts) {
    const agents = [contact.agentId, ...contact.guests.map((g) => g.agentId)];
    assert.ok(agents.length <= 2, `${contact.id}: at most two agents with the customer`);
    assert.equal(new Set(agents).size, agents.length);
    if (contact.status !== 'active') assert.deepEqual(contact.guests, [], 'only an active chat has guests');
    if (contact.invite) {
      assert.equal(contact.status, 'active');
      assert.equal(contact.guests.length, 0, 'no invitation while two agents are in');
      assert.ok(!agents.includes(contact.invite.agentId));
      assert.ok(!contact.decliners.includes(contact.invite.agentId), 'a decliner is not invited again');
      const invitee = view.agents.find((a) => a.id === contact.invite?.agentId);
      assert.equal(invitee?.pendingOffer.digital, contact.id);
    }
  }
}

test('group chat keeps capacity, participant and invitation rules over random sequences (property)', () => {
  let joined = 0;
  fc.assert(
    fc.property(
      fc.tuple(...AGENTS.map(agentArb)),
      fc.array(commandArb, { minLength: 30, maxLength: 150 }),
      (agents, commands) => {
        const clock = new ManualClock();
        const engine = new AcdEngine(clock);
        const twin = new AcdEngine(clock, undefined, { selection: 'scan' });
        const configs = new Map<string, AgentConfig>(agents.map((a) => [a.id, a]));
        for (const e of [engine, twin]) {
          for (const q of CSQS) e.configureCsq(q);
          for (const a of agents) {
            e.upsertAgent(a);
            e.setAgentState(a.id, 'digital', 'ready');
          }
        }
        const endings = new Map<string, number>();
        const created: string[] = [];
        const run = (command: (e: AcdEngine) => AcdEvent[]) => {
          const attempt = (e: AcdEngine) => {
            try {
              return command(e);
            } catch (error) {
              if (error instanceof SwitchboardError) return error.code;
              throw error;
            }
          };
          const events = attempt(engine);
          assert.deepEqual(attempt(twin), events, 'the scanning twin decided differently');
          if (typeof events === 'string') return;
          for (const e of events) {
            if (e.type === 'contact.ended') endings.set(e.contactId, (endings.get(e.contactId) ?? 0) + 1);
            if (e.type === 'contact.participant_joined') joined++;
          }
          check(engine.view(), configs);
        };
        const contacts = (status?: string) =>
          engine.view().contacts.filter((c) => status === undefined || c.status === status);
        for (const [i, { kind, n, m }] of commands.entries()) {
          const agentId = pick(AGENTS, n);
          switch (kind) {
            case 'create': {
              const id = `c${i}`;
              created.push(id);
              run((e) =>
                e.createContact({ id, channel: 'chat', csqId: pick(CSQS, m).id, callType: 'x', priority: 5 }),
              );
              break;
            }
            case 'ready':
            case 'not_ready':
            case 'logout':
              run((e) =>
                e.setAgentState(
                  agentId,
                  'digital',
                  kind === 'logout' ? 'logged_out' : kind,
                  kind === 'ready' ? null : 1,
                ),
              );
              break;
            case 'accept': {
              const c = contacts('offered').at(n % Math.max(1, contacts('offered').length));
              if (c?.agentId) run((e) => e.accept(c.agentId as string, c.id));
              break;
            }
            case 'invite': {
              const active = contacts('active');
              const c = active.length ? pick(active, n) : undefined;
              if (!c?.agentId) break;
              const inviter = pick([c.agentId, ...c.guests.map((g) => g.agentId)], m);
              run((e) => e.invite(inviter, c.id, pick(CSQS, m).id, null));
              break;
            }
            case 'accept_invite':
            case 'decline_invite': {
              const invited = contacts().filter((c) => c.invite);
              const c = invited.length ? pick(invited, n) : undefined;
              const invitee = c?.invite?.agentId;
              if (c && invitee)
                run((e) =>
                  kind === 'accept_invite' ? e.acceptInvite(invitee, c.id) : e.declineInvite(invitee, c.id),
                );
              break;
            }
            case 'leave': {
              const active = contacts('active');
              const c = active.length ? pick(active, n) : undefined;
              if (c?.agentId)
                run((e) => e.leave(pick([c.agentId as string, ...c.guests.map((g) => g.agentId)], m), c.id));
              break;
            }
            case 'complete': {
              const active = contacts('active');
              const c = active.length ? pick(active, n) : undefined;
              if (c?.agentId) run((e) => e.complete(c.agentId as string, c.id));
              break;
            }
            case 'customer_left': {
              const all = contacts();
              if (all.length) run((e) => e.customerLeft(pick(all, n).id));
              break;
            }
            case 'wrap_up': {
              const c = contacts('wrap_up').at(0);
              if (c?.agentId) run((e) => e.endWrapUp(c.agentId as string, c.id, { reasons: [] }));
              break;
            }
            case 'wait':
              clock.advance(1000 + (m % (n % 8 === 0 ? 40_000 : 5_000)));
              run((e) => e.tick());
              break;
          }
        }
        for (const c of contacts()) run((e) => e.customerLeft(c.id));
        for (const c of contacts())
          if (c.agentId) run((e) => e.endWrapUp(c.agentId as string, c.id, { reasons: [] }));
        assert.deepEqual(contacts(), []);
        for (const id of created) assert.equal(endings.get(id), 1, `${id} ended ${endings.get(id)} times`);
        for (const a of engine.view().agents) {
          assert.equal(a.load.chat, 0);
          assert.equal(a.pendingOffer.digital, null);
        }
      },
    ),
    { numRuns: 200 },
  );
  assert.ok(joined > 50, `the sequences exercised group chats (${joined} joins)`);
});
