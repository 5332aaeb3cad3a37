import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildChat, buildTeam, buildWorld, contactOf, signInAs, type World } from '../testing/builders.ts';
import { call, startTestApp, type TestApp } from '../testing/test-app.ts';
import { chatStreamUrl, connect } from '../testing/websocket.ts';

describe('coaching stays between supervisors and agents', () => {
  let server: TestApp;
  let base: string;
  let a: World;
  let b: World;

  before(async () => {
    server = await startTestApp();
    base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    a = await buildWorld(server, 'coach-a');
    b = await buildWorld(server, 'coach-b');
  });
  after(() => server.close());

  async function liveChat(w: World) {
    let token = '';
    const id = await contactOf(server, w, w.agent, 'active', async (test, channel, csqId) => {
      const chat = await buildChat(test, channel, csqId);
      token = chat.token;
      return chat;
    });
    return { id, token };
  }

  test("a whisper is never on the customer's stream, messages or transcript", async () => {
    const chat = await liveChat(a);
    const customer = connect(await chatStreamUrl(server, base, { chatId: chat.id, token: chat.token }));
    await customer.next((m) => m.type === 'hello');
    await call(server, a.supervisor.session, 'POST', `/chats/${chat.id}/monitor`);
    const whisper = await call(server, a.supervisor.session, 'POST', `/chats/${chat.id}/whispers`, {
      text: 'SECRET-COACHING',
    });
    assert.equal(whisper.status, 201);
    // A customer message after the whisper: the stream would have carried the whisper first.
    const headers = { authorization: `Chat ${chat.token}` };
    await server.app.inject({
      method: 'POST',
      url: `/api/v1/public/chats/${chat.id}/messages`,
      headers,
      payload: { clientId: crypto.randomUUID(), text: 'after' },
    });
    await customer.next((m) => m.type === 'message' && m.text === 'after');
    assert.ok(!JSON.stringify(customer.received).includes('SECRET'));
    const messages = await server.app.inject({ url: `/api/v1/public/chats/${chat.id}/messages`, headers });
    assert.ok(!messages.body.includes('SECRET'));
    await call(server, a.agent.session, 'POST', `/contacts/${chat.id}/complete`);
    const transcript = await server.app.inject({
      url: `/api/v1/public/chats/${chat.id}/transcript`,
      headers,
    });
    assert.equal(transcript.statusCode, 200);
    assert.ok(transcript.body.includes('after'));
    assert.ok(!transcript.body.includes('SECRET'));
    customer.close();
  });

  test('agents, supervisors of other teams and other tenants cannot monitor, whisper or barge in', async () => {
    const chat = await liveChat(a);
    const team = await buildTeam(server, a.admin.session);
    const stranger = await signInAs(server, a.admin.session, 'supervisor');
    await call(server, a.admin.session, 'PUT', `/teams/${team.id}`, {
      primarySupervisorId: stranger.user.id,
    });
    for (const [who, session, status] of [
      ['agent', a.agent.session, 403],
      ['supervisor of another team', stranger.session, 403],
      ["other tenant's supervisor", b.supervisor.session, 404],
      ["other tenant's administrator", b.admin.session, 404],
      ['read key', a.reader.session, 403],
    ] as const) {
      for (const [method, path] of [
        ['POST', 'monitor'],
        ['POST', 'barge'],
      ] as const) {
        const res = await call(server, session, method, `/chats/${chat.id}/${path}`);
        // Permission comes before the chat: an administrator may never barge in.
        const expected = path === 'barge' && who.endsWith('administrator') ? 403 : status;
        assert.equal(res.status, expected, `${who} ${path}: ${JSON.stringify(res.body)}`);
      }
      const whisper = await call(server, session, 'POST', `/chats/${chat.id}/whispers`, { text: 'x' });
      assert.equal(whisper.status, status, `${who} whisper`);
    }
    // Administrators monitor tenant-wide but take no contacts, so never barge in.
    assert.equal((await call(server, a.admin.session, 'POST', `/chats/${chat.id}/monitor`)).status, 200);
    assert.equal((await call(server, a.admin.session, 'POST', `/chats/${chat.id}/barge`)).status, 403);
  });
});
