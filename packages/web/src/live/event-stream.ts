import type { ApiClient } from '../api/client.ts';
import type { LiveEvent, ResponseOf } from '../api/types.ts';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

/** Waits before reconnect attempt n: 0.5 s doubling to 10 s, with jitter so a restarted server is not stormed. */
export const reconnectDelay = (attempt: number, random = Math.random) =>
  Math.min(10_000, 500 * 2 ** Math.min(attempt, 5)) * (0.75 + random() * 0.5);

/**
 * The desktop's live feed: one WebSocket to /api/v1/events (opened with a fresh ticket each time) that
 * reconnects by itself. Every (re)connection
 * begins with `hello`, on which subscribers reload what they show ("resync"), because events sent while the
 * socket was down are not replayed.
 */
export class EventStream {
  readonly #api: ApiClient;
  #socket: WebSocket | null = null;
  #attempt = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #closed = false;
  /** Bumped by start and stop, so a connection begun before a stop never goes live after it. */
  #generation = 0;
  #status: StreamStatus = 'connecting';
  readonly #events = new Set<(event: LiveEvent) => void>();
  readonly #resyncs = new Set<() => void>();
  readonly #statuses = new Set<(status: StreamStatus) => void>();

  constructor(api: ApiClient) {
    this.#api = api;
  }

  get status(): StreamStatus {
    return this.#status;
  }

  start(): void {
    this.#closed = false;
    void this.#connect(++this.#generation);
  }

  stop(): void {
    this.#closed = true;
    this.#generation++;
    if (this.#timer) clearTimeout(this.#timer);
    this.#socket?.close();
    this.#socket = null;
  }

  onEvent(listener: (event: LiveEvent) => void): () => void {
    this.#events.add(listener);
    return () => this.#events.delete(listener);
  }

  onResync(listener: () => void): () => void {
    this.#resyncs.add(listener);
    return () => this.#resyncs.delete(listener);
  }

  onStatus(listener: (status: StreamStatus) => void): () => void {
    this.#statuses.add(listener);
    return () => this.#statuses.delete(listener);
  }

  async #connect(generation: number): Promise<void> {
    // A one-use ticket per connection: the access token never goes into a URL.
    let ticket: string;
    try {
      ({ ticket } = await this.#api.request<ResponseOf<'/events/tickets', 'post'>>(
        'POST',
        '/events/tickets',
      ));
    } catch {
      if (generation === this.#generation) this.#retry();
      return;
    }
    if (this.#closed || generation !== this.#generation) return;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(
      `${scheme}://${location.host}/api/v1/events?ticket=${encodeURIComponent(ticket)}&client=desktop`,
    );
    this.#socket = socket;
    socket.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as LiveEvent;
      if (event.type === 'hello') {
        this.#attempt = 0;
        this.#setStatus('live');
        for (const listener of this.#resyncs) listener();
        return;
      }
      for (const listener of this.#events) listener(event);
    };
    socket.onclose = () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      this.#retry();
    };
  }

  #retry(): void {
    if (this.#closed) return;
    this.#setStatus('reconnecting');
    const generation = this.#generation;
    this.#timer = setTimeout(() => void this.#connect(generation), reconnectDelay(this.#attempt++));
  }

  #setStatus(status: StreamStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    for (const listener of this.#statuses) listener(status);
  }
}
