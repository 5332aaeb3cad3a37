import type { AgentConfig, Channel } from '../../packages/core/src/acd/model.ts';
import type { ManualClock } from '../../packages/core/src/clock.ts';
import { ACCEPT, COMPLETE, type Contacts, CREATE, indexOf, type Kind, type Router } from './routers.ts';
import { SKILLS, type World } from './world.ts';

// ---------------------------------------------------------------------------------------------------------
// Baseline: the straightforward router. Same rules as the engine (eligibility, capacity, blending, criterion
// keys with their tie-breaks, queue order), no indexes: an arriving contact scans every agent; an agent who
// frees capacity scans every waiting contact of the CSQs they serve.

const VOICE = 0;
const CHAT = 1;
const EMAIL = 2;
const CHANNEL_CODE: Record<Channel, number> = { voice: VOICE, chat: CHAT, email: EMAIL };
type Shown = 'logged_out' | 'ready' | 'reserved' | 'active' | 'work';

interface ScanContact {
  index: number;
  channel: number;
  csq: ScanCsq;
  priority: number;
  queuedAt: number;
  /** Creation order. */
  seq: number;
}

interface ScanCsq {
  channel: number;
  mostSkilled: boolean;
  requirements: { skill: number; min: number }[];
  /** Waiting contacts, unordered; every search scans them all. */
  waiting: ScanContact[];
}

class ScanAgent {
  readonly index: number;
  /** Competence per skill index, 0 when the agent lacks the skill. */
  readonly competence = new Uint8Array(SKILLS);
  readonly capacityChat: number;
  readonly capacityEmail: number;
  readonly chatWhileOnVoice: boolean;
  readonly voiceWhileOnChat: boolean;
  /** CSQs whose requirements the agent meets (static in this scenario). */
  readonly csqs: ScanCsq[] = [];
  readyVoice = false;
  readyDigital = false;
  pendingVoice = false;
  pendingDigital = false;
  /** Per channel code: contacts held (active or wrapping up) and contacts active. */
  readonly load = [0, 0, 0];
  readonly active = [0, 0, 0];
  shownVoice: Shown = 'logged_out';
  shownDigital: Shown = 'logged_out';
  changedVoice: number;
  changedDigital: number;

  constructor(index: number, config: AgentConfig, now: number) {
    this.index = index;
    for (const [id, c] of Object.entries(config.skills)) this.competence[indexOf(id)] = c;
    this.capacityChat = config.capacity.chat;
    this.capacityEmail = config.capacity.email;
    this.chatWhileOnVoice = config.offerChatWhileOnVoice;
    this.voiceWhileOnChat = config.offerVoiceWhileOnChat;
    this.changedVoice = now;
    this.changedDigital = now;
  }

  canTake(channel: number): boolean {
    if (channel === VOICE) {
      return (
        this.readyVoice &&
        !this.pendingVoice &&
        this.load[VOICE] === 0 &&
        (this.active[CHAT] === 0 || this.voiceWhileOnChat)
      );
    }
    if (!this.readyDigital || this.pendingDigital) return false;
    if (channel === CHAT) {
      return this.load[CHAT]! < this.capacityChat && (this.active[VOICE] === 0 || this.chatWhileOnVoice);
    }
    return this.load[EMAIL]! < this.capacityEmail;
  }
}

const queuedBefore = (a: ScanContact, b: ScanContact): boolean =>
  a.priority !== b.priority
    ? a.priority > b.priority
    : a.queuedAt !== b.queuedAt
      ? a.queuedAt < b.queuedAt
      : a.seq < b.seq;

export class ScanRouter implements Router {
  readonly #clock: ManualClock;
  readonly #contacts: Contacts;
  readonly #agents: ScanAgent[] = [];
  readonly #configs: AgentConfig[];
  readonly #csqs: ScanCsq[];
  readonly #live = new Map<number, ScanContact>();

