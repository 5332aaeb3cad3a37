import type { WidgetMessages } from '@switchboard/core';

/**
 * The customer's side of one chat, without the DOM: it starts the chat, follows the server's stream (and
 * reconnects after a network loss with backoff, resubscribing after the last message it saw), sends messages
 * so that a retry never duplicates one (each carries an id the widget makes), and keeps what it needs in
 * session storage so that a page reload resumes the chat. The wire protocol is in docs/chat.md.
 */

/** What goes to and comes from the server; the browser's is in transport.ts, tests pass a fake. */
export interface Transport {
  /** Resolves with any HTTP answer; rejects only when there was none (network down). */
  request(
    method: 'GET' | 'POST',
    path: string,
    options?: { body?: unknown; token?: string },
  ): Promise<{ status: number; body: unknown }>;
  openStream(path: string, handlers: StreamHandlers): Stream;
}
export interface StreamHandlers {
  onOpen(): void;
  onFrame(data: string): void;
  onClose(code: number): void;
}
export interface Stream {
  send(data: string): void;
  close(): void;
}
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export type ChatStatus = 'queued' | 'active' | 'ended';

export interface LogEntry {
  key: string;
  from: 'customer' | 'agent' | 'system';
  alias: string | null;
  text: string;
  /** The server's sequence number; a customer's message has none until the server took it. */
  seq?: number;
  /** A customer's message on its way; failed: refused by the server (it is not retried). */
  pending?: boolean;
  failed?: boolean;
}

export interface SessionState {
  /** idle: no chat; starting: asking for one; chatting: a chat exists (see status). */
  phase: 'idle' | 'starting' | 'chatting';
  status: ChatStatus | null;
  alias: string | null;
  agentTyping: boolean;
  /** Whether the stream is up; false while reconnecting. */
  connected: boolean;
  log: LogEntry[];
  rated: boolean;
  /** A system error to show (a refused message, a failed action); null when all is well. */
  error: string | null;
}

export type StartResult =
  | { ok: true }
  | { ok: false; closed: true; message: string }
  | { ok: false; closed: false; message: string; fields: Record<string, string> };

export interface ChatFields {
  name?: string;
  email?: string;
  phone?: string;
  custom?: Record<string, string>;
}

type Frame =
  | { type: 'hello'; status: ChatStatus; alias: string | null }
  | { type: 'message'; seq: number; from: LogEntry['from']; alias: string | null; text: string; at: string }
  | { type: 'typing'; typing: boolean }
  | { type: 'agent_joined'; alias: string }
  | { type: 'agent_left'; alias: string }
  | { type: 'join_timeout' }
  | { type: 'ended'; by: string };

/** What session storage keeps between page loads. */
interface Saved {
  chatId: string;
  token: string;
  lastSeq: number;
  status: ChatStatus | null;
  alias: string | null;
  log: LogEntry[];
  outbox: { clientId: string; text: string }[];
  waitShown: boolean;
  rated: boolean;
}

/** The log kept across reloads is capped; the server keeps the whole chat (the transcript). */
const KEPT_ENTRIES = 200;
const BACKOFF_MS = { first: 1000, max: 30_000 };
/** Close codes 4000–4999 are the server's final word on this chat (unknown, bad token): no reconnecting. */
const isFinalClose = (code: number) => code >= 4000 && code < 5000;

