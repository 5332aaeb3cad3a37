import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ManualClock } from '../clock.ts';
import { SwitchboardError } from '../errors.ts';
import { AcdEngine } from './engine.ts';
import type { AcdEvent } from './events.ts';
import { type AgentConfig, type Channel, type CsqConfig, domainOf } from './model.ts';
import type { AcdView, AgentView, ContactView } from './view.ts';

const SKILLS = ['s1', 's2', 's3'];
const CSQS: CsqConfig[] = [
  {
    id: 'chat-a',
    channel: 'chat',
    skills: [{ skillId: 's1', minCompetence: 3 }],
    criterion: 'longest_available',
  },
  {
    id: 'chat-b',
    channel: 'chat',
    skills: [
      { skillId: 's1', minCompetence: 1 },
      { skillId: 's2', minCompetence: 5 },
    ],
    criterion: 'most_skilled',
  },
  {
    id: 'mail',
    channel: 'email',
    skills: [{ skillId: 's3', minCompetence: 2 }],
    criterion: 'longest_available',
  },
  {
    id: 'phone',
    channel: 'voice',
    skills: [{ skillId: 's2', minCompetence: 2 }],
    criterion: 'circular',
    agentOrder: ['a2', 'a0'],
  },
  {
    id: 'phone-2',
    channel: 'voice',
    skills: [{ skillId: 's1', minCompetence: 1 }],
    criterion: 'shortest_aht',
  },
];
const AGENTS = ['a0', 'a1', 'a2', 'a3', 'a4'];

const skillsArb = fc
  .record(Object.fromEntries(SKILLS.map((s) => [s, fc.integer({ min: 0, max: 10 })])))
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v > 0)));
const agentArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    skills: skillsArb,
    capacity: fc.record({ chat: fc.integer({ min: 1, max: 3 }), email: fc.integer({ min: 1, max: 3 }) }),
    offerChatWhileOnVoice: fc.boolean(),
    offerVoiceWhileOnChat: fc.boolean(),
  });

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;

const commandArb = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      csq: fc.nat(),
      priority: fc.integer({ min: 1, max: 10 }),
      sticky: fc.nat(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('state' as const),
      agent: fc.nat(),
      voice: fc.boolean(),
      to: fc.constantFrom('ready', 'ready', 'not_ready', 'logged_out'),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constantFrom('accept' as const, 'reject' as const), agent: fc.nat() }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom('complete' as const, 'wrapup' as const, 'left' as const),
      contact: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('requeue' as const, 'transfer_csq' as const, 'transfer_agent' as const),
      contact: fc.nat(),
      target: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('reskill' as const), agent: fc.nat(), config: agentArb('x') }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 40_000 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('invite' as const, 'answer' as const, 'leave' as const),
      contact: fc.nat(),
      csq: fc.nat(),
      who: fc.nat(),
      accept: fc.boolean(),
    }),
  },
);

function canTake(agent: AgentView, channel: Channel, configs: Map<string, AgentConfig>): boolean {
  const domain = domainOf(channel);
  const config = configs.get(agent.id) as AgentConfig;
  if (agent.chosen[domain] !== 'ready' || agent.pendingOffer[domain] !== null) return false;
  if (channel === 'voice') return agent.load.voice === 0;
  if (channel === 'email') return agent.load.email < config.capacity.email;
  return agent.load.chat < config.capacity.chat;
}

const before = (a: ContactView, b: ContactView) =>
  a.priority !== b.priority
    ? a.priority > b.priority
    : a.queuedAt !== b.queuedAt
      ? a.queuedAt < b.queuedAt
      : a.seq < b.seq;

/**
 * Lowering an agent's capacity leaves contacts in progress alone, an offer already ringing included
 * (it was made under the old capacity and may still be accepted); no new contact may go past it.
 */
