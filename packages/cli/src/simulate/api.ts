import { Agent } from 'undici';

/** A failed API call: the HTTP status and the error body's stable code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * Idle connections are given up long before the server closes them (72 s): a request sent on a connection
 * the server is closing at that moment fails, and a busy client (hundreds of virtual agents) notices a
 * connection's end late. 10 s leaves a wide margin.
 */
const connections = new Agent({ keepAliveTimeout: 4_000, keepAliveMaxTimeout: 10_000 });

/** The public HTTP API of a running Switchboard, as one signed-in user. */
export class ApiClient {
  readonly baseUrl: string;
  #token: string;

  constructor(baseUrl: string, token: string) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.#token = token;
  }

  get token(): string {
    return this.#token;
  }

  static async signIn(
    baseUrl: string,
    tenant: string,
    username: string,
    password: string,
  ): Promise<ApiClient> {
    const anonymous = new ApiClient(baseUrl, '');
    const session = await anonymous.request<{ accessToken: string }>('POST', '/auth/login', {
      tenant,
      username,
      password,
    });
    return new ApiClient(baseUrl, session.accessToken);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.#send<T>(this.#token ? `Bearer ${this.#token}` : null, method, path, body);
  }

  /** A web chat customer's call, with the chat's secret instead of this user's token. */
  customerRequest<T>(chatToken: string, method: string, path: string, body?: unknown): Promise<T> {
    return this.#send<T>(`Chat ${chatToken}`, method, path, body);
  }

  async #send<T>(authorization: string | null, method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (authorization) headers.authorization = authorization;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      // A request that never answers would silently stall a virtual agent: make it an error instead.
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      dispatcher: connections,
    } as RequestInit).catch((error: unknown) => {
      throw new Error(`${method} ${path}: ${describe(error)}`);
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
      throw new ApiError(
        response.status,
        error?.code ?? 'unknown',
        `${method} ${path}: ${response.status} ${error?.message ?? text}`,
      );
    }
    return parsed as T;
  }

  /**
   * The tenant's event stream (WebSocket), authenticated with this user's token in the upgrade's
   * Authorization header (Node can set one; browsers use a ticket), never in the URL.
   */
  events(): WebSocket {
    return socketWith(`${this.baseUrl}/api/v1/events`, `Bearer ${this.#token}`);
  }

  /** A chat's customer stream, authenticated with the chat's secret in the Authorization header. */
  chatStream(chatId: string, chatToken: string): WebSocket {
    return socketWith(`${this.baseUrl}/api/v1/public/chats/${chatId}/stream`, `Chat ${chatToken}`);
  }
}

function socketWith(address: string, authorization: string): WebSocket {
  const url = new URL(address);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  // Node's WebSocket (undici) takes headers in its options; the DOM typings know only protocols.
  return new WebSocket(url, { headers: { authorization } } as never);
}

/** A failed fetch says only "fetch failed"; the reason (a reset, a refused connection) is in its cause. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause ? `${error.message} (${cause.code ?? ''} ${cause.message ?? ''})` : error.message;
}

/** True for the answers a simulation expects when it races the router (the contact moved on already). */
/** Longer than any answer a healthy server gives under the heaviest load benchmark. */
const REQUEST_TIMEOUT_MS = 30_000;

export const isRace = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 409 || error.status === 404);
