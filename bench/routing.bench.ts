/**
 * Routing benchmark: how fast the ACD engine decides, compared with a straightforward scan in the same run.
 *
 * World (deterministic from SEED): 20 skills, 200 CSQs (80 % chat, 10 % email, 10 % voice; criteria longest
 * available or most skilled), agents with a few skills at random competences so that each serves about five
 * CSQs. Every agent logs in to both domains. Contacts arrive (Poisson, offered load 97 % of the chat sessions,
 * spread over the CSQs in proportion to their membership, less for voice), ring for a few seconds, are
 * accepted, handled, wrapped up and released: a steady state where about 90 % of agents hold a contact and
 * queues fill and drain, so decisions happen both when a contact arrives and when an agent frees capacity.
 * Customers never hang up and agents always answer in time, so no timer moves a contact; the event sequence
 * is a pure function of the seed and the decisions.
 *
 * Method. A decision is one `contact.offered` event. Every engine command the driver issues (create, accept,
 * complete, end wrap-up) is timed on its own with process.hrtime.bigint() around the call and nothing else.
 * - decisions/s = decisions ÷ the summed time of every command in the window (commands that made no offer,
 *   e.g. an arrival that had to queue, still count: they are routing work);
 * - per-decision latency = the time of the command that produced the offer, split evenly among the offers
 *   that command produced (more than one only when a released agent takes several emails at once);
 * - mean µs per decision = 1e6 ÷ decisions/s.
 * The baseline is timed the same way. Both are driven by the same driver with the same seed; the baseline
 * must make exactly the engine's decisions (checked offer by offer; any difference throws), so both see the
 * same event sequence. To keep the run short at 10k agents the baseline reaches the measured window by
 * replaying the engine's recorded offers (no search, untimed), then searches on its own for a few hundred
 * unmeasured decisions (JIT warm-up, still checked) and for the measured window.
 * Before any timing, both run from scratch on small worlds, each searching on its own, and must agree.
 */

import { AcdEngine } from '../packages/core/src/acd/engine.ts';
import type { AcdEvent } from '../packages/core/src/acd/events.ts';
import type { AgentConfig, Channel, CsqConfig, SelectionCriterion } from '../packages/core/src/acd/model.ts';
import { ManualClock } from '../packages/core/src/clock.ts';

const SEED = 20260105;
const SKILLS = 20;
const CSQS = 200;
/** Skills each agent has (competence 1–10 each). */
const SKILLS_PER_AGENT = 4;
/**
 * Arrivals per CSQ member, by channel. A voice call takes the whole agent (and most agents take no call while
 * chatting), so voice queues get fewer contacts per member than chat and email ones, or they would grow without end.
 */
const ARRIVAL_WEIGHT: Record<Channel, number> = { chat: 1, email: 1, voice: 0.25 };
/** Offered load as a share of the agents' chat sessions. */
const LOAD = 0.97;
const SIZES = [1_000, 10_000] as const;
/** Decisions before the measured window, per agent (the ramp-up fills every agent's capacity first). */
const WARMUP_PER_AGENT = 6;
const ENGINE_DECISIONS = 200_000;
const BASELINE_DECISIONS: Record<number, number> = { 1000: 40_000, 10000: 10_000 };
/** Decisions the baseline makes on its own, unmeasured, before its window. */
const BASELINE_SELF_WARMUP = 500;
const CHECK_WORLDS = [
  { agents: 50, decisions: 4_000 },
  { agents: 300, decisions: 6_000 },
];

export const GOALS = {
  decisions_per_s_10k: 20_000,
  p99_us_10k: 1_000,
  speedup_vs_scan_10k: 20,
  cost_growth_1k_to_10k: 2,
} as const;

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (rng: () => number, min: number, max: number): number =>
  min + Math.floor(rng() * (max - min + 1));

// ---------------------------------------------------------------------------------------------------------
// World