function checkState(view: AcdView, viewBefore: AcdView, configs: Map<string, AgentConfig>): void {
  const channelBefore = new Map(viewBefore.contacts.map((c) => [c.id, c.channel]));
  const loadBefore = new Map(
    viewBefore.agents.map((a) => {
      const ringing = a.pendingOffer.digital === null ? undefined : channelBefore.get(a.pendingOffer.digital);
      const load = { ...a.load };
      if (ringing === 'chat' || ringing === 'email') load[ringing] += 1;
      return [a.id, load];
    }),
  );
  const contacts = new Map(view.contacts.map((c) => [c.id, c]));
  for (const agent of view.agents) {
    const config = configs.get(agent.id) as AgentConfig;
    assert.ok(agent.load.voice <= 1, `${agent.id} has ${agent.load.voice} calls`);
    const earlier = loadBefore.get(agent.id);
    for (const channel of ['chat', 'email'] as const) {
      const allowed = Math.max(config.capacity[channel], earlier?.[channel] ?? 0);
      assert.ok(agent.load[channel] <= allowed, `${agent.id} over ${channel} capacity`);
    }
    for (const domain of ['voice', 'digital'] as const) {
      const pending = agent.pendingOffer[domain];
      assert.equal(
        agent.state[domain] === 'reserved',
        pending !== null,
        `${agent.id} reserved iff an offer is pending`,
      );
      if (pending !== null) {
        const offered = contacts.get(pending);
        if (offered?.invite?.agentId === agent.id) assert.equal(offered.status, 'active');
        else {
          assert.equal(offered?.status, 'offered');
          assert.equal(offered?.agentId, agent.id);
        }
      }
    }
    const held = agent.contacts.map((id) => contacts.get(id));
    for (const contact of held) {
      const inIt = contact?.agentId === agent.id || contact?.guests.some((g) => g.agentId === agent.id);
      assert.ok(
        inIt || contact?.invite?.agentId === agent.id,
        `${agent.id} holds ${contact?.id} it is not in`,
      );
    }
  }
  for (const contact of view.contacts) {
    const agents = [contact.agentId, ...contact.guests.map((g) => g.agentId)];
    assert.ok(
      contact.guests.length === 0 || contact.status === 'active',
      `${contact.id} has guests while ${contact.status}`,
    );
    assert.ok(agents.length <= 2, `${contact.id} has ${agents.length} agents`);
    assert.equal(new Set(agents).size, agents.length, `${contact.id} counts an agent twice`);
    if (contact.invite) {
      assert.equal(contact.guests.length, 0, `${contact.id} invites with two agents in`);
      assert.ok(!agents.includes(contact.invite.agentId), `${contact.id} invited an agent already in it`);
      assert.ok(!contact.decliners.includes(contact.invite.agentId), `${contact.id} re-invited a decliner`);
    }
  }
  for (const contact of view.contacts) {
    if (contact.status === 'offered') {
      const holders = view.agents.filter((a) => Object.values(a.pendingOffer).includes(contact.id));
      assert.equal(holders.length, 1, `${contact.id} is offered to exactly one agent`);
    }
    // Work-conserving: nobody who could take a waiting contact is left idle.
    if (contact.status === 'queued' && contact.stickyAgentId === null) {
      const members = view.csqs.find((q) => q.id === contact.csqId)?.members ?? [];
      const idle = view.agents.filter(
        (a) =>
          members.includes(a.id) && !contact.excluded.includes(a.id) && canTake(a, contact.channel, configs),
      );
      const blocked = idle.filter((a) => {
        const config = configs.get(a.id) as AgentConfig;
        return contact.channel === 'chat'
          ? a.load.voice > 0 && !config.offerChatWhileOnVoice
          : contact.channel === 'voice' && a.load.chat > 0 && !config.offerVoiceWhileOnChat;
      });
      assert.equal(
        idle.length - blocked.length,
        0,
        `${contact.id} waits while ${idle.map((a) => a.id)} could take it`,
      );
    }
  }
}

