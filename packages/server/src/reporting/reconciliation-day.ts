import { type AcdEngine, intervalAt, mulberry32 } from '@switchboard/core';
import {
  AFTER_CALL_CODE,
  BREAK_CODE,
  type Center,
  type CenterAgent,
  type CsqName,
  INTERVAL_MS,
  TIME_ZONE,
} from './reconciliation-center.ts';
import {
  agentStep,
  arrive,
  capture,
  customerStep,
  domainsOf,
  setAgentState,
} from './reconciliation-steps.ts';
import { Timeline } from './reconciliation-timeline.ts';

const S = 1000;
const MIN = 60 * S;
/** Expected arrivals per quarter-hour at the busiest, and the day's shape over its seven quarter-hours. */
const ARRIVALS: Record<CsqName, number> = { sales: 15, support: 12, escalations: 0, chat: 11, billing: 8 };
const PROFILE = [0.6, 0.9, 1.2, 1.3, 1.1, 0.9, 0.7];
const CALL_TYPES = ['general', 'new order', 'complaint'];

/**
 * A compressed, seeded day of traffic driven through the HTTP API with the hand-moved clock: customers arrive,
 * wait, leave (early, in queue, while ringing) or are dequeued; agents log in, take breaks with reason codes,
 * answer, let offers ring out, decline, hold, transfer to a CSQ or an agent, requeue, invite into group chats
 * and wrap up. The router's own deadlines (ring-outs, invitations) fire as the clock reaches them. The tenant
 * is captured through the API after every interval.
 */
export class TrafficDay {
  readonly #center: Center;
  readonly #random: () => number;
  #timeline!: Timeline;
  /** Contacts not known to have ended, and the situation last planned for. */
  readonly #open = new Map<string, string>();
  readonly #planned = new Set<string>();
  readonly #csqOf = new Map<string, CsqName>();
  readonly #onBreak = new Set<string>();
  readonly #loggedOut = new Set<string>();
  readonly #recovering = new Set<string>();
  #engine!: AcdEngine;
  captures = 0;
  contacts = 0;

  constructor(center: Center, seed: number) {
    this.#center = center;
    this.#random = mulberry32(seed);
  }

