import type { OutboxMessage, SavedChat } from './saved-chat.ts';
import { type Answer, backoff, errorOf, worthRetrying } from './server-answer.ts';
import type { Timers, Transport } from './session-types.ts';

export interface OutboxOptions {
  transport: Transport;
  timers: Timers;
  random: () => number;
  newId: () => string;
  /** The chat whose outbox (kept with it, so it survives a reload) is sent; null when there is none. */
  chat: () => SavedChat | null;
  /** The server took the message as `seq`. */
  onAccepted: (message: OutboxMessage, seq: number) => void;
  /** The server refused the message (it is not retried); `error` is the server's message, if any. */
  onRefused: (message: OutboxMessage, error: string | undefined) => void;
}

/**
 * Sends the customer's messages one at a time, in order. Each carries an id the widget made, so a retry of
 * one whose answer was lost never duplicates it.
 */
export class Outbox {
  #o: OutboxOptions;
  #sending: { handle: unknown; attempt: number; busy: boolean } = { handle: null, attempt: 0, busy: false };

  constructor(options: OutboxOptions) {
    this.#o = options;
  }

  /** Queues a message in the chat's outbox (`pump` sends it); returns it, id and all. */
  add(chat: SavedChat, text: string): OutboxMessage {
    const message = { clientId: this.#o.newId(), text };
    chat.outbox.push(message);
    return message;
  }

  /** Sends the outbox's first message; failures the network caused are retried with the same id. */
  async pump(): Promise<void> {
    const saved = this.#o.chat();
    const next = saved?.outbox[0];
    if (!saved || !next || this.#sending.busy || this.#sending.handle !== null) return;
    this.#sending.busy = true;
    let answer: Answer | null = null;
    try {
      answer = await this.#o.transport.request('POST', `/api/v1/public/chats/${saved.chatId}/messages`, {
        body: { clientId: next.clientId, text: next.text },
        token: saved.token,
      });
    } catch {}
    this.#sending.busy = false;
    if (this.#o.chat() !== saved) return; // reset meanwhile
    if (answer === null || worthRetrying(answer)) {
      const delay = backoff(this.#sending.attempt++, this.#o.random);
      this.#sending.handle = this.#o.timers.set(() => {
        this.#sending.handle = null;
        void this.pump();
      }, delay);
      return;
    }
    this.#sending.attempt = 0;
    saved.outbox.shift();
    if (answer.status === 201) this.#o.onAccepted(next, (answer.body as { seq: number }).seq);
    else this.#o.onRefused(next, errorOf(answer.body).message);
    void this.pump();
  }

  /** Forgets any retry in progress (the chat is being dropped). */
  reset(): void {
    this.#o.timers.clear(this.#sending.handle);
    this.#sending = { handle: null, attempt: 0, busy: false };
  }

  /** Cancels the retry waiting, if any (the widget is being removed). */
  dispose(): void {
    this.#o.timers.clear(this.#sending.handle);
  }
}
