import type { AgentRuntime } from './agent-runtime.ts';
import { entryBefore, isLive, type QueueEntry } from './contact-runtime.ts';
import { Heap } from './heap.ts';
import { type CsqConfig, domainOf } from './model.ts';

interface AgentEntry {
  agent: AgentRuntime;
  version: number;
  /** The criterion's key, then the time of the agent's last state change, then creation order. */
  first: number;
  changedAt: number;
  seq: number;
}

function keysBefore(a: AgentEntry, b: AgentEntry): boolean {
  if (a.first !== b.first) return a.first < b.first;
  if (a.changedAt !== b.changedAt) return a.changedAt < b.changedAt;
  return a.seq < b.seq;
}

const POSITIONAL = new Set(['linear', 'circular']);

/**
 * One contact service queue: its waiting contacts in order, and its available agents ordered by the
 * queue's selection criterion. Both heaps drop stale entries lazily; they are compacted when mostly stale.
 */
export class CsqRuntime {
  config: CsqConfig;
  readonly members = new Set<AgentRuntime>();
  /** Each member's competence summed over this queue's skills, kept while they are a member. */
  readonly skillSums = new Map<AgentRuntime, number>();
  readonly waiting = new Heap<QueueEntry>(entryBefore);
  #available = new Heap<AgentEntry>(keysBefore);
  /** Members in Linear/Circular order; rebuilt when membership or the order changes. */
  #ordered: AgentRuntime[] = [];
  #lastPickedId: string | null = null;
  #waitingCount = 0;

  constructor(config: CsqConfig) {
    this.config = config;
  }

  get positional(): boolean {
    return POSITIONAL.has(this.config.criterion);
  }

  /** Contacts still waiting here (a live count, not the heap's size). */
  get waitingCount(): number {
    return this.#waitingCount;
  }

  reorder(): void {
    const position = new Map((this.config.agentOrder ?? []).map((id, i) => [id, i]));
    this.#ordered = [...this.members].sort(
      (a, b) => (position.get(a.id) ?? Infinity) - (position.get(b.id) ?? Infinity) || a.seq - b.seq,
    );
    this.#available = new Heap<AgentEntry>(keysBefore);
    for (const agent of this.members) {
      if (agent.canTake(this.config.channel))
        this.offerAgent(agent, agent.changedAt[domainOf(this.config.channel)]);
    }
  }

  /** Records that an agent may be available here, with its current ordering keys. */
  offerAgent(agent: AgentRuntime, domainChangedAt: number): void {
    if (this.positional) return;
    const { channel, criterion } = this.config;
    this.#available.push({
      agent,
      version: agent.version,
      first: agent.firstKey(criterion, channel, this.skillSums.get(agent) ?? 0),
      changedAt: domainChangedAt,
      seq: agent.seq,
    });
    if (this.#available.size > 64 && this.#available.size > 4 * this.members.size) {
      this.#available.retain((e) => e.version === e.agent.version && this.members.has(e.agent));
    }
  }

  /** The best available member for a contact, skipping agents it must not go to. */
  pickAgent(excluded: ReadonlySet<string>): AgentRuntime | undefined {
    if (this.positional) return this.#pickPositional(excluded);
    const channel = this.config.channel;
    const setAside: AgentEntry[] = [];
    let picked: AgentRuntime | undefined;
    for (let entry = this.#available.peek(); entry; entry = this.#available.peek()) {
      const { agent } = entry;
      if (entry.version !== agent.version || !this.members.has(agent) || !agent.canTake(channel)) {
        this.#available.pop();
        continue;
      }
      if (excluded.has(agent.id)) {
        setAside.push(entry);
        this.#available.pop();
        continue;
      }
      picked = agent;
      break;
    }
    for (const entry of setAside) this.#available.push(entry);
    return picked;
  }

  enqueue(entry: QueueEntry): void {
    this.waiting.push(entry);
    this.#waitingCount++;
  }

  /** Call when a contact that was waiting here stops waiting (offered, moved, ended). */
  dequeued(): void {
    this.#waitingCount--;
    if (this.waiting.size > 64 && this.waiting.size > 4 * this.#waitingCount) this.waiting.retain(isLive);
  }

  /** The first waiting contact this agent may take, without removing it. */
  firstFor(agentId: string): QueueEntry | undefined {
    const setAside: QueueEntry[] = [];
    let found: QueueEntry | undefined;
    for (let entry = this.waiting.peek(); entry; entry = this.waiting.peek()) {
      if (!isLive(entry) || entry.contact.csqId !== this.config.id) {
        this.waiting.pop();
        continue;
      }
      if (entry.contact.excluded.has(agentId)) {
        setAside.push(entry);
        this.waiting.pop();
        continue;
      }
      found = entry;
      break;
    }
    for (const entry of setAside) this.waiting.push(entry);
    return found;
  }

  #pickPositional(excluded: ReadonlySet<string>): AgentRuntime | undefined {
    const n = this.#ordered.length;
    const last =
      this.#lastPickedId === null ? -1 : this.#ordered.findIndex((a) => a.id === this.#lastPickedId);
    const start = this.config.criterion === 'circular' ? last + 1 : 0;
    for (let i = 0; i < n; i++) {
      const index = (start + i) % n;
      const agent = this.#ordered[index] as AgentRuntime;
      if (!excluded.has(agent.id) && agent.canTake(this.config.channel)) {
        this.#lastPickedId = agent.id;
        return agent;
      }
    }
    return undefined;
  }
}