function checkOffers(
  events: AcdEvent[],
  viewBefore: AcdView,
  csqs: Map<string, CsqConfig>,
  configs: Map<string, AgentConfig>,
  requeuedBy: Map<string, Set<string>>,
): void {
  const directTransfers = new Set(
    events.flatMap((e) => (e.type === 'contact.transferred' && e.toAgentId ? [e.contactId] : [])),
  );
  const offeredInBatch = new Set<string>();
  const waitingBefore = viewBefore.contacts.filter((c) => c.status === 'queued' && c.stickyAgentId === null);
  for (const event of events) {
    if (event.type !== 'contact.offered') continue;
    offeredInBatch.add(event.contactId);
    // A transfer to a named agent is a person's explicit choice; every other offer follows the rules.
    if (directTransfers.has(event.contactId)) continue;
    assert.ok(
      !requeuedBy.get(event.contactId)?.has(event.agentId),
      `${event.contactId} went back to ${event.agentId} after requeue`,
    );
    const config = configs.get(event.agentId) as AgentConfig;
    const csq = csqs.get(event.csqId) as CsqConfig;
    for (const r of csq.skills) {
      assert.ok(
        (config.skills[r.skillId] ?? 0) >= r.minCompetence,
        `${event.agentId} lacks ${r.skillId} for ${csq.id}`,
      );
    }
    const contact = viewBefore.contacts.find((c) => c.id === event.contactId);
    if (!contact || contact.stickyAgentId !== null) continue;
    const jumped = waitingBefore.find(
      (other) =>
        other.csqId === event.csqId &&
        other.id !== contact.id &&
        !offeredInBatch.has(other.id) &&
        !other.excluded.includes(event.agentId) &&
        before(other, contact),
    );
    assert.equal(
      jumped,
      undefined,
      `${event.contactId} was offered to ${event.agentId} ahead of ${jumped?.id}`,
    );
  }
}

