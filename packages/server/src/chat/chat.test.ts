import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  buildApiKey,
  buildCalendar,
  buildChatWidget,
  buildCsq,
  setAgentState,
  signInAs,
} from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { chatStreamUrl, connect, eventsUrl } from '../testing/websocket.ts';

/** A customer's call with the chat's secret. */
async function customer(
  server: TestApp,
  chat: { chatId: string; token: string },
  method: 'GET' | 'POST',
  path: string,
  payload?: unknown,
) {
  const response = await server.app.inject({
    method,
    url: `/api/v1/public/chats/${chat.chatId}${path}`,
    headers: { authorization: `Chat ${chat.token}` },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  const json = response.headers['content-type']?.toString().startsWith('application/json');
  return {
    status: response.statusCode,
    body: json ? response.json() : response.body,
    headers: response.headers,
  };
}

describe('web chat sessions', () => {
  let server: TestApp;
  let base: string;
  let admin: Session;
  let channel: Session;
  let csqId: string;
  let agent: { user: { id: string }; session: Session };

  before(async () => {
    server = await startTestApp();
    base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    ({ admin } = await createTestTenant(server, 'acme'));
    csqId = (await buildCsq(server, admin)).id;
    agent = await signInAs(server, admin, 'agent', { alias: 'Sam' });
    channel = (await buildApiKey(server, admin, 'write')).session;
  });
  after(() => server.close());

  const startChat = async (name = 'Ada') => {
    const started = await call(server, channel, 'POST', '/chats', {
      csqId,
      customer: { name, email: 'ada@example.com' },
      problemStatement: 'Billing',
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    return started.body as { chatId: string; token: string };
  };
  const agentStream = async () => connect(await eventsUrl(server, base, agent.session));
  const customerStream = async (chat: { chatId: string; token: string }, after = 0) =>
    connect(await chatStreamUrl(server, base, chat, after));
  const uuid = () => crypto.randomUUID();

  test('customer and agent talk: joined, messages both ways, typing, end, transcript and rating', async () => {
    const desk = await agentStream();
    await desk.next((m) => m.type === 'hello');
    await setAgentState(server, agent.session, agent.user.id, 'ready');
    const chat = await startChat();
    const stream = await customerStream(chat);
    const hello = await stream.next((m) => m.type === 'hello');
    assert.equal(hello.status, 'queued');

    await desk.next((m) => m.type === 'contact.offered' && m.contactId === chat.chatId);
    const contact = await call(server, agent.session, 'GET', `/contacts/${chat.chatId}`);
    assert.equal(contact.body.attributes.Name, 'Ada', 'the agent sees who the customer said they are');
    assert.equal(contact.body.attributes.Problem, 'Billing');
    assert.equal(
      (
        await call(server, agent.session, 'POST', `/chats/${chat.chatId}/messages`, {
          clientId: uuid(),
          text: 'Hi',
        })
      ).status,
      409,
      'no writing before accepting',
    );
    assert.equal((await call(server, agent.session, 'POST', `/contacts/${chat.chatId}/accept`)).status, 200);
    const joined = await stream.next((m) => m.type === 'agent_joined');
    server.clock.advance(1_000);
    assert.equal(joined.alias, 'Sam', 'the customer sees the alias');

    const clientId = uuid();
    const sent = await customer(server, chat, 'POST', '/messages', { clientId, text: 'My bill is wrong' });
    assert.equal(sent.status, 201);
    assert.equal(sent.body.seq, 1);
    const heard = await desk.next((m) => m.type === 'chat.message' && m.contactId === chat.chatId);
    assert.equal(heard.text, 'My bill is wrong');
    assert.equal(heard.from, 'customer');
    server.clock.advance(1_000);
    const again = await customer(server, chat, 'POST', '/messages', { clientId, text: 'My bill is wrong' });
    assert.equal(again.body.seq, 1, 'a retried message is the same message');

    await customer(server, chat, 'POST', '/typing', { typing: true });
    const typing = await desk.next((m) => m.type === 'chat.typing');
    assert.equal(typing.typing, true);
    await call(server, agent.session, 'POST', `/chats/${chat.chatId}/typing`, { typing: true });
    await stream.next((m) => m.type === 'typing' && m.typing === true);

    const reply = await call(server, agent.session, 'POST', `/chats/${chat.chatId}/messages`, {
      clientId: uuid(),
      text: '<b>Let me check</b>',
    });
    assert.equal(reply.status, 201);
    const shown = await stream.next((m) => m.type === 'message' && m.from === 'agent');
    assert.equal(shown.text, '<b>Let me check</b>', 'text goes as text, unchanged');
    assert.equal(shown.alias, 'Sam');
    assert.equal(shown.seq, 2);

    const whole = await call(server, agent.session, 'GET', `/chats/${chat.chatId}`);
    assert.deepEqual(
      whole.body.messages.map((m: { seq: number; from: string }) => [m.seq, m.from]),
      [
        [1, 'customer'],
        [2, 'agent'],
      ],
    );
    assert.equal(whole.body.customer.email, 'ada@example.com');

    assert.equal(
      (await customer(server, chat, 'POST', '/rating', { rating: 5 })).status,
      409,
      'rate after the end',
    );
    server.clock.advance(1_000);
    assert.equal((await customer(server, chat, 'POST', '/end')).status, 204);
    const ended = await stream.next((m) => m.type === 'ended');
    assert.equal(ended.by, 'customer');
    const late = await customer(server, chat, 'POST', '/messages', { clientId: uuid(), text: 'Hello?' });
    assert.equal(late.status, 409);
    assert.equal(late.body.error.code, 'chat_ended');

    const transcript = await customer(server, chat, 'GET', '/transcript');
    assert.equal(transcript.status, 200);
    assert.match(String(transcript.headers['content-disposition']), /attachment/);
    const lines = String(transcript.body).split('\n');
    const order = [
      'Sam joined the chat.',
      'Ada: My bill is wrong',
      'Sam: <b>Let me check</b>',
      'You ended the chat.',
    ];
    const positions = order.map((text) => lines.findIndex((line) => line.endsWith(text)));
    assert.ok(
      positions.every((p) => p >= 0),
      transcript.body,
    );
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
      'in the order it happened',
    );

    assert.equal(
      (await customer(server, chat, 'POST', '/rating', { rating: 4, comment: 'Quick' })).status,
      204,
    );
    const rated = await call(server, admin, 'GET', `/chats/${chat.chatId}`);
    assert.deepEqual(rated.body.rating, { rating: 4, comment: 'Quick' });
    assert.equal((await customer(server, chat, 'POST', '/rating', { rating: 6 })).status, 400);

    await call(server, agent.session, 'POST', `/contacts/${chat.chatId}/wrap-up`, { reasons: [] });
    desk.close();
    stream.close();
  });

  test('a reconnecting customer gets only what they missed, each message once', async () => {
    await setAgentState(server, agent.session, agent.user.id, 'not_ready');
    const chat = await startChat('Grace');
    for (const text of ['one', 'two', 'three'])
      await customer(server, chat, 'POST', '/messages', { clientId: uuid(), text });
    const stream = await customerStream(chat, 2);
    const third = await stream.next((m) => m.type === 'message');
    assert.equal(third.seq, 3);
    await customer(server, chat, 'POST', '/messages', { clientId: uuid(), text: 'four' });
    await stream.next((m) => m.type === 'message' && m.seq === 4);
    assert.deepEqual(
      stream.received.filter((m) => m.type === 'message').map((m) => m.seq),
      [3, 4],
    );
    const caughtUp = await customer(server, chat, 'GET', '/messages?after=1');
    assert.deepEqual(
      caughtUp.body.map((m: { text: string }) => m.text),
      ['two', 'three', 'four'],
    );
    assert.equal((await customer(server, chat, 'POST', '/end')).status, 204);
    const ended = await stream.next((m) => m.type === 'ended');
    assert.equal(ended.by, 'customer');
    stream.close();
  });

  test('message limits: 1,500 characters counted as the customer sees them, never only spaces', async () => {
    const chat = await startChat();
    const emoji = '😀'.repeat(1500);
    const longest = await customer(server, chat, 'POST', '/messages', { clientId: uuid(), text: emoji });
    assert.equal(longest.status, 201, '1,500 emoji are 1,500 characters');
    const tooLong = await customer(server, chat, 'POST', '/messages', {
      clientId: uuid(),
      text: 'x'.repeat(1501),
    });
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.body.error.code, 'validation_failed');
    const blank = await customer(server, chat, 'POST', '/messages', { clientId: uuid(), text: '   ' });
    assert.equal(blank.status, 400);
    assert.match(blank.body.error.message, /empty/);
    await customer(server, chat, 'POST', '/end');
  });

  test('a flood from one chat is refused with 429 and Retry-After; other chats are not slowed', async () => {
    const flooding = await startChat();
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof customer>> | undefined;
    for (let i = 0; i < 25; i++) {
      const sent = await customer(server, flooding, 'POST', '/messages', {
        clientId: uuid(),
        text: `spam ${i}`,
      });
      statuses.push(sent.status);
      if (sent.status === 429) refused ??= sent;
    }
    assert.equal(statuses.filter((s) => s === 201).length, 20, 'a burst of 20 goes through');
    assert.equal(refused?.body.error.code, 'chat_rate_limited');
    assert.ok(Number(refused?.headers['retry-after']) >= 1);
    const other = await startChat();
    assert.equal(
      (await customer(server, other, 'POST', '/messages', { clientId: uuid(), text: 'hello' })).status,
      201,
    );
    server.clock.advance(5_000);
    assert.equal(
      (await customer(server, flooding, 'POST', '/messages', { clientId: uuid(), text: 'later' })).status,
      201,
      'the chat may write again after a pause',
    );
    for (const chat of [flooding, other]) await customer(server, chat, 'POST', '/end');
  });

  test('a wrong or missing secret finds no chat; agents see only the chats they handle', async () => {
    const chat = await startChat();
    const wrong = await customer(server, { ...chat, token: 'x'.repeat(43) }, 'GET', '/messages');
    assert.equal(wrong.status, 404);
    const missing = await server.app.inject({
      method: 'GET',
      url: `/api/v1/public/chats/${chat.chatId}/messages`,
    });
    assert.equal(missing.statusCode, 401);
    const stream = connect(`${base}/api/v1/public/chats/${chat.chatId}/stream?ticket=${'x'.repeat(43)}`);
    const refused = (await stream.next((m) => m.type === 'error')) as { error?: { code?: string } };
    assert.equal(refused.error?.code, 'unauthenticated');
    assert.equal(await stream.closed, 4401);
    const other = await signInAs(server, admin, 'agent');
    assert.equal((await call(server, other.session, 'GET', `/chats/${chat.chatId}`)).status, 404);
    const { admin: otherTenant } = await createTestTenant(server, 'globex');
    assert.equal((await call(server, otherTenant, 'GET', `/chats/${chat.chatId}`)).status, 404);
    await customer(server, chat, 'POST', '/end');
  });

  test('a chat contact from another channel adapter has no web chat to write in', async () => {
    await setAgentState(server, agent.session, agent.user.id, 'ready');
    const plain = await call(server, channel, 'POST', '/contacts', { channel: 'chat', csqId });
    await call(server, agent.session, 'POST', `/contacts/${plain.body.id}/accept`);
    const written = await call(server, agent.session, 'POST', `/chats/${plain.body.id}/messages`, {
      clientId: uuid(),
      text: 'Hello',
    });
    assert.equal(written.status, 404);
    assert.equal((await call(server, agent.session, 'GET', `/chats/${plain.body.id}`)).status, 404);
    await call(server, agent.session, 'POST', `/contacts/${plain.body.id}/complete`);
    await call(server, agent.session, 'POST', `/contacts/${plain.body.id}/wrap-up`, { reasons: [] });
    await setAgentState(server, agent.session, agent.user.id, 'not_ready');
  });

  test('a retried start with the same client id is the same chat, with the same secret', async () => {
    const clientId = uuid();
    const body = { csqId, customer: { name: 'Retry' }, clientId };
    const first = await call(server, channel, 'POST', '/chats', body);
    const second = await call(server, channel, 'POST', '/chats', body);
    assert.deepEqual(second.body, first.body);
    const chat = second.body as { chatId: string; token: string };
    assert.equal((await customer(server, chat, 'GET', '/messages')).status, 200);
    await customer(server, chat, 'POST', '/end');
  });

  test('chat records for reporting: a handled chat with its rating, one left while offered as abandoned, CSV', async () => {
    await setAgentState(server, agent.session, agent.user.id, 'ready');
    const left = await startChat('Leaving');
    assert.equal(
      (await call(server, agent.session, 'GET', `/contacts/${left.chatId}`)).body.status,
      'offered',
    );
    await customer(server, left, 'POST', '/end');
    await setAgentState(server, agent.session, agent.user.id, 'not_ready');
    const period = `from=${new Date(server.clock.now() - 86_400_000).toISOString()}&to=${new Date(server.clock.now() + 60_000).toISOString()}`;
    const records = await call(server, admin, 'GET', `/chat-records?${period}`);
    assert.equal(records.status, 200);
    const handled = records.body.find(
      (r: { customerName: string; rating: number | null }) => r.customerName === 'Ada' && r.rating === 4,
    );
    assert.equal(handled.outcome, 'handled');
    assert.equal(handled.chatType, 'chat');
    assert.equal(handled.messages, 2);
    assert.equal(handled.agentUsername !== null, true);
    assert.ok(handled.talkSeconds >= 2, 'the clock moved while they talked');
    const abandoned = records.body.find((r: { contactId: string }) => r.contactId === left.chatId);
    assert.equal(abandoned.outcome, 'abandoned', 'left while offered counts as abandoned');
    assert.equal(abandoned.talkSeconds, null);
    const csv = await call(server, admin, 'GET', `/chat-records?${period}&format=csv`);
    assert.match(String(csv.body).split('\n')[0] ?? '', /^contactId,chatType,csqName/);
    assert.equal(
      (await call(server, agent.session, 'GET', `/chat-records?${period}`)).status,
      403,
      'agents do not read everyone’s chats',
    );
  });

  describe('started from a widget', () => {
    const start = (widgetId: string, body: object, ip = '10.0.0.1') =>
      server.app.inject({
        method: 'POST',
        url: `/api/v1/public/widgets/${widgetId}/chats`,
        payload: body,
        remoteAddress: ip,
      });

    test('the form goes to the problem statement’s CSQ with its label as call type, and the agent sees the answers', async () => {
      const widget = await buildChatWidget(server, admin, csqId, {
        fields: {
          name: 'required',
          email: 'optional',
          phone: 'off',
          custom: [{ label: 'Order', required: true }],
        },
      });
      const statement = widget.problemStatements[0]?.id as string;
      const missing = await start(widget.id, { problemStatementId: statement, fields: { name: 'Ada' } });
      assert.equal(missing.statusCode, 400);
      assert.deepEqual(
        missing.json().error.details.map((d: { path: string }) => d.path),
        ['body/fields/custom/Order'],
      );
      const started = await start(widget.id, {
        problemStatementId: statement,
        fields: { name: 'Ada', email: 'ada@example.com', custom: { Order: 'A-17' } },
      });
      assert.equal(started.statusCode, 201, started.body);
      const chat = started.json() as { chatId: string; token: string };
      const contact = await call(server, admin, 'GET', `/contacts/${chat.chatId}`);
      assert.equal(contact.body.csqId, csqId);
      assert.equal(contact.body.callType, 'Billing');
      assert.equal(contact.body.attributes.Order, 'A-17');
      const seen = await call(server, admin, 'GET', `/chats/${chat.chatId}`);
      assert.deepEqual(seen.body.customer.fields, { Order: 'A-17' });
      assert.equal(seen.body.problemStatement, 'Billing');
      assert.equal((await customer(server, chat, 'POST', '/end')).status, 204);
      const unknown = await start(crypto.randomUUID(), { problemStatementId: statement, fields: {} });
      assert.equal(unknown.statusCode, 404);
    });

    test('outside its service hours a widget starts no chat and says why', async () => {
      const closed = await buildCalendar(server, admin, { mode: 'custom', weekly: {} });
      const widget = await buildChatWidget(server, admin, csqId, { serviceHours: { calendarId: closed.id } });
      const refused = await start(widget.id, {
        problemStatementId: widget.problemStatements[0]?.id,
        fields: { name: 'Ada' },
      });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'widget_closed');
      assert.equal(refused.json().error.details.reason, 'off_hours');
    });

    test('one address starting chats in a burst is slowed down; others are not', async () => {
      const widget = await buildChatWidget(server, admin, csqId, { fields: { name: 'optional' } });
      const body = { problemStatementId: widget.problemStatements[0]?.id, fields: {} };
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await start(widget.id, body, '10.9.9.9')).statusCode);
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(201));
      assert.equal(statuses[10], 429);
      assert.equal((await start(widget.id, body, '10.9.9.10')).statusCode, 201);
    });
  });
});
