import type { KeyValueStore, Stream, StreamHandlers, Timers, Transport } from './session.ts';

/** Paths are resolved against where the script came from, so a server under a path prefix works too. */
const relative = (path: string) => path.replace(/^\//, '');

/** The session's transport in a browser: fetch without credentials, and a WebSocket for the stream. */
/** `base`: the URL of the script's folder, e.g. `https://chat.example.com/`. */
export function browserTransport(base: string): Transport {
  return {
    async request(method, path, options = {}) {
      const headers: Record<string, string> = {};
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      if (options.token) headers.authorization = `Chat ${options.token}`;
      if (options.authorization) headers.authorization = options.authorization;
      const response = await fetch(new URL(relative(path), base), {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        credentials: 'omit',
        mode: 'cors',
      });
      const type = response.headers.get('content-type') ?? '';
      const body = type.includes('json') ? await response.json().catch(() => null) : await response.text();
      return { status: response.status, body };
    },
    openStream(path: string, handlers: StreamHandlers): Stream {
      const url = new URL(relative(path), base);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      const socket = new WebSocket(url);
      socket.onopen = () => handlers.onOpen();
      socket.onmessage = (event) => {
        if (typeof event.data === 'string') handlers.onFrame(event.data);
      };
      socket.onclose = (event) => handlers.onClose(event.code);
      return {
        send: (data) => {
          if (socket.readyState === WebSocket.OPEN) socket.send(data);
        },
        close: () => socket.close(),
      };
    },
  };
}

/** sessionStorage, or nothing where the page may not use it (some sandboxes and privacy modes). */
export function tabStore(): KeyValueStore {
  const attempt = <T>(work: () => T, fallback: T): T => {
    try {
      return work();
    } catch {
      return fallback;
    }
  };
  return {
    get: (key) => attempt(() => sessionStorage.getItem(key), null),
    set: (key, value) => attempt(() => sessionStorage.setItem(key, value), undefined),
    remove: (key) => attempt(() => sessionStorage.removeItem(key), undefined),
  };
}

export const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