interface World {
  agents: AgentConfig[];
  csqs: CsqConfig[];
  /** Cumulative arrival weights per CSQ (membership count), for picking a contact's CSQ. */
  cumulativeWeight: number[];
  /** Mean time between arrivals, ms. */
  meanGapMs: number;
  meanCsqsPerAgent: number;
  csqsWithoutMembers: number;
}

const skillId = (s: number): string => `s${s}`;

function pickDistinct(rng: () => number, count: number, from: number): number[] {
  const picked: number[] = [];
  while (picked.length < count) {
    const s = Math.floor(rng() * from);
    if (!picked.includes(s)) picked.push(s);
  }
  return picked;
}

/** Mean time a contact holds an agent's session (ring + handle + wrap-up), ms; see `contactTimes`. */
const MEAN_HOLD_MS = 3_500 + 165_000 + 12_500;

function buildWorld(agentCount: number): World {
  const rng = mulberry32(SEED);
  const csqs: CsqConfig[] = [];
  for (let q = 0; q < CSQS; q++) {
    const channel: Channel = q % 10 === 8 ? 'email' : q % 10 === 9 ? 'voice' : 'chat';
    const criterion: SelectionCriterion = rng() < 0.5 ? 'longest_available' : 'most_skilled';
    const single = rng() < 0.3;
    const skills = pickDistinct(rng, single ? 1 : 2, SKILLS).map((s) => ({
      skillId: skillId(s),
      minCompetence: single ? between(rng, 7, 10) : between(rng, 1, 6),
    }));
    csqs.push({ id: `q${q}`, channel, skills, criterion });
  }
  const agents: AgentConfig[] = [];
  for (let a = 0; a < agentCount; a++) {
    const skills: Record<string, number> = {};
    for (const s of pickDistinct(rng, SKILLS_PER_AGENT, SKILLS)) skills[skillId(s)] = between(rng, 1, 10);
    agents.push({
      id: `a${a}`,
      skills,
      capacity: { chat: between(rng, 1, 3), email: between(rng, 1, 3) },
      offerChatWhileOnVoice: rng() < 0.2,
      offerVoiceWhileOnChat: rng() < 0.2,
    });
  }
  const members = csqs.map(
    (q) => agents.filter((a) => q.skills.every((r) => (a.skills[r.skillId] ?? 0) >= r.minCompetence)).length,
  );
  const cumulativeWeight: number[] = [];
  let weight = 0;
  members.forEach((m, q) => {
    weight += m * ARRIVAL_WEIGHT[csqs[q]!.channel];
    cumulativeWeight.push(weight);
  });
  const memberships = members.reduce((sum, m) => sum + m, 0);
  const sessions = agents.reduce((sum, a) => sum + a.capacity.chat, 0);
  return {
    agents,
    csqs,
    cumulativeWeight,
    meanGapMs: MEAN_HOLD_MS / (LOAD * sessions),
    meanCsqsPerAgent: memberships / agentCount,
    csqsWithoutMembers: members.filter((m) => m === 0).length,
  };
}

// ---------------------------------------------------------------------------------------------------------
// What both routers are driven through

const CREATE = 0;
const ACCEPT = 1;
const COMPLETE = 2;
const END_WRAP_UP = 3;
type Kind = typeof CREATE | typeof ACCEPT | typeof COMPLETE | typeof END_WRAP_UP;

/** The contacts the driver has created so far: their CSQ and priority, by contact index. */
interface Contacts {
  csq: number[];
  priority: number[];
}

interface Router {
  login(agent: number): void;
  /**
   * Runs one command and pushes (contact, agent) index pairs, one per offer it made, onto `out`; returns the
   * command's time in ns. With `replay` (baseline warm-up only) the offers are applied instead of searched for.
   */
  exec(kind: Kind, contact: number, agent: number, out: number[], replay: readonly number[] | null): number;
}

const indexOf = (id: string): number => Number(id.slice(1));

