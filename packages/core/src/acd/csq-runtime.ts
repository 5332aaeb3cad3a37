import type { AgentRuntime } from './agent-runtime.ts';
import { type ContactRuntime, queuedBefore } from './contact-runtime.ts';
import { IndexedHeap } from './heap.ts';
import { type CsqConfig, type Domain, domainOf } from './model.ts';

/**
 * An agent's place in one CSQ: their competence summed over its skills, and, while they can take its contacts,
 * their slot among its available agents with the ordering keys they were filed under.
 */
export class Membership {
  readonly agent: AgentRuntime;
  readonly csq: CsqRuntime;
  skillSum: number;
  heapIndex = -1;
  /** The criterion's key, then the time of the agent's last state change on the queue's domain. */
  first = 0;
  changedAt = 0;

  constructor(agent: AgentRuntime, csq: CsqRuntime, skillSum: number) {
    this.agent = agent;
    this.csq = csq;
    this.skillSum = skillSum;
  }
}

/** Smallest keys first; the agent's creation order breaks the last tie. */
function keysBefore(a: Membership, b: Membership): boolean {
  if (a.first !== b.first) return a.first < b.first;
  if (a.changedAt !== b.changedAt) return a.changedAt < b.changedAt;
  return a.agent.seq < b.agent.seq;
}

const POSITIONAL = new Set(['linear', 'circular']);

/**
 * One contact service queue: its waiting contacts in order, and its available agents ordered by the queue's
 * selection criterion. Both are indexed heaps kept exact on every change, so the best of each is at the top.
 */
export class CsqRuntime {
  config: CsqConfig;
  readonly members = new Map<AgentRuntime, Membership>();
  readonly waiting = new IndexedHeap<ContactRuntime>(queuedBefore);
  readonly #available = new IndexedHeap<Membership>(keysBefore);
  /** Members in Linear/Circular order; null when membership or the order changed since it was last needed. */
  #ordered: AgentRuntime[] | null = null;
  #lastPickedId: string | null = null;
  #positional: boolean;
  #domain: Domain;

  constructor(config: CsqConfig) {
    this.config = config;
    this.#positional = POSITIONAL.has(config.criterion);
    this.#domain = domainOf(config.channel);
  }

  get positional(): boolean {
    return this.#positional;
  }

  /** Contacts waiting in this queue (not those waiting for one agent in particular). */
  get waitingCount(): number {
    return this.waiting.size;
  }

  join(agent: AgentRuntime, skillSum: number): void {
    const membership = new Membership(agent, this, skillSum);
    this.members.set(agent, membership);
    agent.csqs.set(this.config.id, membership);
    agent.memberships = [...agent.csqs.values()];
    this.#ordered = null;
    this.sync(membership);
  }

  leave(agent: AgentRuntime): void {
    const membership = this.members.get(agent);
    if (!membership) return;
    if (membership.heapIndex >= 0) this.#available.remove(membership);
    this.members.delete(agent);
    agent.csqs.delete(this.config.id);
    agent.memberships = [...agent.csqs.values()];
    this.#ordered = null;
  }

  /** After the configuration changed: re-files every member under the (possibly new) criterion and order. */
  reorder(): void {
    this.#positional = POSITIONAL.has(this.config.criterion);
    this.#domain = domainOf(this.config.channel);
    this.#ordered = null;
    this.#available.clear();
    for (const membership of this.members.values()) this.sync(membership);
  }

  /**
   * Files the member among the available agents under their current keys. Only moves toward the top are made
   * at once: a member whose keys grew (a later state change, more sessions in hand) or who can no longer take
   * work keeps the place they were filed at, which is never behind where they belong, and is re-filed or
   * dropped when they reach the top. Most state changes thus touch no other member.
   */
  sync(membership: Membership): void {
    if (this.#positional || !membership.agent.canTake(this.config.channel)) return;
    const first = membership.agent.firstKey(this.config.criterion, this.config.channel, membership.skillSum);
    const changedAt = membership.agent.changedAt(this.#domain);
    const inHeap = membership.heapIndex >= 0;
    if (
      inHeap &&
      (first > membership.first || (first === membership.first && changedAt >= membership.changedAt))
    )
      return;
    membership.first = first;
    membership.changedAt = changedAt;
    if (inHeap) this.#available.update(membership);
    else this.#available.push(membership);
  }

  /**
   * The best available member for a contact, skipping agents it must not go to. Members at the top that can no
   * longer take work are dropped (a later refresh files them again) and those filed under old keys are re-filed.
   */
  pickAgent(excluded: ReadonlySet<string>): AgentRuntime | undefined {
    if (this.#positional) return this.#pickPositional(excluded);
    const { channel, criterion } = this.config;
    let setAside: Membership[] | undefined;
    let picked: AgentRuntime | undefined;
    for (let m = this.#available.peek(); m; m = this.#available.peek()) {
      const agent = m.agent;
      if (!agent.canTake(channel)) {
        this.#available.remove(m);
        continue;
      }
      const first = agent.firstKey(criterion, channel, m.skillSum);
      const changedAt = agent.changedAt(this.#domain);
      if (first !== m.first || changedAt !== m.changedAt) {
        m.first = first;
        m.changedAt = changedAt;
        this.#available.update(m);
        continue;
      }
      if (!excluded.has(agent.id)) {
        picked = agent;
        break;
      }
      setAside ??= [];
      setAside.push(m);
      this.#available.remove(m);
    }
    if (setAside) for (const m of setAside) this.#available.push(m);
    return picked;
  }

  enqueue(contact: ContactRuntime): void {
    contact.line = this.waiting;
    this.waiting.push(contact);
  }

  /** The first waiting contact this agent may take, without removing it. */
  firstFor(agentId: string): ContactRuntime | undefined {
    let setAside: ContactRuntime[] | undefined;
    let found: ContactRuntime | undefined;
    for (let c = this.waiting.peek(); c; c = this.waiting.peek()) {
      if (!c.excluded.has(agentId)) {
        found = c;
        break;
      }
      setAside ??= [];
      setAside.push(c);
      this.waiting.remove(c);
    }
    if (setAside) for (const c of setAside) this.waiting.push(c);
    return found;
  }

  #pickPositional(excluded: ReadonlySet<string>): AgentRuntime | undefined {
    const ordered = this.#inOrder();
    const n = ordered.length;
    const last = this.#lastPickedId === null ? -1 : ordered.findIndex((a) => a.id === this.#lastPickedId);
    const start = this.config.criterion === 'circular' ? last + 1 : 0;
    for (let i = 0; i < n; i++) {
      const index = (start + i) % n;
      const agent = ordered[index] as AgentRuntime;
      if (!excluded.has(agent.id) && agent.canTake(this.config.channel)) {
        this.#lastPickedId = agent.id;
        return agent;
      }
    }
    return undefined;
  }

  #inOrder(): AgentRuntime[] {
    if (this.#ordered === null) {
      const position = new Map((this.config.agentOrder ?? []).map((id, i) => [id, i]));
      this.#ordered = [...this.members.keys()].sort(
        (a, b) => (position.get(a.id) ?? Infinity) - (position.get(b.id) ?? Infinity) || a.seq - b.seq,
      );
    }
    return this.#ordered;
  }
}
