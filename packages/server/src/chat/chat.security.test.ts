import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApiKey, buildCsq, chatCustomer } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { chatStreamUrl, connect, eventsUrl, type Message } from '../testing/websocket.ts';

let server: TestApp;
let base: string;
let admin: Session;
let channel: Session;
let csqId: string;

before(async () => {
  server = await startTestApp();
  base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  ({ admin } = await createTestTenant(server, 'acme'));
  csqId = (await buildCsq(server, admin)).id;
  channel = (await buildApiKey(server, admin, 'write')).session;
});
after(() => server.close());

const start = async (clientId?: string) => {
  const started = await call(server, channel, 'POST', '/chats', {
    csqId,
    customer: { name: 'Ada' },
    ...(clientId ? { clientId } : {}),
  });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  return started.body as { chatId: string; token: string };
};

const isError = (m: Message) => m.type === 'error';

async function refused(stream: ReturnType<typeof connect>) {
  const error = (await stream.next(isError)).error as { code: string; message: string };
  assert.equal(await stream.closed, 4401);
  return error;
}

describe("the customer's chat stream", () => {
  test('the chat secret in the URL is refused, and the error says where to get a ticket', async () => {
    const chat = await start();
    const stream = connect(`${base}/api/v1/public/chats/${chat.chatId}/stream?token=${chat.token}`);
    const error = await refused(stream);
    assert.equal(error.code, 'unauthenticated');
    assert.match(error.message, /POST \/api\/v1\/public\/chats\/\{id\}\/stream-tickets/);
  });

  test('a ticket opens the stream once; the ticket route needs the chat secret', async () => {
    const chat = await start();
    const url = await chatStreamUrl(server, base, chat);
    const stream = connect(url);
    assert.equal((await stream.next((m) => m.type === 'hello')).status, 'queued');
    assert.match((await refused(connect(url))).message, /used already/);
    const without = await call(server, undefined, 'POST', `/public/chats/${chat.chatId}/stream-tickets`);
    assert.equal(without.status, 401);
    const wrong = await call(
      server,
      chatCustomer({ token: 'x'.repeat(43) }),
      'POST',
      `/public/chats/${chat.chatId}/stream-tickets`,
    );
    assert.equal(wrong.status, 404);
    stream.close();
  });

  test("a ticket opens only its own chat's stream, never another chat or the event stream", async () => {
    const [mine, theirs] = [await start(), await start()];
    const ticket = new URL(await chatStreamUrl(server, base, mine)).searchParams.get('ticket');
    await refused(connect(`${base}/api/v1/public/chats/${theirs.chatId}/stream?ticket=${ticket}`));
    const another = new URL(await chatStreamUrl(server, base, mine)).searchParams.get('ticket');
    await refused(connect(`${base}/api/v1/events?ticket=${another}`));
    const eventTicket = new URL(await eventsUrl(server, base, admin)).searchParams.get('ticket');
    await refused(connect(`${base}/api/v1/public/chats/${mine.chatId}/stream?ticket=${eventTicket}`));
  });

  test('Node clients may send Authorization: Chat on the upgrade', async () => {
    const chat = await start();
    const stream = connect(`${base}/api/v1/public/chats/${chat.chatId}/stream`, {
      authorization: `Chat ${chat.token}`,
    });
    await stream.next((m) => m.type === 'hello');
    stream.close();
  });

  test('a chat id that is no UUID is no chat: not_found, not an internal error', async () => {
    const chat = await start();
    const stream = connect(`${base}/api/v1/public/chats/not-a-uuid/stream`, {
      authorization: `Chat ${chat.token}`,
    });
    assert.equal((await refused(stream)).code, 'not_found');
  });
});

describe('starting a chat again with the same clientId', () => {
  test('answers the same chat and the same secret, and the first secret keeps working', async () => {
    const clientId = crypto.randomUUID();
    const first = await start(clientId);
    const retry = await start(clientId);
    assert.deepEqual(retry, first);
    const messages = await call(server, chatCustomer(first), 'GET', `/public/chats/${first.chatId}/messages`);
    assert.equal(messages.status, 200);
  });

  test("keeps the clientId out of the contact's external id", async () => {
    const clientId = crypto.randomUUID();
    const chat = await start(clientId);
    const contact = await call(server, admin, 'GET', `/contacts/${chat.chatId}`);
    assert.equal(contact.status, 200);
    assert.ok(contact.body.externalId, 'a retry still finds its chat by an external id');
    assert.ok(!String(contact.body.externalId).includes(clientId));
    assert.ok(!String(contact.body.externalId).includes(clientId.replaceAll('-', '')));
  });

  test('a different clientId is another chat with another secret', async () => {
    const [one, two] = [await start(crypto.randomUUID()), await start(crypto.randomUUID())];
    assert.notEqual(one.chatId, two.chatId);
    assert.notEqual(one.token, two.token);
  });

  test('a clientId must be a UUID', async () => {
    const bad = await call(server, channel, 'POST', '/chats', { csqId, customer: {}, clientId: 'chat-1' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'validation_failed');
  });
});