test('routing invariants hold over long random sequences of events (property)', () => {
  fc.assert(
    fc.property(
      fc.tuple(...AGENTS.map(agentArb)),
      fc.array(commandArb, { minLength: 20, maxLength: 160 }),
      (agents, commands) => {
        const clock = new ManualClock();
        const engine = new AcdEngine(clock);
        // The same commands go to a twin that finds agents and contacts by scanning: it must decide the same.
        const twin = new AcdEngine(clock, undefined, { selection: 'scan' });
        const configs = new Map<string, AgentConfig>(agents.map((a) => [a.id, a]));
        const csqs = new Map(CSQS.map((q) => [q.id, q]));
        const requeuedBy = new Map<string, Set<string>>();
        const endings = new Map<string, number>();
        const created: string[] = [];
        for (const e of [engine, twin]) {
          for (const q of CSQS) e.configureCsq(q);
          for (const a of agents) e.upsertAgent(a);
        }
        let contactNo = 0;
        const record = (events: AcdEvent[]) => {
          for (const e of events)
            if (e.type === 'contact.ended') endings.set(e.contactId, (endings.get(e.contactId) ?? 0) + 1);
        };
        const attempt = (run: (e: AcdEngine) => AcdEvent[], e: AcdEngine): AcdEvent[] | SwitchboardError => {
          try {
            return run(e);
          } catch (error) {
            if (error instanceof SwitchboardError) return error;
            throw error;
          }
        };
        const apply = (run: (e: AcdEngine) => AcdEvent[], onOk?: () => void) => {
          const viewBefore = engine.view();
          const events = attempt(run, engine);
          assert.deepEqual(attempt(run, twin), events, 'the scanning twin decided differently');
          if (events instanceof SwitchboardError) return;
          onOk?.();
          record(events);
          checkOffers(events, viewBefore, csqs, configs, requeuedBy);
          checkState(engine.view(), viewBefore, configs);
        };
        const someContact = (n: number, status?: string) => {
          const list = engine.view().contacts.filter((c) => !status || c.status === status);
          return list.length ? pick(list, n) : undefined;
        };
        for (const command of commands) {
          switch (command.kind) {
            case 'create': {
              const q = pick(CSQS, command.csq);
              const id = `c${contactNo++}`;
              const stickyAgentId =
                q.channel === 'email' && command.sticky % 3 === 0 ? pick(AGENTS, command.sticky) : undefined;
              apply(
                (e) =>
                  e.createContact({
                    id,
                    channel: q.channel,
                    csqId: q.id,
                    callType: 'x',
                    priority: command.priority,
                    stickyAgentId,
                  }),
                () => created.push(id),
              );
              break;
            }
            case 'state':
              apply((e) =>
                e.setAgentState(
                  pick(AGENTS, command.agent),
                  command.voice ? 'voice' : 'digital',
                  command.to,
                  command.to === 'ready' ? null : 2,
                ),
              );
              break;
            case 'accept':
            case 'reject': {
              const c = someContact(command.agent, 'offered');
              if (c?.agentId)
                apply((e) =>
                  command.kind === 'accept'
                    ? e.accept(c.agentId as string, c.id)
                    : e.reject(c.agentId as string, c.id),
                );
              break;
            }
            case 'complete': {
              const c = someContact(command.contact, 'active');
              if (c?.agentId) apply((e) => e.complete(c.agentId as string, c.id));
              break;
            }
            case 'wrapup': {
              const c = someContact(command.contact, 'wrap_up');
              if (c?.agentId)
                apply((e) =>
                  e.endWrapUp(c.agentId as string, c.id, { reasons: [], next: { state: 'ready' } }),
                );
              break;
            }
            case 'left': {
              const c = someContact(command.contact);
              if (c) apply((e) => e.customerLeft(c.id));
              break;
            }
            case 'requeue':
            case 'transfer_csq':
            case 'transfer_agent': {
              const c = someContact(command.contact, 'active');
              if (!c?.agentId) break;
              const from = c.agentId;
              const sameChannel = CSQS.filter((q) => q.channel === c.channel);
              if (command.kind === 'transfer_agent')
                apply((e) => e.transfer(from, c.id, { agentId: pick(AGENTS, command.target) }));
              else if (command.kind === 'transfer_csq')
                apply((e) => e.transfer(from, c.id, { csqId: pick(sameChannel, command.target).id }));
              else
                apply(
                  (e) => e.requeue(from, c.id, pick(sameChannel, command.target).id),
                  () => requeuedBy.set(c.id, new Set([...(requeuedBy.get(c.id) ?? []), from])),
                );
              break;
            }
            case 'reskill': {
              const config = { ...command.config, id: pick(AGENTS, command.agent) };
              apply(
                (e) => e.upsertAgent(config),
                () => configs.set(config.id, config),
              );
              break;
            }
            case 'wait':
              clock.advance(command.ms);
              apply((e) => e.tick());
              break;
            case 'invite': {
              const chats = engine
                .view()
                .contacts.filter((c) => c.status === 'active' && c.channel === 'chat');
              const c = chats.length ? pick(chats, command.contact) : undefined;
              if (!c?.agentId) break;
              const inviter = pick([c.agentId, ...c.guests.map((g) => g.agentId)], command.who);
              const csq = pick(
                CSQS.filter((q) => q.channel === 'chat'),
                command.csq,
              );
              apply(
                (e) => e.invite(inviter, c.id, csq.id, null),
                () => {
                  const invitee = engine.contact(c.id)?.invite?.agentId as string;
                  const config = configs.get(invitee) as AgentConfig;
                  for (const r of csq.skills)
                    assert.ok(
                      (config.skills[r.skillId] ?? 0) >= r.minCompetence,
                      `${invitee} lacks ${r.skillId}`,
                    );
                },
              );
              break;
            }
            case 'answer': {
              const invited = engine.view().contacts.filter((c) => c.invite !== null);
              const c = invited.length ? pick(invited, command.contact) : undefined;
              const invitee = c?.invite?.agentId;
              if (c && invitee)
                apply((e) =>
                  command.accept ? e.acceptInvite(invitee, c.id) : e.declineInvite(invitee, c.id),
                );
              break;
            }
            case 'leave': {
              const c = someContact(command.contact, 'active');
              if (!c?.agentId) break;
              apply((e) =>
                e.leave(pick([c.agentId as string, ...c.guests.map((g) => g.agentId)], command.who), c.id),
              );
              break;
            }
          }
        }
        // Drain: every customer leaves and every wrap-up ends; then every contact has exactly one outcome.
        for (const c of engine.view().contacts) apply((e) => e.customerLeft(c.id));
        for (const c of engine.view().contacts)
          if (c.agentId) apply((e) => e.endWrapUp(c.agentId as string, c.id, { reasons: [] }));
        assert.deepEqual(engine.view().contacts, []);
        for (const id of created) assert.equal(endings.get(id), 1, `${id} ended ${endings.get(id)} times`);
        for (const a of engine.view().agents) {
          assert.equal(a.load.chat + a.load.email + a.load.voice, 0);
          assert.ok(a.state.voice !== 'reserved' && a.state.digital !== 'reserved');
        }
      },
    ),
    { numRuns: 300 },
  );
});
