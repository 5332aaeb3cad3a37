import assert from 'node:assert/strict';
import { once } from 'node:events';
import { request } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { test } from 'node:test';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

const CAP = 8;
const OVER = 4;
/** Without the limits the connections stay open: the test then fails at this bound instead of hanging. */
const BOUND = { timeout: 30_000 };

async function listen(server: TestApp): Promise<number> {
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  return (server.app.server.address() as AddressInfo).port;
}

/** A TCP connection from `localAddress` that sends nothing, as a half-open flood does. */
async function idleConnection(port: number, localAddress = '127.0.0.1') {
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  const closed = once(socket, 'close');
  let open = true;
  void closed.then(() => (open = false));
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

test(
  'one address holding idle connections beyond its cap is cut off, and others are still served',
  BOUND,
  async () => {
    const server = await startTestApp({ connections: { maxConnectionsPerClient: CAP } });
    try {
      const port = await listen(server);
      const connections = [];
      for (let i = 0; i < CAP + OVER; i++) connections.push(await idleConnection(port));
      await Promise.all(connections.slice(CAP).map((c) => c.closed));
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
      for (const { socket } of connections) socket.destroy();
    } finally {
      await server.close();
    }
  },
);

test('connections that never send a request are closed when they time out', BOUND, async () => {
  const server = await startTestApp({
    connections: { idleTimeoutMs: 50, headersTimeoutMs: 50, requestTimeoutMs: 100 },
  });
  try {
    const port = await listen(server);
    const silent = await Promise.all([1, 2, 3].map(() => idleConnection(port)));
    const partial = await idleConnection(port);
    partial.socket.write('GET /healthz HTTP/1.1\r\nhost: x\r\n'); // headers never finished
    await Promise.all([...silent, partial].map((c) => c.closed));
  } finally {
    await server.close();
  }
});

test('the server refuses connections beyond its total', BOUND, async () => {
  const server = await startTestApp({ connections: { maxConnections: 2, maxConnectionsPerClient: 0 } });
  try {
    const port = await listen(server);
    const held = [await idleConnection(port), await idleConnection(port, '127.0.0.3')];
    await (await idleConnection(port, '127.0.0.4')).closed;
    assert.deepEqual(
      held.map((c) => c.isOpen()),
      [true, true],
    );
    for (const { socket } of held) socket.destroy();
  } finally {
    await server.close();
  }
});
