import type { TestApp } from './test-app.ts';

export interface Message {
  type: string;
  [key: string]: unknown;
}

/**
 * A WebSocket client that hands out messages as they arrive, waiting on events rather than time. Node's
 * client may send headers on the upgrade (browsers cannot).
 */
export function connect(url: string, headers?: Record<string, string>) {
  // Node's WebSocket takes headers in its options (undici), which the DOM typings do not know.
  const socket = headers ? new WebSocket(url, { headers } as never) : new WebSocket(url);
  const received: Message[] = [];
  const waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as Message;
    received.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.match(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  });
  const closed = new Promise<number>((resolve) =>
    socket.addEventListener('close', (event) => resolve(event.code)),
  );
  return {
    received,
    closed,
    next(match: (m: Message) => boolean): Promise<Message> {
      const found = received.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close: () => socket.close(),
  };
}

/** A one-use ticket for the event stream, asked for with the caller's bearer token or API key. */
export async function eventsUrl(
  test: TestApp,
  base: string,
  session: { headers: { authorization: string } },
): Promise<string> {
  const answer = await test.app.inject({
    method: 'POST',
    url: '/api/v1/events/tickets',
    headers: session.headers,
  });
  if (answer.statusCode !== 201) throw new Error(`no ticket: ${answer.body}`);
  return `${base}/api/v1/events?ticket=${answer.json().ticket}`;
}

/** A one-use ticket for a chat's customer stream, asked for with the chat's secret. */
export async function chatStreamUrl(
  test: TestApp,
  base: string,
  chat: { chatId: string; token: string },
  after = 0,
): Promise<string> {
  const answer = await test.app.inject({
    method: 'POST',
    url: `/api/v1/public/chats/${chat.chatId}/stream-tickets`,
    headers: { authorization: `Chat ${chat.token}` },
  });
  if (answer.statusCode !== 201) throw new Error(`no ticket: ${answer.body}`);
  return `${base}/api/v1/public/chats/${chat.chatId}/stream?ticket=${answer.json().ticket}&after=${after}`;
}