  #between(min: number, max: number) {
    return Math.round(min + (max - min) * this.#random());
  }
  #at(at: number, run: () => Promise<void>) {
    this.#timeline.at(at, run);
  }
  #after(ms: number, run: () => Promise<void>) {
    this.#timeline.after(ms, run);
  }

  /** Runs the whole day: arrivals for seven quarter-hours, then until every contact ended and agents left. */
  async run(): Promise<void> {
    const { server, tenantId, opensAt, agents } = this.#center;
    this.#engine = (await server.acd.router(tenantId)).engine;
    this.#timeline = new Timeline(server, tenantId, this.#engine, () => this.#react());
    for (const [i, agent] of agents.entries()) {
      this.#at(opensAt - 5 * MIN + i * 20 * S, () => setAgentState(this.#center, agent, 'ready'));
      if (i % 2 === 0) {
        const start = opensAt + 30 * MIN + i * 4 * MIN;
        this.#at(start, async () => {
          this.#onBreak.add(agent.id);
          await setAgentState(this.#center, agent, 'not_ready', BREAK_CODE);
        });
        this.#at(start + this.#between(5, 10) * MIN, async () => {
          this.#onBreak.delete(agent.id);
          await setAgentState(this.#center, agent, 'ready');
        });
      }
    }
    const closesAt = opensAt + PROFILE.length * INTERVAL_MS;
    this.#planArrivals(opensAt);
    for (let at = opensAt + INTERVAL_MS; at < closesAt + 6 * INTERVAL_MS; at += INTERVAL_MS)
      this.#at(at + S, () => this.#capture());
    this.#at(closesAt, () => this.#close());
    await this.#timeline.run(opensAt + 5 * 3600 * S, () =>
      JSON.stringify([...this.#open.keys()].map((id) => this.#engine.contact(id))),
    );
    // The last interval with anything in it is captured too.
    await this.#timeline.advanceTo(intervalAt(TIME_ZONE, 15, this.#timeline.now).end + S);
    await this.#capture();
  }

  async #capture() {
    await capture(this.#center);
    this.captures++;
  }

  async #close(): Promise<void> {
    if (this.#open.size > 0) return this.#after(MIN, () => this.#close());
    for (const agent of this.#center.agents) {
      this.#loggedOut.add(agent.id);
      await setAgentState(this.#center, agent, 'logged_out');
    }
  }

  #planArrivals(opensAt: number) {
    for (const [name, peak] of Object.entries(ARRIVALS) as [CsqName, number][]) {
      for (const [quarter, factor] of PROFILE.entries()) {
        const rate = (peak * factor) / INTERVAL_MS;
        let at = opensAt + quarter * INTERVAL_MS;
        for (;;) {
          at += Math.max(1, Math.round(-Math.log(1 - this.#random()) / rate));
          if (at >= opensAt + (quarter + 1) * INTERVAL_MS || rate === 0) break;
          this.#at(at, () => this.#arrive(name));
        }
      }
    }
  }

  async #arrive(name: CsqName) {
    const callType = CALL_TYPES[this.#between(0, CALL_TYPES.length - 1)] as string;
    const id = await arrive(this.#center, name, callType, `Customer ${this.contacts}`);
    this.contacts++;
    this.#open.set(id, '');
    this.#csqOf.set(id, name);
    const r = this.#random();
    const waiting = () => ['queued', 'offered'].includes(this.#engine.contact(id)?.status ?? '');
    if (r < 0.06) this.#after(this.#between(500, 4500), () => this.#customer(id, 'end', waiting));
    else if (r < 0.26) this.#after(this.#between(6, 150) * S, () => this.#customer(id, 'end', waiting));
    else if (r < 0.3)
      this.#after(this.#between(20, 120) * S, () =>
        this.#customer(id, 'dequeue', () => this.#engine.contact(id)?.status === 'queued'),
      );
    if (this.#random() < 0.08)
      this.#after(this.#between(1, 10) * S, async () => {
        if (this.#engine.contact(id)?.status !== 'queued') return;
        await customerStep(this.#center, 'PUT', `/contacts/${id}/call-type`, { callType: 'callback' });
      });
  }

  async #customer(id: string, action: 'end' | 'dequeue', still: () => boolean) {
    if (!still()) return;
    await customerStep(this.#center, 'POST', `/contacts/${id}/${action}`);
  }

  /** Plans what happens next for every contact and agent whose situation changed since it was last planned. */
  #react() {
    for (const [id, plannedFor] of this.#open) {
      const contact = this.#engine.contact(id);
      if (!contact || contact.status === 'ended') {
        this.#open.delete(id);
        continue;
      }
      const owner = this.#agent(contact.agentId);
      const situation = `${contact.status}|${contact.agentId}|${contact.queuedAt}|${contact.acceptedAt}`;
      if (situation !== plannedFor) {
        this.#open.set(id, situation);
        if (owner && contact.status === 'offered') this.#planOffer(id, owner, situation);
        if (owner && contact.status === 'active') this.#planTalk(id, owner, situation, contact.channel);
        if (owner && contact.status === 'wrap_up') this.#planWrapUp(id, owner, situation);
      }
      for (const guest of contact.guests)
        this.#once(`guest|${id}|${guest.agentId}|${guest.joinedAt}`, () => {
          const ownerLeaves = this.#random() < 0.35;
          this.#after(this.#between(20, 60) * S, () => this.#leave(id, ownerLeaves ? null : guest.agentId));
        });
      const invite = contact.invite;
      const invitee = this.#agent(invite?.agentId ?? null);
      if (invite && invitee)
        this.#once(`invite|${id}|${invite.agentId}|${invite.at}`, () => {
          const r = this.#random();
          if (r < 0.1) return; // rings out
          const answer = r < 0.2 ? 'decline' : 'accept';
          this.#after(this.#between(2, 10) * S, () => this.#answerInvite(id, invitee, invite.at, answer));
        });
    }
    for (const agent of this.#center.agents) {
      const view = this.#engine.agent(agent.id);
      if (!view || this.#loggedOut.has(agent.id) || this.#onBreak.has(agent.id)) continue;
      if (this.#recovering.has(agent.id)) continue;
      if (!domainsOf(this.#center, agent).some((domain) => view.chosen[domain] === 'not_ready')) continue;
      this.#recovering.add(agent.id);
      this.#after(this.#between(20, 60) * S, async () => {
        this.#recovering.delete(agent.id);
        if (!this.#onBreak.has(agent.id) && !this.#loggedOut.has(agent.id))
          await setAgentState(this.#center, agent, 'ready');
      });
    }
  }

  #once(key: string, plan: () => void) {
    if (this.#planned.has(key)) return;
    this.#planned.add(key);
    plan();
  }

  #agent(id: string | null): CenterAgent | undefined {
    return this.#center.agents.find((agent) => agent.id === id);
  }

  /** Still in the situation an action was planned for. */
  #still(id: string, situation: string) {
    return () => this.#open.get(id) === situation;
  }

  #planOffer(id: string, agent: CenterAgent, situation: string) {
    const r = this.#random();
    if (r < 0.08) return; // rings out: RONA
    if (r < 0.13) {
      // The customer hangs up while it rings at the agent.
      const still = this.#still(id, situation);
      return this.#after(this.#between(6, 12) * S, async () => {
        if (still()) await customerStep(this.#center, 'POST', `/contacts/${id}/end`);
      });
    }
    const step = r < 0.17 ? 'reject' : 'accept';
    this.#after(this.#between(1, step === 'reject' ? 5 : 14) * S, () =>
      this.#agentAction(agent, id, step, this.#still(id, situation)),
    );
  }

  #planTalk(id: string, agent: CenterAgent, situation: string, channel: string) {
    const talk = (channel === 'voice' ? this.#between(30, 200) : this.#between(60, 300)) * S;
    const still = this.#still(id, situation);
    const name = this.#csqOf.get(id) as CsqName;
    const csqs = this.#center.csqs;
    const r = this.#random();
    const midway = Math.round(talk / 2);
    if (name === 'support' && r < 0.15)
      return this.#after(midway, () =>
        this.#agentAction(agent, id, 'transfer', still, { csqId: csqs.escalations.id }),
      );
    if (name === 'support' && r < 0.25)
      return this.#after(midway, () => this.#transferToAgent(agent, id, still));
    // Requeued once at most: whoever requeued it may not take it again, and these CSQs have few agents.
    const requeued = (this.#engine.contact(id)?.excluded.length ?? 0) > 0;
    if ((name === 'support' || name === 'billing') && r < 0.33 && !requeued)
      return this.#after(midway, () =>
        this.#agentAction(agent, id, 'requeue', still, { csqId: csqs[name].id }),
      );
    if (name === 'chat' && r < 0.3)
      this.#after(Math.round(talk / 3), async () => {
        if (!still()) return;
        await agentStep(this.#center, agent, `/chats/${id}/invitations`, { csqId: csqs.billing.id });
      });
    let hold = 0;
    if (channel === 'voice' && this.#random() < 0.25) {
      hold = this.#between(10, 40) * S;
      this.#after(Math.round(talk / 3), () => this.#agentAction(agent, id, 'hold', still));
      this.#after(Math.round(talk / 3) + hold, () => this.#agentAction(agent, id, 'resume', still));
    }
    this.#after(talk + hold, async () => {
      if (!still()) return;
      for (const guest of this.#engine.contact(id)?.guests ?? []) await this.#leave(id, guest.agentId);
      await this.#agentAction(agent, id, 'complete', still);
    });
  }

  #planWrapUp(id: string, agent: CenterAgent, situation: string) {
    const notReady = this.#random() < 0.15;
    this.#after(this.#between(5, 45) * S, () =>
      this.#agentAction(agent, id, 'wrap-up', this.#still(id, situation), {
        reasons: [],
        ...(notReady ? { next: { state: 'not_ready', reasonCode: AFTER_CALL_CODE } } : {}),
      }),
    );
  }

  /** To a Ready voice agent; with nobody Ready, tried again a little later, then the call is completed instead. */
  async #transferToAgent(from: CenterAgent, id: string, still: () => boolean, tries = 4) {
    if (!still()) return;
    const to = this.#center.agents.find(
      (agent) => agent.id !== from.id && this.#engine.agent(agent.id)?.state.voice === 'ready',
    );
    if (to) await this.#agentAction(from, id, 'transfer', still, { agentId: to.id });
    else if (tries > 1) this.#after(15 * S, () => this.#transferToAgent(from, id, still, tries - 1));
    else await this.#agentAction(from, id, 'complete', still);
  }

  async #agentAction(agent: CenterAgent, id: string, step: string, still: () => boolean, body?: object) {
    if (!still()) return;
    const status = await agentStep(this.#center, agent, `/contacts/${id}/${step}`, body);
    // Overtaken (e.g. an invitation still rings): plan again from the situation as it is now.
    if (status === 409) this.#open.set(id, '');
  }

  /** One agent leaves a group chat: the guest, or (null) whoever owns it now. */
  async #leave(id: string, agentId: string | null) {
    const contact = this.#engine.contact(id);
    if (!contact || contact.guests.length === 0) return;
    const leaver = this.#agent(agentId ?? contact.agentId);
    if (!leaver || (agentId && !contact.guests.some((guest) => guest.agentId === agentId))) return;
    await agentStep(this.#center, leaver, `/chats/${id}/leave`);
  }

  async #answerInvite(id: string, agent: CenterAgent, at: number, answer: 'accept' | 'decline') {
    const invite = this.#engine.contact(id)?.invite;
    if (!invite || invite.agentId !== agent.id || invite.at !== at) return;
    await agentStep(this.#center, agent, `/chats/${id}/invitation/${answer}`);
  }
}
