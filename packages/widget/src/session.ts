import type { WidgetMessages } from '@switchboard/core';
import { LIMITS } from '@switchboard/core/limits';
import { codePoints } from '@switchboard/core/text';
import { applyFrame, type Frame } from './chat-frames.ts';
import { localKey, withAccepted, withEntry, withRefused } from './chat-log.ts';
import { ChatStream } from './chat-stream.ts';
import { Outbox } from './outbox.ts';
import { ChatStorage, newSavedChat, type SavedChat } from './saved-chat.ts';
import { type Answer, startRefusal, worthRetrying } from './server-answer.ts';
import type {
  ChatFields,
  KeyValueStore,
  LogEntry,
  SessionState,
  StartResult,
  Timers,
  Transport,
} from './session-types.ts';

export { backoff } from './server-answer.ts';
export type * from './session-types.ts';

/**
 * The customer's side of one chat, without the DOM: it starts the chat, follows the server's stream
 * (chat-stream.ts; what each frame does, chat-frames.ts), sends messages so that a retry never duplicates one
 * (outbox.ts), and keeps what it needs in session storage so that a page reload resumes the chat
 * (saved-chat.ts). The wire protocol is in docs/chat.md.
 */

/** The server's limits; the script bundles only core's leaf modules `limits` and `text`, not all of core. */
export const MESSAGE_MAX_CODE_POINTS = LIMITS.chatMessage.max;
export const FORM_VALUE_MAX = LIMITS.chatFormValue.max;

export interface ChatSessionOptions {
  widgetId: string;
  transport: Transport;
  store: KeyValueStore;
  timers: Timers;
  messages: WidgetMessages;
  onChange: (state: SessionState) => void;
  newId?: () => string;
  random?: () => number;
}

export class ChatSession {
  #o: Required<ChatSessionOptions>;
  #storage: ChatStorage;
  #stream: ChatStream;
  #outbox: Outbox;
  #saved: SavedChat | null = null;
  #state: SessionState = idleState();
  /** The id of the start being tried: a retry of it (the answer was lost) gets the same chat back. */
  #startId: string | null = null;

