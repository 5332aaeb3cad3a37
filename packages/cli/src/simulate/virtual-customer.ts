import { type ApiClient, isRace } from './api.ts';
import type { Random } from './random.ts';

export interface CustomerBehaviour {
  /** Mean patience in simulated seconds before an unanswered customer leaves; null: they wait for ever. */
  patienceSeconds: number | null;
  speed: number;
  /** What the customer writes once an agent has joined. */
  opening: string;
  /** Told of each agent's message the customer's stream delivers. */
  onAgentMessage?: () => void;
}

interface Frame {
  type: string;
  seq?: number;
  from?: string;
  by?: string;
}

/**
 * One virtual customer on the web chat's customer protocol, as the widget speaks it: starts a chat (with a
 * client id, so a retry cannot start a second), listens on the chat's stream, writes once an agent joins,
 * and leaves when their patience runs out before anyone joined. `ended` resolves when the chat is over.
 */
export class VirtualCustomer {
  readonly #starter: ApiClient;
  readonly #behaviour: CustomerBehaviour;
  readonly #random: Random;
  readonly #errors: (error: unknown) => void;
  #chat: { chatId: string; token: string } | null = null;
  #socket: WebSocket | null = null;
  #patience: ReturnType<typeof setTimeout> | null = null;
  #joined = false;
  #over = false;
  #resolveEnded: () => void = () => {};
  readonly ended = new Promise<void>((resolve) => {
    this.#resolveEnded = resolve;
  });

  constructor(
    starter: ApiClient,
    behaviour: CustomerBehaviour,
    random: Random,
    errors: (e: unknown) => void,
  ) {
    this.#starter = starter;
    this.#behaviour = behaviour;
    this.#random = random;
    this.#errors = errors;
  }

  get chatId(): string | null {
    return this.#chat?.chatId ?? null;
  }

  async start(csqId: string, callType: string, name: string): Promise<string> {
    const chat = await this.#starter.request<{ chatId: string; token: string }>('POST', '/chats', {
      csqId,
      callType,
      customer: { name },
      clientId: crypto.randomUUID(),
    });
    this.#chat = chat;
    const socket = this.#starter.chatStream(chat.chatId, chat.token);
    this.#socket = socket;
    socket.addEventListener('message', (message) => this.#hear(JSON.parse(String(message.data)) as Frame));
    const { patienceSeconds, speed } = this.#behaviour;
    if (patienceSeconds !== null) {
      const wait = (this.#random.exponential(patienceSeconds) * 1000) / speed;
      this.#patience = setTimeout(() => {
        if (!this.#joined) void this.leave();
      }, wait);
    }
    return chat.chatId;
  }

  /** The customer closes the chat (abandoning it if no agent has joined yet). */
  async leave(): Promise<void> {
    if (!this.#chat || this.#over) return;
    await this.#call('POST', '/end').catch((e) => isRace(e) || this.#errors(e));
    this.#finish();
  }

  #hear(frame: Frame): void {
    if (frame.type === 'agent_joined' && !this.#joined) {
      this.#joined = true;
      if (this.#patience) clearTimeout(this.#patience);
      this.#call('POST', '/messages', { clientId: crypto.randomUUID(), text: this.#behaviour.opening }).catch(
        (e) => isRace(e) || this.#errors(e),
      );
    } else if (frame.type === 'message' && frame.from === 'agent') {
      this.#behaviour.onAgentMessage?.();
    } else if (frame.type === 'ended') {
      this.#finish();
    }
  }

  #finish(): void {
    if (this.#over) return;
    this.#over = true;
    if (this.#patience) clearTimeout(this.#patience);
    this.#socket?.close();
    this.#resolveEnded();
  }

  #call(method: string, path: string, body?: unknown): Promise<unknown> {
    const chat = this.#chat;
    if (!chat) return Promise.resolve();
    return this.#starter.customerRequest(chat.token, method, `/public/chats/${chat.chatId}${path}`, body);
  }
}
