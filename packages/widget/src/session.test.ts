import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_WIDGET_SETTINGS, LIMITS } from '@switchboard/core';
import {
  backoff,
  ChatSession,
  FORM_VALUE_MAX,
  type KeyValueStore,
  MESSAGE_MAX_CODE_POINTS,
  type SessionState,
  type StreamHandlers,
} from './session.ts';

/*
 * The session client against a fake transport: the wire protocol of docs/chat.md played by hand (the server
 * side of chat sessions is built separately; these tests pin the client's half of the contract). Timers are
 * fake too, so reconnects and retries run when the test says.
 */

const WIDGET = '5f0c1a8e-0000-4000-8000-000000000001';
const CHAT = 'c0ffee00-0000-4000-8000-000000000002';
const TOKEN = 'chat-token';
const texts = DEFAULT_WIDGET_SETTINGS.messages;

interface Sent {
  method: string;
  path: string;
  body?: unknown;
  token?: string | undefined;
}
type Answer = { status: number; body?: unknown } | 'network down';

class FakeStream {
  sent: unknown[] = [];
  closed = false;
  readonly path: string;
  readonly handlers: StreamHandlers;
  constructor(path: string, handlers: StreamHandlers) {
    this.path = path;
    this.handlers = handlers;
  }
  open() {
    this.handlers.onOpen();
  }
  frame(frame: object) {
    this.handlers.onFrame(JSON.stringify(frame));
  }
  drop(code = 1006) {
    this.handlers.onClose(code);
  }
}

function setup(store: KeyValueStore = memoryStore()) {
  const requests: Sent[] = [];
  const answers: Answer[] = [];
  /** Stream tickets asked for (answered at once unless `ticketAnswers` says otherwise). */
  const tickets: Sent[] = [];
  const ticketAnswers: Answer[] = [];
  const streams: FakeStream[] = [];
  const timers: { run: () => void; ms: number; handle: number }[] = [];
  const states: SessionState[] = [];
  let ids = 0;
  let handles = 0;
  const session = new ChatSession({
    widgetId: WIDGET,
    store,
    messages: texts,
    newId: () => `id-${++ids}`,
    random: () => 0.5,
    onChange: (state) => states.push(state),
    timers: {
      set: (run, ms) => {
        const handle = ++handles;
        timers.push({ run, ms, handle });
        return handle;
      },
      clear: (handle) => {
        const at = timers.findIndex((t) => t.handle === handle);
        if (at >= 0) timers.splice(at, 1);
      },
    },
    transport: {
      request: async (method, path, options = {}) => {
        if (path.endsWith('/stream-tickets')) {
          tickets.push({ method, path, token: options.token });
          const answer = ticketAnswers.shift() ?? { status: 201, body: { ticket: `tk-${tickets.length}` } };
          if (answer === 'network down') throw new TypeError('Failed to fetch');
          return { status: answer.status, body: answer.body ?? null };
        }
        requests.push({ method, path, body: options.body, token: options.token });
        const answer = answers.shift() ?? { status: 500 };
        if (answer === 'network down') throw new TypeError('Failed to fetch');
        return { status: answer.status, body: answer.body ?? null };
      },
      openStream: (path, handlers) => {
        const stream = new FakeStream(path, handlers);
        streams.push(stream);
        return {
          send: (data) => stream.sent.push(JSON.parse(data)),
          close: () => {
            stream.closed = true;
          },
        };
      },
    },
  });
  /** Runs the timers due now, as time passing would. */
  const tick = () => {
    for (const timer of timers.splice(0)) timer.run();
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { session, requests, answers, tickets, ticketAnswers, streams, timers, states, tick, settle, store };
}

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: (key) => data.get(key) ?? null,
    set: (key, value) => void data.set(key, value),
    remove: (key) => void data.delete(key),
  };
}

const texts_ = (state: SessionState) => state.log.map((entry) => `${entry.from}: ${entry.text}`);

/** A session whose chat has started and whose stream is open. */
async function started(store?: KeyValueStore) {
  const s = setup(store);
  s.answers.push({ status: 201, body: { chatId: CHAT, token: TOKEN } });
  const result = await s.session.start('ps-1', { name: 'Ada', custom: { 'Order number': '42' } });
  assert.deepEqual(result, { ok: true });
  await s.settle();
  s.streams.at(-1)?.open();
  return s;
}