class EngineRouter implements Router {
  readonly #engine: AcdEngine;
  readonly #world: World;
  readonly #contacts: Contacts;

  constructor(world: World, clock: ManualClock, contacts: Contacts) {
    this.#world = world;
    this.#contacts = contacts;
    this.#engine = new AcdEngine(clock);
    for (const csq of world.csqs) this.#engine.configureCsq(csq);
  }

  login(agent: number): void {
    const config = this.#world.agents[agent]!;
    this.#engine.upsertAgent(config);
    this.#engine.setAgentState(config.id, 'voice', 'ready');
    this.#engine.setAgentState(config.id, 'digital', 'ready');
  }

  exec(kind: Kind, contact: number, agent: number, out: number[]): number {
    const engine = this.#engine;
    const contactId = `c${contact}`;
    const agentId = kind === CREATE ? '' : this.#world.agents[agent]!.id;
    let events: AcdEvent[];
    let t0: bigint;
    if (kind === CREATE) {
      const csq = this.#world.csqs[this.#contacts.csq[contact]!]!;
      const input = {
        id: contactId,
        channel: csq.channel,
        csqId: csq.id,
        callType: 'bench',
        priority: this.#contacts.priority[contact]!,
      };
      t0 = process.hrtime.bigint();
      events = engine.createContact(input);
    } else if (kind === ACCEPT) {
      t0 = process.hrtime.bigint();
      events = engine.accept(agentId, contactId);
    } else if (kind === COMPLETE) {
      t0 = process.hrtime.bigint();
      events = engine.complete(agentId, contactId);
    } else {
      const wrapUp = { reasons: [] };
      t0 = process.hrtime.bigint();
      events = engine.endWrapUp(agentId, contactId, wrapUp);
    }
    const ns = Number(process.hrtime.bigint() - t0);
    for (const e of events)
      if (e.type === 'contact.offered') out.push(indexOf(e.contactId), indexOf(e.agentId));
    return ns;
  }
}

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

class ScanRouter implements Router {
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

// ---------------------------------------------------------------------------------------------------------
// Driver

/** Offers per command, in command order: pairs[start[i]..start[i+1]) are command i's (contact, agent) pairs. */
interface OfferLog {
  start: number[];
  pairs: number[];
}

interface DriveOptions {
  /** Stop once this many decisions have been made. */
  stopAfter: number;
  /** Commands issued once this many decisions have been made are measured. */
  measureFrom: number;
  /** Record every command's offers here (engine), or check them against it (baseline). */
  log: OfferLog;
  mode: 'record' | 'check';
  /** Check mode: before this many decisions, apply the logged offers instead of searching. */
  replayUntil?: number;
  /** Also total the first this-many measured decisions on their own (to compare equal windows). */
  firstWindow?: number;
}

interface Measured {
  decisions: number;
  commands: number;
  ns: number;
  /** Per-decision latency samples, µs. */
  latencyUs: Float64Array;
  onArrival: number;
  onRelease: number;
  /** Sampled every 64 measured commands: agents holding a contact, contacts waiting, CSQs with someone waiting. */
  busyPct: number;
  meanWaiting: number;
  csqsWaitingPct: number;
  simulatedSeconds: number;
  firstWindow: { decisions: number; ns: number };
  /** Distinct contacts offered over the whole run. */
  contactsOffered: number;
}

const earlier = (aAt: number, aOrder: number, bAt: number, bOrder: number): boolean =>
  aAt !== bAt ? aAt < bAt : aOrder < bOrder;

/** The driver's pending actions, a binary min-heap on (time, insertion order) kept in typed arrays so that the
 * driver itself allocates next to nothing while commands are timed. */
class ActionQueue {
  #at = new Float64Array(1 << 12);
  #order = new Float64Array(1 << 12);
  /** contact × 4 + kind */
  #payload = new Int32Array(1 << 12);
  #size = 0;
  #pushed = 0;

