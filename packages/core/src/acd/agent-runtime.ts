import { type ContactRuntime, queuedBefore } from './contact-runtime.ts';
import type { Membership } from './csq-runtime.ts';
import { IndexedHeap } from './heap.ts';
import {
  type AgentConfig,
  type AgentState,
  type Channel,
  type ChosenState,
  type Domain,
  domainOf,
  type SelectionCriterion,
} from './model.ts';

const perDomain = <T>(value: T): Record<Domain, T> => ({ voice: value, digital: value });
const perChannel = <T>(value: T): Record<Channel, T> => ({ voice: value, chat: value, email: value });

/** An agent as the router sees them: chosen state per domain, contacts in hand, pending offers. */
export class AgentRuntime {
  config: AgentConfig;
  /** Creation order; the last tie-breaker, so every decision is deterministic. */
  readonly seq: number;
  readonly chosen: Record<Domain, ChosenState> = perDomain<ChosenState>('logged_out');
  readonly reasonCode: Record<Domain, number | null> = perDomain<number | null>(null);
  readonly shown: Record<Domain, AgentState> = perDomain<AgentState>('logged_out');
  readonly shownReason: Record<Domain, number | null> = perDomain<number | null>(null);
  readonly changedAt: Record<Domain, number>;
  /** Contacts held per channel: talking or wrapping up. Capacity is checked against this. */
  readonly load: Record<Channel, number> = perChannel(0);
  /** Contacts per channel that are active (not in wrap-up); blending looks at these. */
  readonly active: Record<Channel, number> = perChannel(0);
  readonly pendingOffer: Record<Domain, string | null> = perDomain<string | null>(null);
  readonly contacts = new Set<string>();
  handled = 0;
  handleMsTotal = 0;
  /** CSQs whose skill requirements this agent meets, by id. */
  readonly csqs = new Map<string, Membership>();
  /** The same memberships as a list, for the hot path. */
  memberships: Membership[] = [];
  /** Emails waiting for this agent in particular (sticky routing). */
  readonly sticky = new IndexedHeap<ContactRuntime>(queuedBefore);

  constructor(config: AgentConfig, seq: number, now: number) {
    this.config = config;
    this.seq = seq;
    this.changedAt = perDomain(now);
  }

  get id(): string {
    return this.config.id;
  }

  /** Whether a new contact of this channel may be offered now (capacity, blending, state, no pending offer). */
  canTake(channel: Channel, ignoreBlending = false): boolean {
    const domain = domainOf(channel);
    if (this.chosen[domain] !== 'ready' || this.pendingOffer[domain] !== null) return false;
    switch (channel) {
      case 'voice':
        return (
          this.load.voice === 0 &&
          (ignoreBlending || this.active.chat === 0 || this.config.offerVoiceWhileOnChat)
        );
      case 'chat':
        return (
          this.load.chat < this.config.capacity.chat &&
          (ignoreBlending || this.active.voice === 0 || this.config.offerChatWhileOnVoice)
        );
      case 'email':
        return this.load.email < this.config.capacity.email;
    }
  }

  /** The state others see: Reserved while an offer is pending, Active with a contact, Work in wrap-up. */
  derivedState(domain: Domain): AgentState {
    const chosen = this.chosen[domain];
    if (chosen === 'logged_out') return 'logged_out';
    if (this.pendingOffer[domain] !== null) return 'reserved';
    const { active, load } = this;
    if (domain === 'voice') {
      if (active.voice > 0) return 'active';
      return load.voice > 0 ? 'work' : chosen;
    }
    if (active.chat > 0 || active.email > 0) return 'active';
    return load.chat > 0 || load.email > 0 ? 'work' : chosen;
  }

  skillSum(requirements: readonly { skillId: string }[]): number {
    let sum = 0;
    for (const r of requirements) sum += this.config.skills[r.skillId] ?? 0;
    return sum;
  }

  meets(requirements: readonly { skillId: string; minCompetence: number }[]): boolean {
    return requirements.every((r) => (this.config.skills[r.skillId] ?? 0) >= r.minCompetence);
  }

  /**
   * Ordering keys for a CSQ's criterion, smallest first (the third key is always creation order). Ties go to
   * the agent whose state changed first. On digital queues the fewest sessions in hand come first.
   */
  firstKey(criterion: SelectionCriterion, channel: Channel, skillSum: number): number {
    switch (criterion) {
      case 'most_skilled':
        return -skillSum;
      case 'least_skilled':
        return skillSum;
      case 'most_handled':
        return -this.handled;
      case 'shortest_aht':
        return this.handled === 0 ? 0 : this.handleMsTotal / this.handled;
      default:
        return channel === 'voice' ? 0 : this.load[channel];
    }
  }
}
