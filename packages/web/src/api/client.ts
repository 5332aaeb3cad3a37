import type { ApiErrorBody, ResponseOf } from './types.ts';

/** A refused request: the server's stable code, its message, and the fields it concerns. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /**
   * Field name → message, from validation details such as `{path: 'body/name'}`. A nested field is there
   * under its top-level name and under its whole path too (`branding` and `branding/titleColor`).
   */
  readonly fields: Record<string, string>;

  constructor(status: number, code: string, message: string, details: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fieldErrors(details);
  }
}

function fieldErrors(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const items = Array.isArray(details) ? details : details && typeof details === 'object' ? [details] : [];
  for (const item of items as { path?: unknown; field?: unknown; message?: unknown }[]) {
    const path = typeof item.path === 'string' ? item.path : typeof item.field === 'string' ? item.field : '';
    const whole = path.replace(/^body\/?/, '');
    const field = whole.split('/')[0];
    if (!field || typeof item.message !== 'string') continue;
    if (!(field in out)) out[field] = item.message;
    if (whole !== field && !(whole in out)) out[whole] = item.message;
  }
  return out;
}

export interface Session {
  tenant: string;
  username: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token stops working. */
  expiresAt: number;
}

type TokenPair = ResponseOf<'/auth/login', 'post'>;

const STORAGE_KEY = 'switchboard.session';
const API = '/api/v1';

/**
 * The REST client: carries the access token, refreshes it shortly before it expires (and once on a 401), and
 * turns error bodies into ApiError. The session lives in sessionStorage so a reload keeps the user signed in
 * while another tab may sign in as someone else.
 */
export class ApiClient {
  #session: Session | null;
  #refreshing: Promise<void> | null = null;
  #listeners = new Set<(session: Session | null) => void>();

  constructor() {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    this.#session = stored ? (JSON.parse(stored) as Session) : null;
  }

  get session(): Session | null {
    return this.#session;
  }

  onSessionChange(listener: (session: Session | null) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async signIn(tenant: string, username: string, password: string): Promise<void> {
    const tokens = await this.#send<TokenPair>('POST', '/auth/login', { tenant, username, password }, null);
    this.#store({ tenant, username, ...toSession(tokens) });
  }

  async signOut(): Promise<void> {
    try {
      if (this.#session) await this.request('POST', '/auth/logout');
    } catch {
      // Signing out locally is what matters; the server forgets the session when its tokens expire.
    }
    this.#store(null);
  }

  /** A token that is valid now, refreshed first if it is about to expire. */
  async freshToken(): Promise<string> {
    if (!this.#session) throw new ApiError(401, 'unauthenticated', 'Sign in first.', null);
    if (this.#session.expiresAt - Date.now() < 60_000) await this.#refresh();
    return (this.#session as Session).accessToken;
  }

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const token = await this.freshToken();
    try {
      return await this.#send<T>(method, path, body, token);
    } catch (error) {
      // A wrong password is the caller's answer, not an expired token: retrying would only count it twice.
      const stale = error instanceof ApiError && error.status === 401 && error.code !== 'invalid_credentials';
      if (!stale || !this.#session) throw error;
      await this.#refresh();
      return this.#send<T>(method, path, body, this.#session.accessToken);
    }
  }

  /** A file as the body (an import), with its content type; refusals are ApiErrors as with `request`. */
  upload<T = unknown>(path: string, file: Blob, contentType: string): Promise<T> {
    return this.request<T>('POST', path, new FileBody(file, contentType));
  }

  /** A file the API sends (a CSV export), as a blob to save; a refusal is an ApiError as with `request`. */
  async download(path: string): Promise<Blob> {
    const response = await fetch(`${API}${path}`, {
      headers: { authorization: `Bearer ${await this.freshToken()}` },
    });
    if (response.ok) return response.blob();
    const error = ((await response.json().catch(() => undefined)) as Partial<ApiErrorBody> | undefined)
      ?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'internal',
      error?.message ?? `The server answered ${response.status}.`,
      error?.details ?? null,
    );
  }

  /**
   * A request that outlives the page (a keepalive fetch, as the tab closes or a panel goes away): sent with the
   * token held now, never refreshed or retried, its answer ignored.
   */
  sendOnLeaving(method: string, path: string): void {
    const token = this.#session?.accessToken;
    if (!token) return;
    void fetch(`${API}${path}`, {
      method,
      keepalive: true,
      headers: { authorization: `Bearer ${token}` },
    }).catch(() => {});
  }

  #refresh(): Promise<void> {
    this.#refreshing ??= (async () => {
      const session = this.#session;
      if (!session) return;
      try {
        const tokens = await this.#send<TokenPair>(
          'POST',
          '/auth/refresh',
          { refreshToken: session.refreshToken },
          null,
        );
        this.#store({ ...session, ...toSession(tokens) });
      } catch (error) {
        if (error instanceof ApiError && error.status < 500) this.#store(null);
        throw error;
      } finally {
        this.#refreshing = null;
      }
    })();
    return this.#refreshing;
  }

  async #send<T>(method: string, path: string, body: unknown, token: string | null): Promise<T> {
    const headers: Record<string, string> = {};
    if (body instanceof FileBody) headers['content-type'] = body.contentType;
    else if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${API}${path}`, {
      method,
      headers,
      body: body instanceof FileBody ? body.file : body === undefined ? null : JSON.stringify(body),
    });
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) {
      // A proxy's error page or an empty body has none of the documented shape.
      const error = (parsed as Partial<ApiErrorBody> | undefined)?.error;
      throw new ApiError(
        response.status,
        error?.code ?? 'internal',
        error?.message ?? `The server answered ${response.status}.`,
        error?.details ?? null,
      );
    }
    return parsed as T;
  }

  #store(session: Session | null): void {
    this.#session = session;
    if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else sessionStorage.removeItem(STORAGE_KEY);
    for (const listener of this.#listeners) listener(session);
  }
}

/** A body sent as it is, not as JSON. */
class FileBody {
  readonly file: Blob;
  readonly contentType: string;
  constructor(file: Blob, contentType: string) {
    this.file = file;
    this.contentType = contentType;
  }
}

const toSession = (tokens: TokenPair) => ({
  accessToken: tokens.accessToken,
  refreshToken: tokens.refreshToken,
  expiresAt: Date.now() + tokens.expiresIn * 1000,
});

export const api = new ApiClient();