describe('chat session (client side, against a fake transport)', () => {
  test('starting a chat posts the form, opens the stream after 0, and follows what the server says', async () => {
    const s = await started();
    assert.deepEqual(s.requests[0], {
      method: 'POST',
      path: `/api/v1/public/widgets/${WIDGET}/chats`,
      body: {
        problemStatementId: 'ps-1',
        fields: { name: 'Ada', custom: { 'Order number': '42' } },
        clientId: 'id-1',
      },
      token: undefined,
    });
    const stream = s.streams[0]!;
    assert.equal(stream.path, `/api/v1/public/chats/${CHAT}/stream?ticket=tk-1&after=0`);
    assert.deepEqual(s.tickets, [
      { method: 'POST', path: `/api/v1/public/chats/${CHAT}/stream-tickets`, token: TOKEN },
    ]);
    stream.frame({ type: 'hello', status: 'queued', alias: null });
    stream.frame({ type: 'join_timeout' });
    stream.frame({ type: 'agent_joined', alias: 'Sam' });
    stream.frame({ type: 'typing', typing: true });
    assert.equal(s.session.state.agentTyping, true);
    stream.frame({ type: 'message', seq: 1, from: 'agent', alias: 'Sam', text: 'Hello <b>Ada</b>', at: 'x' });
    stream.frame({ type: 'message', seq: 1, from: 'agent', alias: 'Sam', text: 'Hello <b>Ada</b>', at: 'x' });
    stream.frame({ type: 'agent_left', alias: 'Sam' });
    const { state } = s.session;
    assert.deepEqual(texts_(state), [
      `system: ${texts.wait}`,
      `system: ${texts.joinTimeout}`,
      `system: Sam${texts.agentJoined.after}`,
      'agent: Hello <b>Ada</b>',
      `system: Sam${texts.agentLeft.after}`,
    ]);
    assert.equal(state.agentTyping, false, 'a message from the agent ends their typing');
    assert.equal(state.status, 'active');
    assert.equal(state.connected, true);
  });

  test('a closed widget and refused fields come back to the form', async () => {
    const s = setup();
    s.answers.push({ status: 409, body: { error: { code: 'widget_closed', message: 'We are closed.' } } });
    assert.deepEqual(await s.session.start('ps-1', {}), {
      ok: false,
      closed: true,
      message: 'We are closed.',
    });
    s.answers.push({
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'The request is not valid.',
          details: [{ path: 'body/fields/email', message: 'must be an email address' }],
        },
      },
    });
    const refused = await s.session.start('ps-1', { email: 'nope' });
    assert.deepEqual(refused, {
      ok: false,
      closed: false,
      message: 'The request is not valid.',
      fields: { email: 'must be an email address' },
    });
    assert.equal(s.session.state.phase, 'idle');
    assert.equal(s.streams.length, 0);
  });

  test('a start whose answer was lost is sent again with the same id; a refused one, or a new chat, gets a new id', async () => {
    const s = setup();
    s.answers.push('network down', { status: 503 }, { status: 429 });
    for (let n = 0; n < 3; n++) assert.equal((await s.session.start('ps-1', { name: 'Ada' })).ok, false);
    s.answers.push({ status: 400, body: { error: { code: 'validation_failed', message: 'No.' } } });
    await s.session.start('ps-1', { name: 'Ada' });
    s.answers.push({ status: 201, body: { chatId: CHAT, token: TOKEN } });
    assert.deepEqual(await s.session.start('ps-1', { name: 'Ada L.' }), { ok: true });
    s.session.reset();
    s.answers.push({ status: 201, body: { chatId: CHAT, token: TOKEN } });
    await s.session.start('ps-1', { name: 'Ada' });
    const ids = s.requests.map((r) => (r.body as { clientId: string }).clientId);
    assert.deepEqual(ids, ['id-1', 'id-1', 'id-1', 'id-1', 'id-2', 'id-3']);
  });

  test('a message is sent with an id of its own, and a retry after a network failure reuses it', async () => {
    const s = await started();
    s.answers.push('network down');
    assert.ok(s.session.send('Where is my order?'));
    await s.settle();
    assert.equal(s.session.state.log.at(-1)?.pending, true);
    assert.equal(s.timers.length, 1, 'a retry is scheduled');
    s.answers.push({ status: 201, body: { seq: 7 } });
    s.tick();
    await s.settle();
    const posts = s.requests.filter((r) => r.path.endsWith('/messages'));
    assert.equal(posts.length, 2);
    assert.deepEqual(posts[0], posts[1], 'the same clientId and text both times');
    assert.deepEqual(posts[0], {
      method: 'POST',
      path: `/api/v1/public/chats/${CHAT}/messages`,
      body: { clientId: 'id-2', text: 'Where is my order?' },
      token: TOKEN,
    });
    assert.deepEqual(s.session.state.log.at(-1), {
      key: 'local-id-2',
      from: 'customer',
      alias: null,
      text: 'Where is my order?',
      seq: 7,
      pending: false,
    });
    // The stream echoes it: shown once.
    s.streams[0]!.frame({
      type: 'message',
      seq: 7,
      from: 'customer',
      alias: null,
      text: 'Where is my order?',
    });
    assert.equal(s.session.state.log.filter((e) => e.text === 'Where is my order?').length, 1);
  });

  test('an echo on the stream before the answer to the post is not shown twice either', async () => {
    const s = await started();
    s.answers.push({ status: 503 }); // the first try fails after the server took the message
    s.session.send('Hi');
    s.streams[0]!.frame({ type: 'message', seq: 3, from: 'customer', alias: null, text: 'Hi', at: 'x' });
    await s.settle();
    s.answers.push({ status: 201, body: { seq: 3 } }); // the retry: same clientId, same seq
    s.tick();
    await s.settle();
    assert.deepEqual(
      s.session.state.log.map((e) => [e.text, e.seq]),
      [['Hi', 3]],
    );
  });

  test('messages are refused beyond 1500 code points (the server limit) and when blank', async () => {
    assert.equal(MESSAGE_MAX_CODE_POINTS, LIMITS.chatMessage.max);
    assert.equal(FORM_VALUE_MAX, LIMITS.chatFormValue.max);
    const s = await started();
    s.answers.push({ status: 201, body: { seq: 1 } });
    assert.ok(s.session.send('😀'.repeat(MESSAGE_MAX_CODE_POINTS)), '1500 astral characters are 1500');
    assert.ok(!s.session.send('x'.repeat(MESSAGE_MAX_CODE_POINTS + 1)));
    assert.ok(!s.session.send('   \n '));
  });

  test('a refused message is marked failed, shown with the error, and not retried', async () => {
    const s = await started();
    s.answers.push({ status: 409, body: { error: { code: 'conflict', message: 'The chat has ended.' } } });
    s.session.send('Anyone?');
    await s.settle();
    assert.equal(s.session.state.log.at(-1)?.failed, true);
    assert.equal(s.session.state.error, 'The chat has ended.');
    assert.equal(s.timers.length, 0);
  });

  test('after a network loss it reconnects with backoff, after the last message seen, and says so meanwhile', async () => {
    const s = await started();
    const first = s.streams[0]!;
    first.frame({ type: 'message', seq: 4, from: 'agent', alias: 'Sam', text: 'One moment', at: 'x' });
    first.drop(1006);
    assert.equal(s.session.state.connected, false);
    assert.equal(s.timers[0]?.ms, 1000);
    s.tick();
    await s.settle();
    const second = s.streams[1]!;
    assert.equal(second.path, `/api/v1/public/chats/${CHAT}/stream?ticket=tk-2&after=4`, 'a new ticket');
    second.drop(1006);
    assert.equal(s.timers[0]?.ms, 2000, 'the wait doubles');
    s.ticketAnswers.push('network down');
    s.tick();
    await s.settle();
    assert.equal(s.streams.length, 2, 'no ticket, no stream');
    assert.equal(s.timers[0]?.ms, 4000, 'a ticket that could not be had is retried like a drop');
    s.tick();
    await s.settle();
    s.streams[2]!.open();
    assert.equal(s.session.state.connected, true);
    s.streams[2]!.drop(1006);
    assert.equal(s.timers[0]?.ms, 1000, 'and starts again after a connection that worked');
    assert.deepEqual([backoff(0, () => 0), backoff(20, () => 1)], [750, 37_500], 'jittered, at most 30 s');
  });

  test("the server's final close (4000–4999) stops reconnecting and shows the system error", async () => {
    const s = await started();
    s.streams[0]!.drop(4404);
    assert.equal(s.timers.length, 0);
    assert.equal(s.session.state.error, texts.systemError);
  });

  test('a chat whose ticket is refused (the secret is no longer valid) stops reconnecting', async () => {
    const s = await started();
    s.streams[0]!.drop(1006);
    s.ticketAnswers.push({ status: 404, body: { error: { code: 'not_found', message: 'No chat.' } } });
    s.tick();
    await s.settle();
    assert.equal(s.streams.length, 1);
    assert.equal(s.timers.length, 0);
    assert.equal(s.session.state.error, texts.systemError);
  });

  test('the customer types: typing frames go out only when it changes', async () => {
    const s = await started();
    s.session.typing(true);
    s.session.typing(true);
    s.session.typing(false);
    assert.deepEqual(s.streams[0]!.sent, [
      { type: 'typing', typing: true },
      { type: 'typing', typing: false },
    ]);
  });

  test('a reload resumes the chat: its log, the stream after the last seq, and unsent messages with their ids', async () => {
    const store = memoryStore();
    const before = await started(store);
    before.streams[0]!.frame({ type: 'message', seq: 9, from: 'agent', alias: 'Sam', text: 'Hi', at: 'x' });
    before.answers.push('network down');
    before.session.send('Still there?');
    await before.settle();
    before.session.dispose();

    const after = setup(store);
    after.answers.push({ status: 201, body: { seq: 10 } });
    assert.ok(after.session.resume());
    await after.settle();
    assert.deepEqual(
      after.session.state.log.map((e) => e.text),
      ['Hi', 'Still there?'],
    );
    assert.equal(after.streams[0]?.path, `/api/v1/public/chats/${CHAT}/stream?ticket=tk-1&after=9`);
    await after.settle();
    assert.deepEqual(after.requests[0]?.body, { clientId: 'id-2', text: 'Still there?' });
    assert.ok(!setup(memoryStore()).session.resume(), 'nothing to resume in a fresh tab');
  });

  test('when the chat ends: no more reconnecting, then a rating, the transcript, and a reset forgets it', async () => {
    const s = await started();
    const stream = s.streams[0]!;
    stream.frame({ type: 'ended', by: 'agent' });
    assert.equal(s.session.state.status, 'ended');
    assert.equal(s.session.state.log.at(-1)?.text, texts.chatEnded);
    assert.ok(stream.closed);
    stream.drop(1000);
    assert.equal(s.timers.length, 0);
    assert.ok(!s.session.send('Hello?'));

    s.answers.push({ status: 204 });
    assert.ok(await s.session.rate(4, '  Quick and kind '));
    assert.deepEqual(s.requests.at(-1), {
      method: 'POST',
      path: `/api/v1/public/chats/${CHAT}/rating`,
      body: { rating: 4, comment: 'Quick and kind' },
      token: TOKEN,
    });
    assert.equal(s.session.state.rated, true);
    s.answers.push({ status: 200, body: 'Sam: Hi\n' });
    assert.equal(await s.session.transcript(), 'Sam: Hi\n');
    assert.equal(s.requests.at(-1)?.path, `/api/v1/public/chats/${CHAT}/transcript`);
    s.session.reset();
    assert.equal(s.session.state.phase, 'idle');
    assert.equal(s.store.get(`switchboard.chat.${WIDGET}`), null);
  });

  test('the customer ends the chat: POST /end, then ended', async () => {
    const s = await started();
    s.answers.push({ status: 204 });
    assert.ok(await s.session.end());
    assert.equal(s.requests.at(-1)?.path, `/api/v1/public/chats/${CHAT}/end`);
    assert.equal(s.session.state.status, 'ended');
  });
});
