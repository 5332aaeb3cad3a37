import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AcdEvent, LIMITS, RateLimiter } from '@switchboard/core';
import { type AccessChange, Fanout, type Notice } from '../acd/fanout.ts';
import { buildChat, buildWorld, contactOf, signInAs, type World } from '../testing/builders.ts';
import { call, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { chatStreamUrl, connect, eventsUrl } from '../testing/websocket.ts';
import type { ChatDeps } from './chat.service.ts';
import type { ChatHub } from './chat-hub.ts';
import { LiveMonitors } from './live-monitors.ts';
import { bargeIn } from './monitor.service.ts';

describe('coaching lasts only while the supervisor may coach on the chat', () => {
  let server: TestApp;
  let base: string;
  let w: World;

  before(async () => {
    server = await startTestApp();
    base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    w = await buildWorld(server, 'coach-scope');
  });
  after(() => server.close());

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
  const write = (session: Session, chatId: string, text: string) =>
    call(server, session, 'POST', `/chats/${chatId}/messages`, { clientId: crypto.randomUUID(), text });

  /** A second supervisor of the world's team, barged into a live chat of its agent, with a desktop open. */
  async function bargedIn() {
    const coach = await signInAs(server, w.admin.session, 'supervisor');
    const put = await call(server, w.admin.session, 'PATCH', `/teams/${w.team.id}`, {
      secondarySupervisorId: coach.user.id,
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const chat = await liveChat();
    const stream = await desk(coach.session);
    assert.equal((await call(server, coach.session, 'POST', `/chats/${chat.id}/barge`)).status, 204);
    const joined = await chat.customer.next((m) => m.type === 'agent_joined' && m.alias !== 'Agent');
    assert.equal((await say(chat, 'Seen by the coach')).statusCode, 201);
    await stream.next((m) => m.type === 'chat.message' && m.text === 'Seen by the coach');
    return { coach, chat, stream, alias: joined.alias as string };
  }

  /** The coach leaves the chat for the customer at once and may no longer write in it. */
  async function assertTakenOut(c: Awaited<ReturnType<typeof bargedIn>>) {
    await c.chat.customer.next((m) => m.type === 'agent_left' && m.alias === c.alias);
    await c.stream.next((m) => m.type === 'chat.supervisor_left' && m.contactId === c.chat.id);
    const wrote = await write(c.coach.session, c.chat.id, 'Still here?');
    assert.equal(wrote.status, 409, JSON.stringify(wrote.body));
    assert.ok(!c.chat.customer.received.some((m) => m.text === 'Still here?'));
  }

  /** ... and hears nothing more of it. */
  async function assertOut(c: Awaited<ReturnType<typeof bargedIn>>) {
    await assertTakenOut(c);
    await say(c.chat, 'Not for the coach');
    // A router event after the message reaches every supervisor's stream: the message would have come first.
    await call(server, w.agent.session, 'POST', `/contacts/${c.chat.id}/complete`);
    await c.stream.next((m) => m.type === 'contact.wrap_up_started' && m.contactId === c.chat.id);
    assert.ok(!c.stream.received.some((m) => m.text === 'Not for the coach'));
    c.stream.close();
  }

  test('transferring the chat to a queue ends monitoring and takes the supervisor out of it', async () => {
    const c = await bargedIn();
    const moved = await call(server, w.agent.session, 'POST', `/contacts/${c.chat.id}/transfer`, {
      csqId: w.parking.id,
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    await c.chat.customer.next((m) => m.type === 'agent_left' && m.alias === c.alias);
    assert.equal((await write(c.coach.session, c.chat.id, 'Still here?')).status, 409);
    assert.equal((await say(c.chat, 'In the queue')).statusCode, 201);
    await server.app.inject({
      method: 'POST',
      url: `/api/v1/public/chats/${c.chat.id}/end`,
      headers: { authorization: `Chat ${c.chat.token}` },
    });
    await c.stream.next((m) => m.type === 'contact.ended' && m.contactId === c.chat.id);
    const whisper = await call(server, c.coach.session, 'POST', `/chats/${c.chat.id}/whispers`, {
      text: 'x',
    });
    assert.ok([404, 409].includes(whisper.status));
    assert.ok(!c.stream.received.some((m) => m.text === 'In the queue'));
    c.stream.close();
  });

  test('a supervisor removed from the agent’s team stops hearing the chat and writing in it', async () => {
    const c = await bargedIn();
    const put = await call(server, w.admin.session, 'PATCH', `/teams/${w.team.id}`, {
      secondarySupervisorId: null,
    });
    assert.equal(put.status, 200);
    await assertOut(c);
  });

  test('a supervisor made an agent stops hearing the chat and writing in it', async () => {
    const c = await bargedIn();
    const patched = await call(server, w.admin.session, 'PATCH', `/users/${c.coach.user.id}`, {
      role: 'agent',
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    // An agent's stream carries no other agent's router events to wait on; the team case shows the silence.
    await assertTakenOut(c);
    c.stream.close();
  });

  test('when the last event stream of a supervisor closes, they stop monitoring and leave the chat', async () => {
    const c = await bargedIn();
    c.stream.close();
    await c.chat.customer.next((m) => m.type === 'agent_left' && m.alias === c.alias);
    assert.equal((await write(c.coach.session, c.chat.id, 'Back?')).status, 409);
  });

  test('barge-ins at once announce and audit one', async () => {
    const coach = await signInAs(server, w.admin.session, 'supervisor');
    await call(server, w.admin.session, 'PATCH', `/teams/${w.team.id}`, {
      secondarySupervisorId: coach.user.id,
    });
    const chat = await liveChat();
    const all = await Promise.all(
      [1, 2, 3, 4].map(() => call(server, coach.session, 'POST', `/chats/${chat.id}/barge`)),
    );
    assert.deepEqual(
      all.map((r) => r.status),
      [204, 204, 204, 204],
    );
    assert.equal((await write(coach.session, chat.id, 'One of me')).status, 201);
    await chat.customer.next((m) => m.type === 'message' && m.text === 'One of me');
    const joins = chat.customer.received.filter((m) => m.type === 'agent_joined' && m.alias !== 'Agent');
    assert.equal(joins.length, 1);
    const audit = await call(server, w.admin.session, 'GET', '/audit-log?action=barge_start');
    assert.equal(audit.body.filter((e: { entityId: string }) => e.entityId === chat.id).length, 1);
    const started = await call(server, w.admin.session, 'GET', '/audit-log?action=monitor_start');
    assert.equal(started.body.filter((e: { entityId: string }) => e.entityId === chat.id).length, 1);
  });

  test('barge-ins that reach the service together: one is announced and audited', async () => {
    // Straight to the service, with no sign-in checks between them, so both are in flight at once.
    const coach = await signInAs(server, w.admin.session, 'supervisor');
    await call(server, w.admin.session, 'PATCH', `/teams/${w.team.id}`, {
      secondarySupervisorId: coach.user.id,
    });
    const chat = await liveChat();
    const announced: string[] = [];
    const hub = {
      send: (_t: string, _c: string, frame: { type: string }) => announced.push(frame.type),
      loadAlias: async () => 'Coach',
    } as unknown as ChatHub;
    const access = new Fanout<AccessChange>();
    const deps: ChatDeps = {
      db: server.database.db,
      acd: server.acd,
      hub,
      monitors: new LiveMonitors(server.acd.committed as Fanout<AcdEvent>, access, async () => true),
      notices: new Fanout<Notice>(),
      clock: server.clock,
      customerRate: new RateLimiter(LIMITS.chatMessageRate, server.clock),
      startRate: new RateLimiter(LIMITS.chatStartRate, server.clock),
      chatTokenKey: new Uint8Array(32),
    };
    const principal = {
      tenantId: w.tenantId,
      userId: coach.user.id,
      role: 'supervisor' as const,
      name: 'Coach',
    };
    await Promise.all([bargeIn(deps, principal, chat.id), bargeIn(deps, principal, chat.id)]);
    assert.deepEqual(announced, ['agent_joined']);
    const audited = await server.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', w.tenantId)
      .where('entity_id', '=', chat.id)
      .execute();
    assert.deepEqual(audited.map((a) => a.action).sort(), ['barge_start', 'monitor_start']);
    chat.customer.close();
  });

  test(`a chat keeps at most ${LIMITS.chatWhispers.max} whispers`, async () => {
    const chat = await liveChat();
    await call(server, w.supervisor.session, 'POST', `/chats/${chat.id}/monitor`);
    const { db } = server.database;
    await db
      .insertInto('chat_whispers')
      .values(
        Array.from({ length: LIMITS.chatWhispers.max }, (_, n) => ({
          tenant_id: w.tenantId,
          contact_id: chat.id,
          supervisor_id: w.supervisor.id,
          supervisor_name: 'Coach',
          body: `Whisper ${n}`,
          at: new Date(server.clock.now()),
        })),
      )
      .execute();
    const refused = await call(server, w.supervisor.session, 'POST', `/chats/${chat.id}/whispers`, {
      text: 'One more',
    });
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'limit_reached');
    assert.match(refused.body.error.message, /100 whispers/);
    // Lists stay bounded even if more were stored (two supervisors at once).
    await db
      .insertInto('chat_whispers')
      .values({
        tenant_id: w.tenantId,
        contact_id: chat.id,
        supervisor_id: w.supervisor.id,
        supervisor_name: 'Coach',
        body: 'Over',
        at: new Date(server.clock.now()),
      })
      .execute();
    const listed = await call(server, w.supervisor.session, 'GET', `/chats/${chat.id}/whispers`);
    assert.equal(listed.body.length, LIMITS.chatWhispers.max);
    const monitored = await call(server, w.supervisor.session, 'POST', `/chats/${chat.id}/monitor`);
    assert.equal(monitored.body.whispers.length, LIMITS.chatWhispers.max);
  });
});
