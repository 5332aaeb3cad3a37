import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildChat, buildWorld, contactOf, type World } from '../testing/builders.ts';
import { call, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { chatStreamUrl, connect, eventsUrl } from '../testing/websocket.ts';

describe('coaching a web chat: monitor, whisper, barge in', () => {
  let server: TestApp;
  let base: string;
  let w: World;

  before(async () => {
    server = await startTestApp();
    base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    w = await buildWorld(server, 'coach');
  });
  after(() => server.close());

  /** A chat the world's agent has accepted, with its customer's stream open. */
  async function liveChat() {
    let token = '';
    const id = await contactOf(server, w, w.agent, 'active', async (test, channel, csqId) => {
      const chat = await buildChat(test, channel, csqId);
      token = chat.token;
      return chat;
    });
    const customer = connect(await chatStreamUrl(server, base, { chatId: id, token }));
    await customer.next((m) => m.type === 'hello');
    return { id, token, customer };
  }
  const desk = async (session: Session) => {
    const socket = connect(await eventsUrl(server, base, session));
    await socket.next((m) => m.type === 'hello');
    return socket;
  };
  const say = (chat: { id: string; token: string }, text: string) =>
    server.app.inject({
      method: 'POST',
      url: `/api/v1/public/chats/${chat.id}/messages`,
      headers: { authorization: `Chat ${chat.token}` },
      payload: { clientId: crypto.randomUUID(), text },
    });

  test('the monitor gets the chat so far and its next messages; someone not monitoring hears nothing', async () => {
    const chat = await liveChat();
    assert.equal((await say(chat, 'Before anyone watched')).statusCode, 201);
    const watcher = await desk(w.supervisor.session);
    const monitored = await call(server, w.supervisor.session, 'POST', `/chats/${chat.id}/monitor`);
    assert.equal(monitored.status, 200, JSON.stringify(monitored.body));
    assert.deepEqual(
      monitored.body.messages.map((m: { text: string }) => m.text),
      ['Before anyone watched'],
    );
    assert.equal(monitored.body.agentId, w.agent.id);
    assert.equal(monitored.body.barged, false);
    const admin = await desk(w.admin.session);
    assert.equal((await say(chat, 'Watched now')).statusCode, 201);
    await watcher.next((m) => m.type === 'chat.message' && m.text === 'Watched now');
    // A router event after the message reaches every supervisor's stream: the message would have come first.
    await call(server, w.agent.session, 'POST', `/contacts/${chat.id}/hold`);
    await admin.next((m) => m.type === 'contact.held' && m.contactId === chat.id);
    assert.ok(!admin.received.some((m) => m.type === 'chat.message'));

    const audit = await call(server, w.admin.session, 'GET', '/audit-log?action=monitor_start');
    const entry = audit.body.find((e: { entityId: string }) => e.entityId === chat.id);
    assert.equal(entry.actorId, w.supervisor.id);
    // Monitoring again is no second start; stopping ends the messages' coming.
    await call(server, w.supervisor.session, 'POST', `/chats/${chat.id}/monitor`);
    const again = await call(server, w.admin.session, 'GET', '/audit-log?action=monitor_start');
    assert.equal(again.body.filter((e: { entityId: string }) => e.entityId === chat.id).length, 1);
    assert.equal(
      (await call(server, w.supervisor.session, 'DELETE', `/chats/${chat.id}/monitor`)).status,
      204,
    );
    for (const socket of [watcher, admin]) socket.close();
  });

  test('a whisper reaches the agent and the monitor, is kept with the chat, and is not for the customer', async () => {
    const chat = await liveChat();
    const agent = await desk(w.agent.session);
    const refused = await call(server, w.supervisor.session, 'POST', `/chats/${chat.id}/whispers`, {
      text: 'Hi',
    });
    assert.equal(refused.status, 409);
    await call(server, w.supervisor.session, 'POST', `/chats/${chat.id}/monitor`);
    const tooLong = await call(server, w.supervisor.session, 'POST', `/chats/${chat.id}/whispers`, {
      text: '😀'.repeat(1501),
    });
    assert.equal(tooLong.status, 400);
    const sent = await call(server, w.supervisor.session, 'POST', `/chats/${chat.id}/whispers`, {
      text: 'Offer the refund',
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const heard = await agent.next((m) => m.type === 'chat.whisper');
    assert.equal(heard.text, 'Offer the refund');
    assert.equal((heard.from as { id: string }).id, w.supervisor.id);
    const kept = await call(server, w.agent.session, 'GET', `/chats/${chat.id}/whispers`);
    assert.deepEqual(
      kept.body.map((x: { text: string }) => x.text),
      ['Offer the refund'],
    );
    agent.close();
  });

  test('barging in: the customer sees the supervisor join, write and leave; the agent sees it too', async () => {
    const chat = await liveChat();
    const agent = await desk(w.agent.session);
    const early = await call(server, w.supervisor.session, 'POST', `/chats/${chat.id}/messages`, {
      clientId: crypto.randomUUID(),
      text: 'Not in yet',
    });
    assert.equal(early.status, 409);
    assert.equal((await call(server, w.supervisor.session, 'POST', `/chats/${chat.id}/barge`)).status, 204);
    const supervisorAlias = (
      await chat.customer.next((m) => m.type === 'agent_joined' && m.alias !== 'Agent')
    ).alias;
    await agent.next((m) => m.type === 'chat.supervisor_joined');
    const wrote = await call(server, w.supervisor.session, 'POST', `/chats/${chat.id}/messages`, {
      clientId: crypto.randomUUID(),
      text: 'I am the supervisor',
    });
    assert.equal(wrote.status, 201, JSON.stringify(wrote.body));
    await chat.customer.next((m) => m.type === 'message' && m.text === 'I am the supervisor');
    await agent.next((m) => m.type === 'chat.message' && m.text === 'I am the supervisor');
    // The group chat keeps its room: the agent may still invite (here no one is free: not group_chat_full).
    const invite = await call(server, w.agent.session, 'POST', `/chats/${chat.id}/invitations`, {
      csqId: w.csq.id,
    });
    assert.notEqual(invite.body.error?.code, 'group_chat_full');
    assert.equal((await call(server, w.supervisor.session, 'DELETE', `/chats/${chat.id}/barge`)).status, 204);
    await chat.customer.next((m) => m.type === 'agent_left' && m.alias === supervisorAlias);
    const after = await call(server, w.supervisor.session, 'POST', `/chats/${chat.id}/messages`, {
      clientId: crypto.randomUUID(),
      text: 'Gone',
    });
    assert.equal(after.status, 409);
    const audit = await call(server, w.admin.session, 'GET', '/audit-log?action=barge_start');
    assert.ok(audit.body.some((e: { entityId: string }) => e.entityId === chat.id));
    agent.close();
  });

  test('when the chat ends the monitor hears no more of it', async () => {
    const chat = await liveChat();
    await call(server, w.supervisor.session, 'POST', `/chats/${chat.id}/monitor`);
    await call(server, w.agent.session, 'POST', `/contacts/${chat.id}/complete`);
    const whisper = await call(server, w.supervisor.session, 'POST', `/chats/${chat.id}/whispers`, {
      text: 'Too late',
    });
    assert.ok([404, 409].includes(whisper.status), JSON.stringify(whisper.body));
  });
});