  /** Time of the earliest action, or Infinity. */
  nextAt(): number {
    return this.#size === 0 ? Number.POSITIVE_INFINITY : this.#at[0]!;
  }

  push(at: number, kind: Kind, contact: number): void {
    if (this.#size === this.#at.length) this.#grow();
    const order = this.#pushed++;
    let i = this.#size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!earlier(at, order, this.#at[parent]!, this.#order[parent]!)) break;
      this.#move(parent, i);
      i = parent;
    }
    this.#set(i, at, order, contact * 4 + kind);
  }

  /** Removes the earliest action; returns its payload (contact × 4 + kind). */
  pop(): number {
    const top = this.#payload[0]!;
    const last = --this.#size;
    const at = this.#at[last]!;
    const order = this.#order[last]!;
    const payload = this.#payload[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (
        right < last &&
        earlier(this.#at[right]!, this.#order[right]!, this.#at[child]!, this.#order[child]!)
      )
        child = right;
      if (!earlier(this.#at[child]!, this.#order[child]!, at, order)) break;
      this.#move(child, i);
      i = child;
    }
    this.#set(i, at, order, payload);
    return top;
  }

  #move(from: number, to: number): void {
    this.#at[to] = this.#at[from]!;
    this.#order[to] = this.#order[from]!;
    this.#payload[to] = this.#payload[from]!;
  }

  #set(i: number, at: number, order: number, payload: number): void {
    this.#at[i] = at;
    this.#order[i] = order;
    this.#payload[i] = payload;
  }

