import { type ContactRuntime, queuedBefore } from './contact-runtime.ts';
import type { Membership } from './csq-runtime.ts';
import { IndexedHeap } from './heap.ts';
import type { AgentConfig, AgentState, Channel, ChosenState, Domain, SelectionCriterion } from './model.ts';

/**
 * An agent as the router sees them: chosen state per domain, contacts in hand, pending offers. The per-domain
 * and per-channel figures are plain fields rather than records so that an agent is one compact object: the
 * router reads them for every agent it files or considers.
 */
export class AgentRuntime {
  config: AgentConfig;
  /** Creation order; the last tie-breaker, so every decision is deterministic. */
  readonly seq: number;
  #chosenVoice: ChosenState = 'logged_out';
  #chosenDigital: ChosenState = 'logged_out';
  #reasonVoice: number | null = null;
  #reasonDigital: number | null = null;
  #shownVoice: AgentState = 'logged_out';
  #shownDigital: AgentState = 'logged_out';
  #shownReasonVoice: number | null = null;
  #shownReasonDigital: number | null = null;
  #changedVoice: number;
  #changedDigital: number;
  #pendingVoice: string | null = null;
  #pendingDigital: string | null = null;
  /** Contacts held per channel: talking or wrapping up. Capacity is checked against this. */
  #loadVoice = 0;
  #loadChat = 0;
  #loadEmail = 0;
  /** Contacts per channel that are active (not in wrap-up); blending looks at these. */
  #activeVoice = 0;
  #activeChat = 0;
  #activeEmail = 0;
  /** From the configuration, kept here for the hot path. */
  #capacityChat = 0;
  #capacityEmail = 0;
  #chatWhileOnVoice = false;
  #voiceWhileOnChat = false;
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
    this.configure(config);
    this.seq = seq;
    this.#changedVoice = now;
    this.#changedDigital = now;
  }

  get id(): string {
    return this.config.id;
  }

  configure(config: AgentConfig): void {
    this.config = config;
    this.#capacityChat = config.capacity.chat;
    this.#capacityEmail = config.capacity.email;
    this.#chatWhileOnVoice = config.offerChatWhileOnVoice;
    this.#voiceWhileOnChat = config.offerVoiceWhileOnChat;
  }

  chosen(domain: Domain): ChosenState {
    return domain === 'voice' ? this.#chosenVoice : this.#chosenDigital;
  }

  reasonCode(domain: Domain): number | null {
    return domain === 'voice' ? this.#reasonVoice : this.#reasonDigital;
  }

  /** What the agent chose on a domain, with the reason code for Not Ready and Logged Out. */
  choose(domain: Domain, state: ChosenState, reasonCode: number | null): void {
    if (domain === 'voice') {
      this.#chosenVoice = state;
      this.#reasonVoice = reasonCode;
    } else {
      this.#chosenDigital = state;
      this.#reasonDigital = reasonCode;
    }
  }

  /** The state last recorded in the state trace, its reason code, and when it began. */
  shown(domain: Domain): AgentState {
    return domain === 'voice' ? this.#shownVoice : this.#shownDigital;
  }

  shownReason(domain: Domain): number | null {
    return domain === 'voice' ? this.#shownReasonVoice : this.#shownReasonDigital;
  }

  changedAt(domain: Domain): number {
    return domain === 'voice' ? this.#changedVoice : this.#changedDigital;
  }

  show(domain: Domain, state: AgentState, reasonCode: number | null, at: number): void {
    if (domain === 'voice') {
      this.#shownVoice = state;
      this.#shownReasonVoice = reasonCode;
      this.#changedVoice = at;
    } else {
      this.#shownDigital = state;
      this.#shownReasonDigital = reasonCode;
      this.#changedDigital = at;
    }
  }

  pendingOffer(domain: Domain): string | null {
    return domain === 'voice' ? this.#pendingVoice : this.#pendingDigital;
  }

  setPendingOffer(domain: Domain, contactId: string | null): void {
    if (domain === 'voice') this.#pendingVoice = contactId;
    else this.#pendingDigital = contactId;
  }

  load(channel: Channel): number {
    return channel === 'voice' ? this.#loadVoice : channel === 'chat' ? this.#loadChat : this.#loadEmail;
  }

  active(channel: Channel): number {
    return channel === 'voice'
      ? this.#activeVoice
      : channel === 'chat'
        ? this.#activeChat
        : this.#activeEmail;
  }

  /** Changes the contacts held (`load`) and those active on a channel. */
  addContacts(channel: Channel, load: number, active: number): void {
    if (channel === 'voice') {
      this.#loadVoice += load;
      this.#activeVoice += active;
    } else if (channel === 'chat') {
      this.#loadChat += load;
      this.#activeChat += active;
    } else {
      this.#loadEmail += load;
      this.#activeEmail += active;
    }
  }

  /** Whether a new contact of this channel may be offered now (capacity, blending, state, no pending offer). */
  canTake(channel: Channel, ignoreBlending = false): boolean {
    if (channel === 'voice') {
      return (
        this.#chosenVoice === 'ready' &&
        this.#pendingVoice === null &&
        this.#loadVoice === 0 &&
        (ignoreBlending || this.#activeChat === 0 || this.#voiceWhileOnChat)
      );
    }
    if (this.#chosenDigital !== 'ready' || this.#pendingDigital !== null) return false;
    if (channel === 'chat') {
      return (
        this.#loadChat < this.#capacityChat &&
        (ignoreBlending || this.#activeVoice === 0 || this.#chatWhileOnVoice)
      );
    }
    return this.#loadEmail < this.#capacityEmail;
  }

  /** The state others see: Reserved while an offer is pending, Active with a contact, Work in wrap-up. */
  derivedState(domain: Domain): AgentState {
    const chosen = this.chosen(domain);
    if (chosen === 'logged_out') return 'logged_out';
    if (this.pendingOffer(domain) !== null) return 'reserved';
    if (domain === 'voice') {
      if (this.#activeVoice > 0) return 'active';
      return this.#loadVoice > 0 ? 'work' : chosen;
    }
    if (this.#activeChat > 0 || this.#activeEmail > 0) return 'active';
    return this.#loadChat > 0 || this.#loadEmail > 0 ? 'work' : chosen;
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
        return channel === 'voice' ? 0 : channel === 'chat' ? this.#loadChat : this.#loadEmail;
    }
  }
}
