import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApiKey, buildCsq, setAgentState, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { chatStreamUrl, connect, eventsUrl, type Message } from '../testing/websocket.ts';

type Chat = { chatId: string; token: string };

describe("a waiting customer's place in line", () => {
  let server: TestApp;
  let base: string;
  let channel: Session;
  let csqId: string;
  let agent: { user: { id: string }; session: Session };
  let desk: ReturnType<typeof connect>;

  before(async () => {
    server = await startTestApp();
    base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    const { admin } = await createTestTenant(server, 'acme');
    csqId = (await buildCsq(server, admin)).id;
    agent = await signInAs(server, admin, 'agent');
    channel = (await buildApiKey(server, admin, 'write')).session;
    desk = connect(await eventsUrl(server, base, agent.session));
    await desk.next((m) => m.type === 'hello');
  });
  after(() => server.close());

  const startChat = async (): Promise<Chat> => {
    const started = await call(server, channel, 'POST', '/chats', {
      csqId,
      customer: { name: 'Ada' },
      problemStatement: 'Billing',
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    return started.body;
  };
  const queueFrame = (stream: ReturnType<typeof connect>, match: (m: Message) => boolean) =>
    stream.next((m) => m.type === 'queue' && match(m));
  /** The agent takes the next chat and stays busy with it (Not Ready, so no second offer comes). */
  async function answerNext(chat: Chat): Promise<void> {
    await setAgentState(server, agent.session, agent.user.id, 'ready');
    await desk.next((m) => m.type === 'contact.offered' && m.contactId === chat.chatId);
    await setAgentState(server, agent.session, agent.user.id, 'not_ready');
    const accepted = await call(server, agent.session, 'POST', `/contacts/${chat.chatId}/accept`);
    assert.equal(accepted.status, 200);
  }

  test('is told on connecting and as the line moves, by priority then age; an estimate comes with history', async () => {
    const first = await startChat();
    const second = await startChat();
    const third = await startChat();
    const secondStream = connect(await chatStreamUrl(server, base, second));
    const thirdStream = connect(await chatStreamUrl(server, base, third));
    const atSecond = await queueFrame(secondStream, () => true);
    assert.deepEqual(atSecond, { type: 'queue', position: 2, expectedWaitSeconds: null });
    assert.equal((await queueFrame(thirdStream, () => true)).position, 3);

    await answerNext(first);
    await queueFrame(secondStream, (m) => m.position === 1);
    await queueFrame(thirdStream, (m) => m.position === 2);

    // Two more answered, a minute apart: three answers in two minutes, 40 s per answer.
    server.clock.advance(60_000);
    await answerNext(second);
    server.clock.advance(60_000);
    await answerNext(third);
    const fourth = await startChat();
    const fifth = await startChat();
    const fifthStream = connect(await chatStreamUrl(server, base, fifth));
    const estimate = await queueFrame(fifthStream, (m) => m.expectedWaitSeconds !== null);
    assert.deepEqual(estimate, { type: 'queue', position: 2, expectedWaitSeconds: 80 });
    assert.ok(
      !fifthStream.received.some((m) => m.type === 'queue' && m.position !== 2),
      'one frame per change, not one per event',
    );
    assert.ok(fourth.chatId);
  });
});