  #grow(): void {
    const n = this.#at.length * 2;
    const at = new Float64Array(n);
    const order = new Float64Array(n);
    const payload = new Int32Array(n);
    at.set(this.#at);
    order.set(this.#order);
    payload.set(this.#payload);
    this.#at = at;
    this.#order = order;
    this.#payload = payload;
  }
}

/** Adds `delta` to counts[i] and returns the new count. */
function bump(counts: Int32Array, i: number, delta: number): number {
  const value = counts[i]! + delta;
  counts[i] = value;
  return value;
}

function drive(
  world: World,
  make: (clock: ManualClock, contacts: Contacts) => Router,
  options: DriveOptions,
): Measured {
  const clock = new ManualClock();
  const contacts: Contacts = { csq: [], priority: [] };
  const router = make(clock, contacts);
  const agentCount = world.agents.length;
  for (let a = 0; a < agentCount; a++) {
    clock.advance(7);
    router.login(a);
  }
  const arrivals = mulberry32(SEED ^ 0x5bd1e995);
  const ringMs: number[] = [];
  const handleMs: number[] = [];
  const wrapMs: number[] = [];
  const agentOf: number[] = [];
  const inHand = new Int32Array(agentCount);
  const pending = new ActionQueue();
  const waitingIn = new Int32Array(world.csqs.length);
  let csqsWaiting = 0;

  const { log, mode, stopAfter, measureFrom } = options;
  const replayUntil = options.replayUntil ?? 0;
  const firstWindow = options.firstWindow ?? 0;
  const totalWeight = world.cumulativeWeight[world.cumulativeWeight.length - 1]!;
  const latency: number[] = [];
  const out: number[] = [];
  const start = clock.now();
  let nextArrival = start + 1;
  let created = 0;
  let decisions = 0;
  let busy = 0;
  let command = 0;
  let measuredStart = -1;
  const m = {
    decisions: 0,
    commands: 0,
    ns: 0,
    onArrival: 0,
    onRelease: 0,
    samples: 0,
    busy: 0,
    waiting: 0,
    csqsWaiting: 0,
  };
  const first = { decisions: 0, ns: 0 };

  while (decisions < stopAfter) {
    let kind: Kind;
    let contact: number;
    let at = pending.nextAt();
    if (at <= nextArrival) {
      const payload = pending.pop();
      kind = (payload & 3) as Kind;
      contact = payload >> 2;
    } else {
      kind = CREATE;
      contact = created++;
      at = nextArrival;
      const pick = arrivals() * totalWeight;
      let q = 0;
      while (world.cumulativeWeight[q]! <= pick) q++;
      contacts.csq.push(q);
      agentOf.push(-1);
      if (bump(waitingIn, q, 1) === 1) csqsWaiting++;
      contacts.priority.push(arrivals() < 0.1 ? 8 : 5);
      const channel = world.csqs[q]!.channel;
      // Handle times stay below the 10-minute chat inactivity timeout and rings below the no-answer timeout.
      ringMs.push(between(arrivals, 1_000, 6_000));
      handleMs.push(
        Math.min(
          540_000,
          30_000 + Math.round(-Math.log(1 - arrivals()) * (channel === 'voice' ? 150_000 : 135_000)),
        ),
      );
      wrapMs.push(between(arrivals, 5_000, 20_000));
      nextArrival += Math.max(1, Math.round(-Math.log(1 - arrivals()) * world.meanGapMs));
    }
    clock.advance(at - clock.now());

    out.length = 0;
    const replay =
      mode === 'check' && decisions < replayUntil
        ? log.pairs.slice(log.start[command], log.start[command + 1])
        : null;
    const ns = router.exec(kind, contact, agentOf[contact]!, out, replay);

    if (mode === 'record') {
      log.start[command] = log.pairs.length;
      for (const v of out) log.pairs.push(v);
      log.start[command + 1] = log.pairs.length;
    } else if (replay === null) {
      const from = log.start[command];
      const to = log.start[command + 1];
      if (from === undefined || to === undefined)
        throw new Error(`Baseline ran past the engine's log (command ${command}).`);
      let same = to - from === out.length;
      for (let i = 0; same && i < out.length; i++) same = log.pairs[from + i] === out[i];
      if (!same) {
        throw new Error(
          `Baseline and engine disagree at command ${command} (kind ${kind}, contact c${contact}): engine offered ` +
            `${JSON.stringify(log.pairs.slice(from, to))}, baseline ${JSON.stringify(out)} (pairs of contact, agent).`,
        );
      }
    }

    const offers = out.length / 2;
    if (decisions >= measureFrom) {
      if (measuredStart < 0) measuredStart = at;
      m.decisions += offers;
      m.commands++;
      m.ns += ns;
      if (offers > 0) {
        for (let i = 0; i < offers; i++) latency.push(ns / offers / 1_000);
        if (kind === CREATE) m.onArrival += offers;
        else m.onRelease += offers;
      }
      if (first.decisions < firstWindow) {
        first.decisions += offers;
        first.ns += ns;
      }
      if ((m.commands & 63) === 0) {
        m.samples++;
        m.busy += busy;
        // Each contact is offered exactly once (nobody declines, nothing requeues).
        m.waiting += created - decisions;
        m.csqsWaiting += csqsWaiting;
      }
    }
    decisions += offers;
    command++;

    // The driver's reactions: agents answer, handle, wrap up.
    if (kind === END_WRAP_UP) {
      const a = agentOf[contact]!;
      if (bump(inHand, a, -1) === 0) busy--;
    } else if (kind === ACCEPT) pending.push(at + handleMs[contact]!, COMPLETE, contact);
    else if (kind === COMPLETE) pending.push(at + wrapMs[contact]!, END_WRAP_UP, contact);
    for (let i = 0; i < out.length; i += 2) {
      const c = out[i]!;
      const a = out[i + 1]!;
      const q = contacts.csq[c]!;
      agentOf[c] = a;
      if (bump(inHand, a, 1) === 1) busy++;
      if (bump(waitingIn, q, -1) === 0) csqsWaiting--;
      if (world.csqs[q]!.channel === 'email') pending.push(at + handleMs[c]!, COMPLETE, c);
      else pending.push(at + ringMs[c]!, ACCEPT, c);
    }
  }
  let offered = 0;
  for (const a of agentOf) if (a >= 0) offered++;
  return {
    decisions: m.decisions,
    commands: m.commands,
    ns: m.ns,
    latencyUs: Float64Array.from(latency),
    onArrival: m.onArrival,
    onRelease: m.onRelease,
    busyPct: m.samples ? (100 * m.busy) / m.samples / agentCount : 0,
    meanWaiting: m.samples ? m.waiting / m.samples : 0,
    csqsWaitingPct: m.samples ? (100 * m.csqsWaiting) / m.samples / world.csqs.length : 0,
    simulatedSeconds: measuredStart < 0 ? 0 : (clock.now() - measuredStart) / 1_000,
    firstWindow: first,
    contactsOffered: offered,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Figures

interface Figures {
  decisions: number;
  decisions_per_s: number;
  mean_us: number;
  p50_us: number;
  p99_us: number;
  max_us: number;
  commands: number;
  decided_on_arrival_pct: number;
  busy_agents_pct: number;
  mean_waiting_contacts: number;
  csqs_with_waiting_pct: number;
  simulated_s: number;
  wall_s: number;
}

const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function figures(m: Measured, wallMs: number): Figures {
  const sorted = m.latencyUs.slice().sort();
  const seconds = m.ns / 1e9;
  return {
    decisions: m.decisions,
    decisions_per_s: Math.round(m.decisions / seconds),
    mean_us: round((seconds * 1e6) / m.decisions),
    p50_us: round(percentile(sorted, 0.5)),
    p99_us: round(percentile(sorted, 0.99)),
    max_us: round(percentile(sorted, 1)),
    commands: m.commands,
    decided_on_arrival_pct: round((100 * m.onArrival) / m.decisions, 1),
    busy_agents_pct: round(m.busyPct, 1),
    mean_waiting_contacts: round(m.meanWaiting, 1),
    csqs_with_waiting_pct: round(m.csqsWaitingPct, 1),
    simulated_s: round(m.simulatedSeconds, 0),
    wall_s: round(wallMs / 1_000),
  };
}

const engineRouter = (world: World) => (clock: ManualClock, contacts: Contacts) =>
  new EngineRouter(world, clock, contacts);
const scanRouter = (world: World) => (clock: ManualClock, contacts: Contacts) =>
  new ScanRouter(world, clock, contacts);

/** Both routers from scratch on a small world, each searching on its own: they must decide identically. */
function checkAgreement(agents: number, decisions: number): number {
  const world = buildWorld(agents);
  const log: OfferLog = { start: [], pairs: [] };
  const options = { stopAfter: decisions, measureFrom: 0, log };
  const engine = drive(world, engineRouter(world), { ...options, mode: 'record' });
  const scan = drive(world, scanRouter(world), { ...options, mode: 'check' });
  if (engine.contactsOffered !== scan.contactsOffered || engine.decisions !== scan.decisions) {
    throw new Error(
      `Engine and baseline disagree on ${agents} agents: engine offered ${engine.contactsOffered} contacts ` +
        `(${engine.decisions} decisions), baseline ${scan.contactsOffered} (${scan.decisions}).`,
    );
  }
  return engine.contactsOffered;
}

const pad = (value: string | number, width: number): string => String(value).padStart(width);

export function run({ json }: { json: boolean }): void {
  const started = performance.now();
  const checked = CHECK_WORLDS.map((w) => ({
    agents: w.agents,
    contacts_offered: checkAgreement(w.agents, w.decisions),
  }));

  const results: Record<string, Figures> = {};
  const baseline: Record<string, Figures> = {};
  const sameWindow: Record<string, { decisions: number; decisions_per_s: number }> = {};
  const worlds: Record<
    string,
    { mean_csqs_per_agent: number; csqs_without_members: number; warmup_decisions: number }
  > = {};
  for (const agents of SIZES) {
    const key = `${agents / 1_000}k`;
    const world = buildWorld(agents);
    const warmup = WARMUP_PER_AGENT * agents;
    const baselineDecisions = BASELINE_DECISIONS[agents]!;
    worlds[key] = {
      mean_csqs_per_agent: round(world.meanCsqsPerAgent),
      csqs_without_members: world.csqsWithoutMembers,
      warmup_decisions: warmup,
    };
    const log: OfferLog = { start: [], pairs: [] };
    let t = performance.now();
    const engine = drive(world, engineRouter(world), {
      stopAfter: warmup + ENGINE_DECISIONS,
      measureFrom: warmup,
      log,
      mode: 'record',
      firstWindow: baselineDecisions,
    });
    results[key] = figures(engine, performance.now() - t);
    sameWindow[key] = {
      decisions: engine.firstWindow.decisions,
      decisions_per_s: Math.round(engine.firstWindow.decisions / (engine.firstWindow.ns / 1e9)),
    };
    t = performance.now();
    const scan = drive(world, scanRouter(world), {
      stopAfter: warmup + baselineDecisions,
      measureFrom: warmup,
      log,
      mode: 'check',
      replayUntil: warmup - BASELINE_SELF_WARMUP,
    });
    baseline[key] = figures(scan, performance.now() - t);
  }

  const e1 = results['1k']!;
  const e10 = results['10k']!;
  const b1 = baseline['1k']!;
  const b10 = baseline['10k']!;
  const ratio = {
    speedup_vs_scan_1k: round(e1.decisions_per_s / b1.decisions_per_s),
    speedup_vs_scan_10k: round(e10.decisions_per_s / b10.decisions_per_s),
    speedup_vs_scan_10k_same_window: round(sameWindow['10k']!.decisions_per_s / b10.decisions_per_s),
    p99_scan_over_engine_10k: round(b10.p99_us / e10.p99_us),
    cost_growth_1k_to_10k: round(e10.mean_us / e1.mean_us),
    baseline_cost_growth_1k_to_10k: round(b10.mean_us / b1.mean_us),
  };
  const met = (ok: boolean): number => (ok ? 1 : 0);
  const summary = {
    decisions_per_s_10k: e10.decisions_per_s,
    p50_us_10k: e10.p50_us,
    p99_us_10k: e10.p99_us,
    speedup_vs_scan_10k: ratio.speedup_vs_scan_10k,
    cost_growth_1k_to_10k: ratio.cost_growth_1k_to_10k,
    decisions_per_s_1k: e1.decisions_per_s,
    p50_us_1k: e1.p50_us,
    p99_us_1k: e1.p99_us,
    mean_us_1k: e1.mean_us,
    mean_us_10k: e10.mean_us,
    baseline_decisions_per_s_10k: b10.decisions_per_s,
    baseline_p50_us_10k: b10.p50_us,
    baseline_p99_us_10k: b10.p99_us,
    goal_decisions_per_s_10k: GOALS.decisions_per_s_10k,
    goal_p99_us_10k: GOALS.p99_us_10k,
    goal_speedup_vs_scan_10k: GOALS.speedup_vs_scan_10k,
    goal_cost_growth_1k_to_10k: GOALS.cost_growth_1k_to_10k,
    met_decisions_per_s_10k: met(e10.decisions_per_s >= GOALS.decisions_per_s_10k),
    met_p99_us_10k: met(e10.p99_us <= GOALS.p99_us_10k),
    met_speedup_vs_scan_10k: met(ratio.speedup_vs_scan_10k >= GOALS.speedup_vs_scan_10k),
    met_cost_growth_1k_to_10k: met(ratio.cost_growth_1k_to_10k <= GOALS.cost_growth_1k_to_10k),
    met_all: 0,
    run_seconds: 0,
  };
  summary.met_all = met(
    summary.met_decisions_per_s_10k +
      summary.met_p99_us_10k +
      summary.met_speedup_vs_scan_10k +
      summary.met_cost_growth_1k_to_10k ===
      4,
  );
  summary.run_seconds = round((performance.now() - started) / 1_000, 1);

  const params = {
    seed: SEED,
    skills: SKILLS,
    csqs: CSQS,
    csq_channels: { chat: 0.8, email: 0.1, voice: 0.1 },
    criteria: ['longest_available', 'most_skilled'],
    skills_per_agent: SKILLS_PER_AGENT,
    offered_load_vs_chat_sessions: LOAD,
    agents: [...SIZES],
    worlds,
    engine_measured_decisions: ENGINE_DECISIONS,
    baseline_measured_decisions: BASELINE_DECISIONS,
    baseline_self_warmup_decisions: BASELINE_SELF_WARMUP,
    agreement_checked_on: checked,
    method:
      'decision = contact.offered; each command timed alone with process.hrtime.bigint; decisions/s = decisions ÷ summed ' +
      'time of all commands in the window; latency = command time split over the offers it produced; the baseline ' +
      'makes exactly the engine’s decisions (checked offer by offer).',
  };

  const rows: (string | number)[][] = [
    [
      'agents',
      'router',
      'decisions',
      'decisions/s',
      'mean µs',
      'p50 µs',
      'p99 µs',
      'max µs',
      'on arrival',
      'busy',
      'queued',
      'CSQs waiting',
    ],
  ];
  for (const agents of SIZES) {
    const key = `${agents / 1_000}k`;
    for (const [name, f] of [
      ['engine', results[key]!],
      ['scan', baseline[key]!],
    ] as const) {
      rows.push([
        agents,
        name,
        f.decisions,
        f.decisions_per_s,
        f.mean_us.toFixed(2),
        f.p50_us.toFixed(2),
        f.p99_us.toFixed(2),
        f.max_us.toFixed(0),
        `${f.decided_on_arrival_pct}%`,
        `${f.busy_agents_pct}%`,
        f.mean_waiting_contacts,
        `${f.csqs_with_waiting_pct}%`,
      ]);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  const lines = [
    `Routing benchmark: seed ${SEED}, ${SKILLS} skills, ${CSQS} CSQs (80% chat, 10% email, 10% voice), ` +
      `offered load ${LOAD} of chat sessions. Engine and scan agreed on every decision, from scratch on ` +
      `${checked.map((c) => `${c.agents} agents (${c.contacts_offered} contacts)`).join(' and ')}, and in every window below.`,
    '',
    ...rows.map((row) => row.map((cell, c) => pad(cell, widths[c]!)).join('  ')),
  ];
  const goal = (ok: number) => (ok ? 'met' : 'NOT met');
  lines.push(
    '',
    `Speedup engine ÷ scan: 1k ${ratio.speedup_vs_scan_1k}×, 10k ${ratio.speedup_vs_scan_10k}× ` +
      `(same ${sameWindow['10k']!.decisions} decisions: ${ratio.speedup_vs_scan_10k_same_window}×); ` +
      `cost growth 1k→10k: engine ${ratio.cost_growth_1k_to_10k}×, scan ${ratio.baseline_cost_growth_1k_to_10k}×.`,
    `Goals at 10k: ≥ ${GOALS.decisions_per_s_10k} decisions/s ${goal(summary.met_decisions_per_s_10k)}; ` +
      `p99 ≤ ${GOALS.p99_us_10k} µs ${goal(summary.met_p99_us_10k)}; speedup ≥ ${GOALS.speedup_vs_scan_10k}× ` +
      `${goal(summary.met_speedup_vs_scan_10k)}; growth ≤ ${GOALS.cost_growth_1k_to_10k}× ${goal(summary.met_cost_growth_1k_to_10k)}. ` +
      `Run time ${summary.run_seconds} s.`,
  );
  console.log(lines.join('\n'));
  if (json) console.log(JSON.stringify({ bench: 'routing', params, results, baseline, ratio, summary }));
}