  constructor(options: ChatSessionOptions) {
    this.#o = {
      newId: () => crypto.randomUUID(),
      random: Math.random,
      ...options,
    };
    const { transport, timers, random, newId } = this.#o;
    const chat = () => this.#saved;
    this.#storage = new ChatStorage(this.#o.store, this.#o.widgetId);
    this.#stream = new ChatStream({
      transport,
      timers,
      random,
      chat,
      onOpen: () => {
        this.#update({ connected: true });
        void this.#outbox.pump();
      },
      onFrame: (frame) => this.#frame(frame),
      onClose: () => this.#update({ connected: false, agentTyping: false }),
      onRefused: () => this.#update({ error: this.#o.messages.systemError }),
    });
    this.#outbox = new Outbox({
      transport,
      timers,
      random,
      newId,
      chat,
      onAccepted: ({ clientId }, seq) => {
        this.#update({ log: withAccepted(this.#state.log, clientId, seq) });
        this.#save();
      },
      onRefused: ({ clientId }, error) => {
        this.#update({
          log: withRefused(this.#state.log, clientId),
          error: error ?? this.#o.messages.systemError,
        });
        this.#save();
      },
    });
  }

  get state(): SessionState {
    return this.#state;
  }

  /** Picks up the chat this tab had before a reload; false when there is none. */
  resume(): boolean {
    const saved = this.#storage.load();
    if (!saved) return false;
    this.#saved = saved;
    this.#update({
      phase: 'chatting',
      status: saved.status,
      alias: saved.alias,
      log: saved.log,
      rated: saved.rated,
    });
    if (saved.status !== 'ended') {
      void this.#stream.connect();
      void this.#outbox.pump();
    }
    return true;
  }

  /**
   * Asks for a chat with the form's answers; on success the stream opens. Until the server has answered for
   * good, every try carries the same `clientId`, so a start whose answer was lost (network, 5xx, 429) and is
   * sent again gives the same chat rather than a second one in the queue.
   */
  async start(problemStatementId: string, fields: ChatFields): Promise<StartResult> {
    this.#update({ phase: 'starting', error: null });
    this.#startId ??= this.#o.newId();
    let answer: Answer;
    try {
      answer = await this.#o.transport.request('POST', `/api/v1/public/widgets/${this.#o.widgetId}/chats`, {
        body: { problemStatementId, fields, clientId: this.#startId },
      });
    } catch {
      this.#update({ phase: 'idle' });
      return { ok: false, closed: false, message: this.#o.messages.connectivityError, fields: {} };
    }
    if (!worthRetrying(answer)) this.#startId = null;
    if (answer.status === 201) {
      const { chatId, token } = answer.body as { chatId: string; token: string };
      this.#saved = newSavedChat(chatId, token);
      this.#update({ phase: 'chatting', status: 'queued' });
      this.#save();
      void this.#stream.connect();
      return { ok: true };
    }
    this.#update({ phase: 'idle' });
    return startRefusal(answer, this.#o.messages.systemError);
  }

  /** Queues a message; false (and nothing sent) when it is empty or longer than the limit. */
  send(text: string): boolean {
    const saved = this.#saved;
    const length = codePoints(text);
    if (!saved || saved.status === 'ended' || text.trim() === '' || length > MESSAGE_MAX_CODE_POINTS) {
      return false;
    }
    const { clientId } = this.#outbox.add(saved, text);
    this.#append({ key: localKey(clientId), from: 'customer', alias: null, text, pending: true });
    this.typing(false);
    void this.#outbox.pump();
    return true;
  }

  /** Tells the agent whether the customer is typing (sent only when it changes). */
  typing(typing: boolean): void {
    this.#stream.typing(typing);
  }

  async end(): Promise<boolean> {
    const saved = this.#saved;
    if (!saved) return false;
    const ok = await this.#call('POST', `/end`, undefined, [204]);
    if (ok) this.#ended();
    return ok;
  }

  /** The transcript as text, or null (and an error shown) when it could not be had. */
  async transcript(): Promise<string | null> {
    const saved = this.#saved;
    if (!saved) return null;
    try {
      const path = `/api/v1/public/chats/${saved.chatId}/transcript`;
      const answer = await this.#o.transport.request('GET', path, { token: saved.token });
      if (answer.status === 200 && typeof answer.body === 'string') return answer.body;
    } catch {}
    this.#update({ error: this.#o.messages.systemError });
    return null;
  }

  async rate(rating: number, comment: string): Promise<boolean> {
    const body = comment.trim() ? { rating, comment: comment.trim() } : { rating };
    const ok = await this.#call('POST', '/rating', body, [204]);
    if (ok && this.#saved) {
      this.#saved.rated = true;
      this.#update({ rated: true });
      this.#save();
    }
    return ok;
  }

  /** Forgets the chat (after it ended): the next start is a new one. */
  reset(): void {
    this.#stream.stop();
    this.#outbox.reset();
    this.#saved = null;
    this.#startId = null;
    this.#storage.remove();
    this.#state = idleState();
    this.#o.onChange(this.#state);
  }

  /** Stops all network activity (the widget is being removed); the stored chat stays for a reload. */
  dispose(): void {
    this.#stream.dispose();
    this.#outbox.dispose();
  }

  #frame(frame: Frame): void {
    const saved = this.#saved;
    if (!saved) return;
    applyFrame(frame, {
      saved,
      messages: this.#o.messages,
      log: () => this.#state.log,
      update: (patch) => this.#update(patch),
      system: (text) => this.#system(text),
      append: (entry) => this.#append(entry),
      ended: () => this.#ended(),
    });
    this.#save();
  }

  #ended(): void {
    const saved = this.#saved;
    if (!saved || saved.status === 'ended') return;
    saved.status = 'ended';
    this.#stream.stop();
    this.#update({ status: 'ended', agentTyping: false, connected: false });
    this.#system(this.#o.messages.chatEnded);
    this.#save();
  }

  async #call(method: 'POST', path: string, body: unknown, ok: number[]): Promise<boolean> {
    const saved = this.#saved;
    if (!saved) return false;
    try {
      const answer = await this.#o.transport.request(method, `/api/v1/public/chats/${saved.chatId}${path}`, {
        body,
        token: saved.token,
      });
      if (ok.includes(answer.status)) return true;
    } catch {}
    this.#update({ error: this.#o.messages.systemError });
    return false;
  }

  #system(text: string): void {
    this.#append({ key: `system-${this.#o.newId()}`, from: 'system', alias: null, text });
  }

  #append(entry: LogEntry): void {
    this.#update({ log: withEntry(this.#state.log, entry) });
    this.#save();
  }

  #update(patch: Partial<SessionState>): void {
    this.#state = { ...this.#state, ...patch };
    this.#o.onChange(this.#state);
  }

  #save(): void {
    const saved = this.#saved;
    if (!saved) return;
    saved.log = this.#state.log;
    saved.alias = this.#state.alias;
    this.#storage.save(saved);
  }
}

const idleState = (): SessionState => ({
  phase: 'idle',
  status: null,
  alias: null,
  agentTyping: false,
  queue: null,
  connected: false,
  log: [],
  rated: false,
  error: null,
});
