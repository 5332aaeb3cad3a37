import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ApiClient } from './simulate/api.ts';
import { prepareSite } from './simulate/setup.ts';
import { startSwitchboard } from './testing.ts';

const PASSWORD = 'chat-restart-admin-pw';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

interface Frame {
  type: string;
  seq?: number;
  status?: string;
  text?: string;
  from?: string;
}

/** A customer's stream from `after`, collecting every frame; `next` waits on a frame, not on time. */
function customerStream(base: string, chat: { chatId: string; token: string }, after: number) {
  // Node may send the chat's secret on the upgrade; browsers trade it for a ticket first.
  const socket = new WebSocket(
    `${base.replace('http', 'ws')}/api/v1/public/chats/${chat.chatId}/stream?after=${after}`,
    { headers: { authorization: `Chat ${chat.token}` } } as never,
  );
  const frames: Frame[] = [];
  const waiters: { match: (f: Frame) => boolean; resolve: () => void }[] = [];
  socket.addEventListener('message', (message) => {
    frames.push(JSON.parse(String(message.data)) as Frame);
    for (const waiter of [...waiters])
      if (frames.some(waiter.match)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
  });
  const closed = new Promise<void>((resolve) => socket.addEventListener('close', () => resolve()));
  return {
    frames,
    closed,
    next: (match: (f: Frame) => boolean) =>
      frames.some(match)
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ match, resolve })),
    close: () => socket.close(),
  };
}

test('a server crash in the middle of chats loses and duplicates no message; both sides carry on', {
  timeout: 120_000,
}, async () => {
  const data = await mkdtemp(join(tmpdir(), 'switchboard-chat-restart-'));
  const port = String(await freePort());
  const env = {
    SWITCHBOARD_DATA: data,
    SWITCHBOARD_ADMIN_PASSWORD: PASSWORD,
    SWITCHBOARD_DEMO: '0',
    PORT: port,
  };
  let server = await startSwitchboard(env);
  try {
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', PASSWORD);
    const site = await prepareSite(admin, 'demo', 1);
    const agent = site.agents[0] as (typeof site.agents)[number];
    await agent.client.request('PUT', `/agents/${agent.id}/state`, { domain: 'digital', state: 'ready' });
    const chat = await admin.request<{ chatId: string; token: string }>('POST', '/chats', {
      csqId: site.csqIds[0],
      customer: { name: 'Ada' },
    });
    const customer = (method: string, path: string, body?: unknown) =>
      admin.customerRequest<{ seq: number }>(chat.token, method, `/public/chats/${chat.chatId}${path}`, body);
    const first = customerStream(server.url, chat, 0);
    await agent.client.request('POST', `/contacts/${chat.chatId}/accept`);
    // Told by an agent_joined frame, or by the hello when the accept was quicker than the connection.
    await first.next((f) => f.type === 'agent_joined' || (f.type === 'hello' && f.status === 'active'));

    // Both sides write while the server is killed; what failed is sent again, with the same ids, afterwards.
    const sends = Array.from({ length: 12 }, (_, n) => ({
      clientId: crypto.randomUUID(),
      text: `customer ${n}`,
      agent: { clientId: crypto.randomUUID(), text: `agent ${n}` },
    }));
    const attempts = sends.map(async (send, n) => {
      if (n === 6) server.child.kill('SIGKILL');
      await Promise.allSettled([
        customer('POST', '/messages', { clientId: send.clientId, text: send.text }),
        agent.client.request('POST', `/chats/${chat.chatId}/messages`, send.agent),
      ]);
    });
    await Promise.all(attempts);
    await first.closed;
    const seenBefore = first.frames.filter((f) => f.type === 'message').map((f) => f.seq as number);

    server = await startSwitchboard(env);
    for (const send of sends) {
      await customer('POST', '/messages', { clientId: send.clientId, text: send.text });
      await agent.client.request('POST', `/chats/${chat.chatId}/messages`, send.agent);
    }
    const lastSeen = Math.max(0, ...seenBefore);
    const second = customerStream(server.url, chat, lastSeen);
    await second.next((f) => f.type === 'hello');
    assert.equal(second.frames[0]?.type, 'hello');
    assert.equal(
      (second.frames[0] as { status?: string }).status,
      'active',
      'the chat is still with the agent',
    );

    // Carrying on after the crash.
    await agent.client.request('POST', `/chats/${chat.chatId}/messages`, {
      clientId: crypto.randomUUID(),
      text: 'Sorry, we were gone for a moment.',
    });
    await second.next((f) => f.text === 'Sorry, we were gone for a moment.');
    const stored = await agent.client.request<{ messages: { seq: number; text: string }[] }>(
      'GET',
      `/chats/${chat.chatId}`,
    );
    const texts = stored.messages.map((m) => m.text);
    const expected = [...sends.flatMap((s) => [s.text, s.agent.text]), 'Sorry, we were gone for a moment.'];
    assert.deepEqual([...texts].sort(), [...expected].sort(), 'every message once, none lost');
    assert.deepEqual(
      stored.messages.map((m) => m.seq),
      stored.messages.map((_, i) => i + 1),
      'numbered without gaps',
    );
    const seenAfter = second.frames.filter((f) => f.type === 'message').map((f) => f.seq as number);
    assert.deepEqual(
      [...seenBefore, ...seenAfter].sort((a, b) => a - b),
      stored.messages.map((m) => m.seq),
      'the customer saw each message exactly once across both connections',
    );
    second.close();
    await customer('POST', '/end');
  } finally {
    await server.stop();
    await rm(data, { recursive: true, force: true });
  }
});
