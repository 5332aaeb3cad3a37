import type { ApiClient } from '../api/client.ts';
import type { LiveEvent, ResponseOf } from '../api/types.ts';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

/** Waits before reconnect attempt n: 0.5 s doubling to 10 s, with jitter so a restarted server is not stormed. */
export const reconnectDelay = (attempt: number, random = Math.random) =>
  Math.min(10_000, 500 * 2 ** Math.min(attempt, 5)) * (0.75 + random() * 0.5);

/**
 * The desktop's live feed: one WebSocket to /api/v1/events (opened with a fresh ticket each time) that
 * reconnects by itself, with the cursor of the last event it received: the server then replays exactly the
 * events missed while the socket was down. Subscribers reload what they show ("resync") only when the
 * server's `hello` asks for it: on the first connection, or when the missed events are older than the log keeps.
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
  /** The last event received: where a reconnection resumes. */
  #cursor: string | null = null;
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
    const resume = this.#cursor ? `&cursor=${encodeURIComponent(this.#cursor)}` : '';
    const socket = new WebSocket(
      `${scheme}://${location.host}/api/v1/events?ticket=${encodeURIComponent(ticket)}&client=desktop${resume}`,
    );
    this.#socket = socket;
    socket.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as LiveEvent;
      if (event.type === 'hello') {
        this.#attempt = 0;
        this.#cursor = event.cursor ?? null;
        this.#setStatus('live');
        if (event.resync !== false) for (const listener of this.#resyncs) listener();
        return;
      }
      if (event.type === 'error' && String((event.error as { code?: string })?.code).startsWith('cursor_')) {
        // The server no longer knows our place (say, its database was restored): start afresh.
        this.#cursor = null;
        return;
      }
      if (event.cursor) this.#cursor = event.cursor;
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
