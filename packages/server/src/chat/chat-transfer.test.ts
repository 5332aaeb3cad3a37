import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LIMITS } from '@switchboard/core';
import { buildApiKey, buildCsq, buildSkill, setAgentState, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { chatStreamUrl, connect, eventsUrl } from '../testing/websocket.ts';

type Agent = { user: { id: string }; session: Session };

describe('transferring a chat', () => {
  let server: TestApp;
  let base: string;
  let channel: Session;
  let front: { id: string };
  let billing: { id: string };
  let ann: Agent;
  let bob: Agent;
  let cy: Agent;

  before(async () => {
    server = await startTestApp();
    base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    const { admin } = await createTestTenant(server, 'transfer');
    const frontSkill = await buildSkill(server, admin);
    const billingSkill = await buildSkill(server, admin);
    front = await buildCsq(server, admin, { skills: [{ skillId: frontSkill.id, minCompetence: 1 }] });
    billing = await buildCsq(server, admin, {
      name: 'Billing',
      skills: [{ skillId: billingSkill.id, minCompetence: 1 }],
    });
    ann = await signInAs(server, admin, 'agent', {
      alias: 'Ann',
      skills: [{ skillId: frontSkill.id, competence: 5 }],
    });
    bob = await signInAs(server, admin, 'agent', { alias: 'Bob', displayName: 'Bob Brown' });
    cy = await signInAs(server, admin, 'agent', {
      alias: 'Cy',
      skills: [{ skillId: billingSkill.id, competence: 5 }],
    });
    channel = (await buildApiKey(server, admin, 'write')).session;
  });
  after(() => server.close());

  const desk = async (agent: Agent) => {
    const socket = connect(await eventsUrl(server, base, agent.session));
    await socket.next((m) => m.type === 'hello');
    return socket;
  };
  const say = (chat: { chatId: string; token: string }, text: string) =>
    server.app.inject({
      method: 'POST',
      url: `/api/v1/public/chats/${chat.chatId}/messages`,
      headers: { authorization: `Chat ${chat.token}` },
      payload: { clientId: crypto.randomUUID(), text },
    });

  /** A chat Ann has accepted, with its customer's stream open. */
  async function chatWithAnn() {
    await setAgentState(server, ann.session, ann.user.id, 'ready');
    const started = await call(server, channel, 'POST', '/chats', {
      csqId: front.id,
      customer: { name: 'Grace' },
    });
    const chat = started.body as { chatId: string; token: string };
    const customer = connect(await chatStreamUrl(server, base, chat));
    await customer.next((m) => m.type === 'hello');
    assert.equal((await call(server, ann.session, 'POST', `/contacts/${chat.chatId}/accept`)).status, 200);
    await customer.next((m) => m.type === 'agent_joined' && m.alias === 'Ann');
    return { ...chat, customer };
  }

  test('to an agent with a note: the note reaches them, never the customer, and the chat follows', async () => {
    const bobDesk = await desk(bob);
    const chat = await chatWithAnn();
    await setAgentState(server, bob.session, bob.user.id, 'ready');
    const targets = await call(server, ann.session, 'GET', `/contacts/${chat.chatId}/transfer-targets`);
    assert.equal(targets.status, 200);
    assert.ok(
      targets.body.agents.some(
        (a: { agentId: string; name: string; available: boolean }) =>
          a.agentId === bob.user.id && a.name === 'Bob Brown' && a.available,
      ),
    );
    assert.equal(
      (await call(server, bob.session, 'GET', `/contacts/${chat.chatId}/transfer-targets`)).status,
      404,
    );

    const note = 'Asked twice about the March invoice; be gentle';
    const moved = await call(server, ann.session, 'POST', `/contacts/${chat.chatId}/transfer`, {
      agentId: bob.user.id,
      note,
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    await bobDesk.next((m) => m.type === 'contact.offered' && m.contactId === chat.chatId);
    await chat.customer.next((m) => m.type === 'agent_left' && m.alias === 'Ann');
    const events = await call(server, bob.session, 'GET', `/contacts/${chat.chatId}/events`);
    const transfer = events.body.find((e: { type: string }) => e.type === 'contact.transferred');
    assert.equal(transfer.data.note, note);
    assert.equal(transfer.data.fromAgentId, ann.user.id);

    assert.equal((await call(server, bob.session, 'POST', `/contacts/${chat.chatId}/accept`)).status, 200);
    await chat.customer.next((m) => m.type === 'agent_joined' && m.alias === 'Bob');
    assert.equal((await say(chat, 'Are you there?')).statusCode, 201);
    await bobDesk.next((m) => m.type === 'chat.message' && m.text === 'Are you there?');
    const reply = await call(server, bob.session, 'POST', `/chats/${chat.chatId}/messages`, {
      clientId: crypto.randomUUID(),
      text: 'Yes, Bob here',
    });
    assert.equal(reply.status, 201);
    await chat.customer.next((m) => m.type === 'message' && m.text === 'Yes, Bob here');

    const transcript = await server.app.inject({
      method: 'GET',
      url: `/api/v1/public/chats/${chat.chatId}/transcript`,
      headers: { authorization: `Chat ${chat.token}` },
    });
    assert.doesNotMatch(transcript.body, /March invoice/);
    assert.doesNotMatch(JSON.stringify(chat.customer.received), /March invoice/);
    chat.customer.close();
    bobDesk.close();
  });

  test('to a CSQ: it queues there and is offered to its agent, with the note', async () => {
    const cyDesk = await desk(cy);
    const chat = await chatWithAnn();
    await setAgentState(server, cy.session, cy.user.id, 'ready');
    const moved = await call(server, ann.session, 'POST', `/contacts/${chat.chatId}/transfer`, {
      csqId: billing.id,
      note: 'Billing question',
    });
    assert.equal(moved.status, 200);
    assert.equal(moved.body.csqId, billing.id);
    await cyDesk.next((m) => m.type === 'contact.offered' && m.contactId === chat.chatId);
    const events = await call(server, cy.session, 'GET', `/contacts/${chat.chatId}/events`);
    const transfer = events.body.find((e: { type: string }) => e.type === 'contact.transferred');
    assert.equal(transfer.data.note, 'Billing question');
    assert.doesNotMatch(JSON.stringify(chat.customer.received), /Billing question/);
    chat.customer.close();
    cyDesk.close();
  });

  test('a note over 500 characters is a 400 that says so, and the chat stays with its agent', async () => {
    const chat = await chatWithAnn();
    const refused = await call(server, ann.session, 'POST', `/contacts/${chat.chatId}/transfer`, {
      csqId: billing.id,
      note: 'x'.repeat(LIMITS.transferNote.max + 1),
    });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'validation_failed');
    assert.match(refused.body.error.message, /note/i);
    assert.match(refused.body.error.message, /500/);
    const fits = 'é'.repeat(LIMITS.transferNote.max);
    const contact = await call(server, ann.session, 'GET', `/contacts/${chat.chatId}`);
    assert.equal(contact.body.agentId, ann.user.id);
    assert.equal(contact.body.status, 'active');
    const moved = await call(server, ann.session, 'POST', `/contacts/${chat.chatId}/transfer`, {
      csqId: billing.id,
      note: fits,
    });
    assert.equal(moved.status, 200, 'exactly 500 characters fit');
    chat.customer.close();
  });
});
