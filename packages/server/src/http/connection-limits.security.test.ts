import assert from 'node:assert/strict';
import { once } from 'node:events';
import { request } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { test } from 'node:test';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

const CAP = 8;
const OVER = 4;
/** Without the limits the connections stay open: the test then fails at this bound instead of hanging. */
function closedWithin(connections: { closed: Promise<void> }[], what: string): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still open after 30 s`)), 30_000);
  });
  return Promise.race([Promise.all(connections.map((c) => c.closed)), bound]).finally(() =>
    clearTimeout(timer),
  );
}

/** Closes the app without waiting on connections a failed test left open. */
async function close(server: TestApp): Promise<void> {
  server.app.server.closeAllConnections();
  await server.close();
}

async function listen(server: TestApp): Promise<number> {
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  return (server.app.server.address() as AddressInfo).port;
}

/** A TCP connection from `localAddress` that sends nothing, as a half-open flood does. */
async function idleConnection(port: number, localAddress = '127.0.0.1') {
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  // A reset is the server closing too: 'close' follows it.
  socket.on('error', () => {});
  let open = true;
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      open = false;
      resolve();
    }),
  );
  await once(socket, 'connect');
  return { socket, closed, isOpen: () => open };
}

function healthz(port: number, localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', localAddress, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject).end();
  });
}

test('one address holding idle connections beyond its cap is cut off, and others are still served', async () => {
  const server = await startTestApp({ connections: { maxConnectionsPerClient: CAP } });
  try {
    const port = await listen(server);
    const connections = [];
    for (let i = 0; i < CAP + OVER; i++) connections.push(await idleConnection(port));
    await closedWithin(connections.slice(CAP), 'connections over the cap');
    assert.deepEqual(
      connections.slice(0, CAP).map((c) => c.isOpen()),
      Array(CAP).fill(true),
      'the first connections stay open',
    );
    assert.equal(await healthz(port, '127.0.0.2'), 200, 'another address is served');
    // A connection under the cap still carries requests.
    const held = (connections[0] as { socket: Socket }).socket;
    held.write('GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n');
    const [answer] = await once(held, 'data');
    assert.match(String(answer), /^HTTP\/1\.1 200/);
  } finally {
    await close(server);
  }
});

test('connections that never send anything are closed when they have idled too long', async () => {
  const server = await startTestApp({ connections: { idleTimeoutMs: 50 } });
  try {
    const port = await listen(server);
    const silent = await Promise.all([1, 2, 3].map(() => idleConnection(port)));
    await closedWithin(silent, 'idle connections');
  } finally {
    await close(server);
  }
});

test('connections that never finish their headers are closed when the headers timeout ends', async () => {
  const server = await startTestApp({ connections: { headersTimeoutMs: 50, requestTimeoutMs: 100 } });
  try {
    const port = await listen(server);
    const partial = await idleConnection(port);
    partial.socket.write('GET /healthz HTTP/1.1\r\nhost: x\r\n');
    const answer = new Promise<string>((resolve) => partial.socket.once('data', (d) => resolve(String(d))));
    await closedWithin([partial], 'a connection without its headers');
    assert.match(await answer, /^HTTP\/1\.1 408/);
  } finally {
    await close(server);
  }
});

test('the server refuses connections beyond its total', async () => {
  const server = await startTestApp({ connections: { maxConnections: 2, maxConnectionsPerClient: 0 } });
  try {
    const port = await listen(server);
    const held = [await idleConnection(port), await idleConnection(port, '127.0.0.3')];
    await closedWithin([await idleConnection(port, '127.0.0.4')], 'a connection over the total');
    assert.deepEqual(
      held.map((c) => c.isOpen()),
      [true, true],
    );
  } finally {
    await close(server);
  }
});
