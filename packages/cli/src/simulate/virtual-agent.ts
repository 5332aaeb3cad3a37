import { type ApiClient, isRace } from './api.ts';
import type { Random } from './random.ts';

export interface AgentBehaviour {
  /** Simulated seconds, divided by `speed` into real time. */
  ahtSeconds: number;
  /** Handle times drawn evenly from this range instead of exponentially around `ahtSeconds`. */
  handleSeconds?: { min: number; max: number } | undefined;
  wrapUpSeconds: number;
  answerSeconds: { min: number; max: number };
  /** Written to the customer of a web chat once accepted; none: the agent says nothing. */
  greeting?: string | undefined;
  /** Chance per handled contact of taking a Not Ready break afterwards, and its mean length. */
  breakChance: number;
  breakSeconds: number;
  breakCode: number | null;
  speed: number;
  /** Told of each request that lost a race (the contact moved on first): expected now and then, not an error. */
  onRace?: (error: unknown) => void;
  /** Sees every event this agent's stream delivers, with the time it arrived (for measurements). */
  observe?: (event: Record<string, unknown>, receivedAt: number) => void;
}

interface Offer {
  type: string;
  contactId?: string;
  agentId?: string;
  domain?: string;
  state?: string;
  cause?: string | null;
}

/**
 * One virtual agent on the public API: signs in to the event stream, goes Ready on digital, and answers every
 * offer made to them — accept after a moment, handle, wrap up with a reason, now and then a Not Ready break.
 */
export class VirtualAgent {
  readonly id: string;
  readonly #client: ApiClient;
  readonly #behaviour: AgentBehaviour;
  readonly #random: Random;
  readonly #errors: (error: unknown) => void;
  /** How far this agent got with each contact offered to it (offered, accepting, accepted, completing …). */
  readonly progress = new Map<string, string>();
  #socket: WebSocket | null = null;
  #stopped = false;
  #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    id: string,
    client: ApiClient,
    behaviour: AgentBehaviour,
    random: Random,
    errors: (e: unknown) => void,
  ) {
    this.id = id;
    this.#client = client;
    this.#behaviour = behaviour;
    this.#random = random;
    this.#errors = errors;
  }

  async start(): Promise<void> {
    const socket = this.#client.events();
    this.#socket = socket;
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('message', (message) => {
        const event = JSON.parse(String(message.data)) as Offer;
        this.#behaviour.observe?.(event as unknown as Record<string, unknown>, Date.now());
        if (event.type === 'hello') resolve();
        else if (event.type === 'contact.offered' && event.agentId === this.id && event.contactId)
          this.#answer(event.contactId);
        else if (this.#rangOut(event)) this.#later(2, () => this.#setState('ready'));
      });
      socket.addEventListener('error', () => reject(new Error(`The event stream of ${this.id} failed.`)));
    });
    await this.#setState('ready');
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#socket?.close();
    await this.#client
      .request('PUT', `/agents/${this.id}/state`, { domain: 'digital', state: 'logged_out' })
      .catch(() => {});
  }

  #later(seconds: number, action: () => Promise<unknown>): void {
    if (this.#stopped) return;
    const timer = setTimeout(
      () => {
        this.#timers.delete(timer);
        if (!this.#stopped)
          action().catch((error) => (isRace(error) ? this.#behaviour.onRace?.(error) : this.#errors(error)));
      },
      (seconds * 1000) / this.#behaviour.speed,
    );
    this.#timers.add(timer);
  }

  #answer(contactId: string): void {
    const { answerSeconds, wrapUpSeconds } = this.#behaviour;
    const step = (name: string) => this.progress.set(contactId, name);
    step('offered');
    this.#later(this.#random.between(answerSeconds.min, answerSeconds.max), async () => {
      step('accepting');
      await this.#client.request('POST', `/contacts/${contactId}/accept`);
      step('accepted');
      if (this.#behaviour.greeting) await this.#greet(contactId, this.#behaviour.greeting);
      this.#later(this.#handleTime(), async () => {
        step('completing');
        await this.#client.request('POST', `/contacts/${contactId}/complete`);
        step('completed');
        this.#later(wrapUpSeconds, async () => {
          step('wrapping up');
          await this.#wrapUp(contactId);
          step('done');
        });
      });
    });
  }

  async #greet(contactId: string, text: string): Promise<void> {
    await this.#client
      .request('POST', `/chats/${contactId}/messages`, { clientId: crypto.randomUUID(), text })
      .catch((error) => (isRace(error) ? undefined : this.#errors(error)));
  }

  #handleTime(): number {
    const { handleSeconds, ahtSeconds } = this.#behaviour;
    return handleSeconds
      ? this.#random.between(handleSeconds.min, handleSeconds.max)
      : this.#random.exponential(ahtSeconds);
  }

  async #wrapUp(contactId: string): Promise<void> {
    const { breakChance, breakCode, breakSeconds } = this.#behaviour;
    const takeBreak = breakCode !== null && this.#random.uniform() < breakChance;
    const next = takeBreak ? { state: 'not_ready', reasonCode: breakCode } : { state: 'ready' };
    // Where the center keeps a wrap-up list for the contact, pick from it; elsewhere any text will do.
    const categories = await this.#client.request<{ reasons: { name: string }[] }[]>(
      'GET',
      `/contacts/${contactId}/wrap-up-reasons`,
    );
    const listed = categories.flatMap((category) => category.reasons.map((reason) => reason.name));
    const reason =
      listed.length > 0
        ? (listed[Math.floor(this.#random.uniform() * listed.length)] ?? 'Simulated')
        : 'Simulated';
    await this.#client.request('POST', `/contacts/${contactId}/wrap-up`, { reasons: [reason], next });
    if (takeBreak) this.#later(this.#random.exponential(breakSeconds), () => this.#setState('ready'));
  }

  /** An offer rang out (say, the accept lost a race): the router made this agent Not Ready; they come back. */
  #rangOut(event: Offer): boolean {
    return (
      event.type === 'agent.state_changed' &&
      event.agentId === this.id &&
      event.domain === 'digital' &&
      event.state === 'not_ready' &&
      event.cause === 'no_answer'
    );
  }

  #setState(state: 'ready'): Promise<unknown> {
    return this.#client.request('PUT', `/agents/${this.id}/state`, { domain: 'digital', state });
  }
}
