/** The shapes the chat session shares with its parts, the views and the browser's transport. */

/** What goes to and comes from the server; the browser's is in transport.ts, tests pass a fake. */
export interface Transport {
  /** Resolves with any HTTP answer; rejects only when there was none (network down). */
  request(
    method: 'GET' | 'POST',
    path: string,
    /** `token`: a chat's secret; `authorization`: the whole header, for anything else (a call's secret). */
    options?: { body?: unknown; token?: string; authorization?: string },
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
  /** While waiting: the place in line (1 = next) and the expected wait when the queue has history. */
  queue: { position: number; expectedWaitSeconds: number | null } | null;
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