/** The server's limits (LIMITS in the core, which the script does not bundle; a test keeps them equal). */
export const MESSAGE_MAX_CODE_POINTS = 1500;
export const FORM_VALUE_MAX = 200;
export const codePoints = (text: string): number => [...text].length;

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
  #saved: Saved | null = null;
  #state: SessionState = idleState();
  #stream: Stream | null = null;
  #reconnect: { handle: unknown; attempt: number } = { handle: null, attempt: 0 };
  #sending: { handle: unknown; attempt: number; busy: boolean } = { handle: null, attempt: 0, busy: false };
  #typingSent = false;
  #closed = false;
  /** The id of the start being tried: a retry of it (the answer was lost) gets the same chat back. */
  #startId: string | null = null;
  /** Bumped by every connect and stop, so a ticket that arrives after either opens nothing. */
  #connecting = 0;

  constructor(options: ChatSessionOptions) {
    this.#o = {
      newId: () => crypto.randomUUID(),
      random: Math.random,
      ...options,
    };
  }

  get state(): SessionState {
    return this.#state;
  }

  get #key() {
    return `switchboard.chat.${this.#o.widgetId}`;
  }

  /** Picks up the chat this tab had before a reload; false when there is none. */
  resume(): boolean {
    const text = this.#o.store.get(this.#key);
    if (!text) return false;
    try {
      this.#saved = JSON.parse(text) as Saved;
    } catch {
      this.#o.store.remove(this.#key);
      return false;
    }
    const saved = this.#saved;
    this.#update({
      phase: 'chatting',
      status: saved.status,
      alias: saved.alias,
      log: saved.log,
      rated: saved.rated,
    });
    if (saved.status !== 'ended') {
      void this.#connect();
      void this.#pump();
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
    let answer: { status: number; body: unknown };
    try {
      answer = await this.#o.transport.request('POST', `/api/v1/public/widgets/${this.#o.widgetId}/chats`, {
        body: { problemStatementId, fields, clientId: this.#startId },
      });
    } catch {
      this.#update({ phase: 'idle' });
      return { ok: false, closed: false, message: this.#o.messages.connectivityError, fields: {} };
    }
    if (answer.status < 500 && answer.status !== 429) this.#startId = null;
    if (answer.status === 201) {
      const { chatId, token } = answer.body as { chatId: string; token: string };
      this.#saved = {
        chatId,
        token,
        lastSeq: 0,
        status: 'queued',
        alias: null,
        log: [],
        outbox: [],
        waitShown: false,
        rated: false,
      };
      this.#update({ phase: 'chatting', status: 'queued' });
      this.#save();
      void this.#connect();
      return { ok: true };
    }
    this.#update({ phase: 'idle' });
    const error = errorOf(answer.body);
    if (answer.status === 409 && error.code === 'widget_closed') {
      return { ok: false, closed: true, message: error.message ?? this.#o.messages.systemError };
    }
    return {
      ok: false,
      closed: false,
      message: answer.status === 400 ? (error.message ?? '') : this.#o.messages.systemError,
      fields: fieldErrors(error.details),
    };
  }

  /** Queues a message; false (and nothing sent) when it is empty or longer than the limit. */
  send(text: string): boolean {
    const saved = this.#saved;
    const length = codePoints(text);
    if (!saved || saved.status === 'ended' || text.trim() === '' || length > MESSAGE_MAX_CODE_POINTS) {
      return false;
    }
    const clientId = this.#o.newId();
    saved.outbox.push({ clientId, text });
    this.#append({ key: `local-${clientId}`, from: 'customer', alias: null, text, pending: true });
    this.typing(false);
    this.#pump();
    return true;
  }

  /** Tells the agent whether the customer is typing (sent only when it changes). */
  typing(typing: boolean): void {
    if (typing === this.#typingSent || !this.#stream || !this.#state.connected) return;
    this.#typingSent = typing;
    this.#stream.send(JSON.stringify({ type: 'typing', typing }));
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
      const answer = await this.#o.transport.request(
        'GET',
        `/api/v1/public/chats/${saved.chatId}/transcript`,
        {
          token: saved.token,
        },
      );
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
    this.#stopStream();
    this.#o.timers.clear(this.#sending.handle);
    this.#sending = { handle: null, attempt: 0, busy: false };
    this.#saved = null;
    this.#startId = null;
    this.#o.store.remove(this.#key);
    this.#state = idleState();
    this.#o.onChange(this.#state);
  }

  /** Stops all network activity (the widget is being removed); the stored chat stays for a reload. */
  dispose(): void {
    this.#closed = true;
    this.#stopStream();
    this.#o.timers.clear(this.#sending.handle);
  }

  /**
   * Opens the stream with a one-use ticket asked for with the chat's secret, so the secret never goes into
   * a URL. A ticket that could not be had is retried like a dropped stream; a refusal is final.
   */
  async #connect(): Promise<void> {
    const saved = this.#saved;
    if (!saved || this.#closed) return;
    const attempt = ++this.#connecting;
    let answer: { status: number; body: unknown } | null = null;
    try {
      answer = await this.#o.transport.request(
        'POST',
        `/api/v1/public/chats/${saved.chatId}/stream-tickets`,
        { token: saved.token },
      );
    } catch {}
    if (attempt !== this.#connecting || this.#saved !== saved || this.#closed) return;
    if (answer === null || answer.status >= 500 || answer.status === 429) {
      this.#scheduleReconnect();
      return;
    }
    const ticket = (answer.body as { ticket?: unknown } | null)?.ticket;
    if (answer.status !== 201 || typeof ticket !== 'string') {
      this.#update({ error: this.#o.messages.systemError });
      return;
    }
    const query = `ticket=${encodeURIComponent(ticket)}&after=${saved.lastSeq}`;
    const stream = this.#o.transport.openStream(`/api/v1/public/chats/${saved.chatId}/stream?${query}`, {
      onOpen: () => {
        if (this.#stream !== stream) return;
        this.#reconnect.attempt = 0;
        this.#typingSent = false;
        this.#update({ connected: true });
        this.#pump();
      },
      onFrame: (data) => {
        if (this.#stream === stream) this.#frame(data);
      },
      onClose: (code) => {
        if (this.#stream !== stream) return;
        this.#stream = null;
        this.#update({ connected: false, agentTyping: false });
        if (this.#saved?.status === 'ended' || this.#closed) return;
        if (isFinalClose(code)) {
          this.#update({ error: this.#o.messages.systemError });
          return;
        }
        this.#scheduleReconnect();
      },
    });
    this.#stream = stream;
  }

  #scheduleReconnect(): void {
    const attempt = this.#reconnect.attempt++;
    const delay = backoff(attempt, this.#o.random);
    this.#reconnect.handle = this.#o.timers.set(() => void this.#connect(), delay);
  }

  #stopStream(): void {
    this.#connecting++;
    this.#o.timers.clear(this.#reconnect.handle);
    const stream = this.#stream;
    this.#stream = null;
    stream?.close();
  }

  #frame(data: string): void {
    let frame: Frame;
    try {
      frame = JSON.parse(data) as Frame;
    } catch {
      return;
    }
    const saved = this.#saved;
    if (!saved) return;
    const texts = this.#o.messages;
    switch (frame.type) {
      case 'hello':
        this.#update({ alias: frame.alias, status: frame.status });
        saved.status = frame.status;
        saved.alias = frame.alias;
        if (frame.status === 'queued' && !saved.waitShown) {
          saved.waitShown = true;
          this.#system(texts.wait);
        }
        if (frame.status === 'ended') this.#ended();
        break;
      case 'message':
        this.#message(frame);
        break;
      case 'typing':
        this.#update({ agentTyping: frame.typing });
        break;
      case 'agent_joined':
        saved.status = 'active';
        saved.alias = frame.alias;
        this.#update({ status: 'active', alias: frame.alias });
        this.#system(`${texts.agentJoined.before}${frame.alias}${texts.agentJoined.after}`);
        break;
      case 'agent_left':
        this.#update({ agentTyping: false });
        this.#system(`${texts.agentLeft.before}${frame.alias}${texts.agentLeft.after}`);
        break;
      case 'join_timeout':
        this.#system(texts.joinTimeout);
        break;
      case 'ended':
        this.#ended();
        break;
    }
    this.#save();
  }

  #message(frame: Extract<Frame, { type: 'message' }>): void {
    const saved = this.#saved;
    if (!saved || !Number.isInteger(frame.seq) || frame.seq <= saved.lastSeq) return; // seen already
    saved.lastSeq = frame.seq;
    if (frame.from === 'agent') this.#update({ agentTyping: false });
    const mine = this.#state.log.findIndex((entry) => entry.seq === frame.seq);
    if (mine >= 0) return; // our own message, acknowledged before it came back on the stream
    this.#append({
      key: `seq-${frame.seq}`,
      from: frame.from,
      alias: frame.alias,
      text: frame.text,
      seq: frame.seq,
    });
  }

  #ended(): void {
    const saved = this.#saved;
    if (!saved || saved.status === 'ended') return;
    saved.status = 'ended';
    this.#stopStream();
    this.#update({ status: 'ended', agentTyping: false, connected: false });
    this.#system(this.#o.messages.chatEnded);
    this.#save();
  }

  /** Sends the outbox's first message; failures the network caused are retried with the same id. */
  async #pump(): Promise<void> {
    const saved = this.#saved;
    const next = saved?.outbox[0];
    if (!saved || !next || this.#sending.busy || this.#sending.handle !== null) return;
    this.#sending.busy = true;
    let answer: { status: number; body: unknown } | null = null;
    try {
      answer = await this.#o.transport.request('POST', `/api/v1/public/chats/${saved.chatId}/messages`, {
        body: { clientId: next.clientId, text: next.text },
        token: saved.token,
      });
    } catch {}
    this.#sending.busy = false;
    if (this.#saved !== saved) return; // reset meanwhile
    if (answer === null || answer.status >= 500 || answer.status === 429) {
      const delay = backoff(this.#sending.attempt++, this.#o.random);
      this.#sending.handle = this.#o.timers.set(() => {
        this.#sending.handle = null;
        void this.#pump();
      }, delay);
      return;
    }
    this.#sending.attempt = 0;
    saved.outbox.shift();
    const key = `local-${next.clientId}`;
    if (answer.status === 201) {
      const seq = (answer.body as { seq: number }).seq;
      const echoed = this.#state.log.some((entry) => entry.seq === seq && entry.key !== key);
      const log = echoed
        ? this.#state.log.filter((entry) => entry.key !== key)
        : this.#state.log.map((entry) => (entry.key === key ? { ...entry, seq, pending: false } : entry));
      this.#update({ log });
    } else {
      const log = this.#state.log.map((entry) =>
        entry.key === key ? { ...entry, pending: false, failed: true } : entry,
      );
      this.#update({ log, error: errorOf(answer.body).message ?? this.#o.messages.systemError });
    }
    this.#save();
    void this.#pump();
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
    this.#update({ log: [...this.#state.log, entry].slice(-KEPT_ENTRIES) });
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
    try {
      this.#o.store.set(this.#key, JSON.stringify(saved));
    } catch {
      // Storage full or refused (private mode): the chat goes on, it just will not survive a reload.
    }
  }
}

const idleState = (): SessionState => ({
  phase: 'idle',
  status: null,
  alias: null,
  agentTyping: false,
  connected: false,
  log: [],
  rated: false,
  error: null,
});

/** Exponential backoff with jitter: about 1 s, 2 s, 4 s … up to 30 s. */
export function backoff(attempt: number, random: () => number): number {
  const base = Math.min(BACKOFF_MS.max, BACKOFF_MS.first * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.75 + random() * 0.5));
}

function errorOf(body: unknown): { code?: string; message?: string; details?: unknown } {
  const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  return error ?? {};
}

/** The server's validation details as form field → message: `body/fields/email` → `email`. */
function fieldErrors(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of Array.isArray(details) ? details : []) {
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const parts = path.replace(/^body\//, '').split('/');
    const field =
      parts[0] === 'fields' ? (parts[1] === 'custom' ? `custom:${parts[2]}` : parts[1]) : parts[0];
    if (field && !(field in out)) out[field] = message;
  }
  return out;
}
