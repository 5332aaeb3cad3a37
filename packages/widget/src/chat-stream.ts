import type { Frame } from './chat-frames.ts';
import type { SavedChat } from './saved-chat.ts';
import { type Answer, backoff, worthRetrying } from './server-answer.ts';
import type { Stream, Timers, Transport } from './session-types.ts';

/** Close codes 4000–4999 are the server's final word on this chat (unknown, bad token): no reconnecting. */
const isFinalClose = (code: number) => code >= 4000 && code < 5000;

export interface ChatStreamOptions {
  transport: Transport;
  timers: Timers;
  random: () => number;
  /** The chat to follow, read on every connect; null when there is none. */
  chat: () => SavedChat | null;
  onOpen: () => void;
  onFrame: (frame: Frame) => void;
  onClose: () => void;
  /** The server refused the stream for good (no reconnecting). */
  onRefused: () => void;
}

/** The chat's stream; after a network loss it reconnects with backoff, resuming after the last seq seen. */
export class ChatStream {
  #o: ChatStreamOptions;
  #stream: Stream | null = null;
  #open = false;
  #reconnect: { handle: unknown; attempt: number } = { handle: null, attempt: 0 };
  #typingSent = false;
  #closed = false;
  /** Bumped by every connect and stop, so a ticket that arrives after either opens nothing. */
  #connecting = 0;

  constructor(options: ChatStreamOptions) {
    this.#o = options;
  }

  /**
   * Opens the stream with a one-use ticket asked for with the chat's secret, so the secret never goes into
   * a URL. A ticket that could not be had is retried like a dropped stream; a refusal is final.
   */
  async connect(): Promise<void> {
    const saved = this.#o.chat();
    if (!saved || this.#closed) return;
    const attempt = ++this.#connecting;
    let answer: Answer | null = null;
    try {
      answer = await this.#o.transport.request(
        'POST',
        `/api/v1/public/chats/${saved.chatId}/stream-tickets`,
        { token: saved.token },
      );
    } catch {}
    if (attempt !== this.#connecting || this.#o.chat() !== saved || this.#closed) return;
    if (answer === null || worthRetrying(answer)) {
      this.#scheduleReconnect();
      return;
    }
    const ticket = (answer.body as { ticket?: unknown } | null)?.ticket;
    if (answer.status !== 201 || typeof ticket !== 'string') {
      this.#o.onRefused();
      return;
    }
    const query = `ticket=${encodeURIComponent(ticket)}&after=${saved.lastSeq}`;
    const stream = this.#o.transport.openStream(`/api/v1/public/chats/${saved.chatId}/stream?${query}`, {
      onOpen: () => {
        if (this.#stream !== stream) return;
        this.#open = true;
        this.#reconnect.attempt = 0;
        this.#typingSent = false;
        this.#o.onOpen();
      },
      onFrame: (data) => {
        if (this.#stream !== stream) return;
        let frame: Frame;
        try {
          frame = JSON.parse(data) as Frame;
        } catch {
          return;
        }
        this.#o.onFrame(frame);
      },
      onClose: (code) => {
        if (this.#stream !== stream) return;
        this.#stream = null;
        this.#open = false;
        this.#o.onClose();
        if (this.#o.chat()?.status === 'ended' || this.#closed) return;
        if (isFinalClose(code)) {
          this.#o.onRefused();
          return;
        }
        this.#scheduleReconnect();
      },
    });
    this.#stream = stream;
  }

  /** Tells the agent whether the customer is typing: only on an open stream, and only when it changes. */
  typing(typing: boolean): void {
    if (typing === this.#typingSent || !this.#stream || !this.#open) return;
    this.#typingSent = typing;
    this.#stream.send(JSON.stringify({ type: 'typing', typing }));
  }

  stop(): void {
    this.#connecting++;
    this.#o.timers.clear(this.#reconnect.handle);
    const stream = this.#stream;
    this.#stream = null;
    this.#open = false;
    stream?.close();
  }

  /** Stops for good: nothing reconnects after this. */
  dispose(): void {
    this.#closed = true;
    this.stop();
  }

  #scheduleReconnect(): void {
    const attempt = this.#reconnect.attempt++;
    const delay = backoff(attempt, this.#o.random);
    this.#reconnect.handle = this.#o.timers.set(() => void this.connect(), delay);
  }
}
