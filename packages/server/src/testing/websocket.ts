export interface Message {
  type: string;
  [key: string]: unknown;
}

/** A WebSocket client that hands out messages as they arrive, waiting on events rather than time. */
export function connect(url: string) {
  const socket = new WebSocket(url);
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