  constructor(world: World, clock: ManualClock, contacts: Contacts) {
    this.#clock = clock;
    this.#contacts = contacts;
    this.#configs = world.agents;
    this.#csqs = world.csqs.map((q) => ({
      channel: CHANNEL_CODE[q.channel],
      mostSkilled: q.criterion === 'most_skilled',
      requirements: q.skills.map((r) => ({ skill: indexOf(r.skillId), min: r.minCompetence })),
      waiting: [],
    }));
  }

  login(index: number): void {
    const agent = new ScanAgent(index, this.#configs[index]!, this.#clock.now());
    for (const csq of this.#csqs)
      if (csq.requirements.every((r) => agent.competence[r.skill]! >= r.min)) agent.csqs.push(csq);
    this.#agents.push(agent);
    agent.readyVoice = true;
    agent.readyDigital = true;
    this.#refresh(agent);
    this.#dispatchAgent(agent, [], null);
  }

  exec(
    kind: Kind,
    contactIndex: number,
    agentIndex: number,
    out: number[],
    replay: readonly number[] | null,
  ): number {
    const t0 = process.hrtime.bigint();
    if (kind === CREATE) this.#create(contactIndex, out, replay);
    else {
      const agent = this.#agents[agentIndex]!;
      const contact = this.#live.get(contactIndex)!;
      if (kind === ACCEPT) {
        this.#accept(contact, agent);
      } else if (kind === COMPLETE) {
        agent.active[contact.channel]!--;
        this.#refresh(agent);
      } else {
        agent.load[contact.channel]!--;
        this.#live.delete(contactIndex);
        this.#refresh(agent);
      }
      this.#dispatchAgent(agent, out, replay);
    }
    return Number(process.hrtime.bigint() - t0);
  }

  #create(index: number, out: number[], replay: readonly number[] | null): void {
    const csq = this.#csqs[this.#contacts.csq[index]!]!;
    const contact: ScanContact = {
      index,
      channel: csq.channel,
      csq,
      priority: this.#contacts.priority[index]!,
      queuedAt: this.#clock.now(),
      seq: index,
    };
    this.#live.set(index, contact);
    csq.waiting.push(contact);
    const agent = replay ? (replay.length > 0 ? this.#agents[replay[1]!] : undefined) : this.#pickAgent(csq);
    if (agent) {
      csq.waiting.pop();
      this.#offer(contact, agent, out);
    }
  }

  /** Scans every agent: state and capacity, then skills against the CSQ, then the criterion's keys. */
  #pickAgent(csq: ScanCsq): ScanAgent | undefined {
    const channel = csq.channel;
    const requirements = csq.requirements;
    const digital = channel !== VOICE;
    let best: ScanAgent | undefined;
    let b1 = 0;
    let b2 = 0;
    for (const agent of this.#agents) {
      if (!agent.canTake(channel)) continue;
      let sum = 0;
      let meets = true;
      for (const r of requirements) {
        const c = agent.competence[r.skill]!;
        if (c < r.min) {
          meets = false;
          break;
        }
        sum += c;
      }
      if (!meets) continue;
      // Keys, smallest first: most skilled [-skill sum, state changed at, seq];
      // longest available [sessions in hand on this channel (0 for voice), state changed at, seq].
      const k1 = csq.mostSkilled ? -sum : digital ? agent.load[channel]! : 0;
      const k2 = digital ? agent.changedDigital : agent.changedVoice;
      if (
        best === undefined ||
        k1 < b1 ||
        (k1 === b1 && (k2 < b2 || (k2 === b2 && agent.index < best.index)))
      ) {
        best = agent;
        b1 = k1;
        b2 = k2;
      }
    }
    return best;
  }

  /** Up to 16 offers (an agent may take several emails at once): each time, the best waiting contact in reach. */
  #dispatchAgent(agent: ScanAgent, out: number[], replay: readonly number[] | null): void {
    if (replay) {
      for (let i = 0; i < replay.length; i += 2) {
        if (replay[i + 1] !== agent.index)
          throw new Error('Replay expected offers to the released agent only.');
        const contact = this.#live.get(replay[i]!)!;
        const waiting = contact.csq.waiting;
        waiting.splice(waiting.indexOf(contact), 1);
        this.#offer(contact, agent, out);
      }
      return;
    }
    for (let round = 0; round < 16; round++) {
      let best: ScanContact | undefined;
      let bestAt = -1;
      for (const csq of agent.csqs) {
        const waiting = csq.waiting;
        if (waiting.length === 0 || !agent.canTake(csq.channel)) continue;
        for (let i = 0; i < waiting.length; i++) {
          const contact = waiting[i]!;
          if (best === undefined || queuedBefore(contact, best)) {
            best = contact;
            bestAt = i;
          }
        }
      }
      if (best === undefined) return;
      const waiting = best.csq.waiting;
      waiting[bestAt] = waiting[waiting.length - 1]!;
      waiting.pop();
      this.#offer(best, agent, out);
    }
  }

  #offer(contact: ScanContact, agent: ScanAgent, out: number[]): void {
    if (contact.channel === VOICE) agent.pendingVoice = true;
    else agent.pendingDigital = true;
    out.push(contact.index, agent.index);
    this.#refresh(agent);
    if (contact.channel === EMAIL) this.#accept(contact, agent);
  }

  #accept(contact: ScanContact, agent: ScanAgent): void {
    if (contact.channel === VOICE) agent.pendingVoice = false;
    else agent.pendingDigital = false;
    agent.load[contact.channel]!++;
    agent.active[contact.channel]!++;
    this.#refresh(agent);
  }

  /** The engine's derived states (Reserved, Active, Work); a change restarts the agent's "changed at". */
  #refresh(agent: ScanAgent): void {
    const now = this.#clock.now();
    const voice: Shown = !agent.readyVoice
      ? 'logged_out'
      : agent.pendingVoice
        ? 'reserved'
        : agent.active[VOICE]! > 0
          ? 'active'
          : agent.load[VOICE]! > 0
            ? 'work'
            : 'ready';
    if (voice !== agent.shownVoice) {
      agent.shownVoice = voice;
      agent.changedVoice = now;
    }
    const digital: Shown = !agent.readyDigital
      ? 'logged_out'
      : agent.pendingDigital
        ? 'reserved'
        : agent.active[CHAT]! + agent.active[EMAIL]! > 0
          ? 'active'
          : agent.load[CHAT]! + agent.load[EMAIL]! > 0
            ? 'work'
            : 'ready';
    if (digital !== agent.shownDigital) {
      agent.shownDigital = digital;
      agent.changedDigital = now;
    }
  }
}
