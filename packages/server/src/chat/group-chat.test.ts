import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApiKey, buildCsq, buildSkill, setAgentState, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { chatStreamUrl, connect, eventsUrl } from '../testing/websocket.ts';

type Agent = { user: { id: string }; session: Session };

describe('group chat', () => {
  let server: TestApp;
  let base: string;
  let admin: Session;
  let channel: Session;
  let front: { id: string; name: string };
  let billing: { id: string; name: string };
  let ann: Agent;
  let bob: Agent;
  let cy: Agent;

  before(async () => {
    server = await startTestApp();
    base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    ({ admin } = await createTestTenant(server, 'group'));
    const frontSkill = await buildSkill(server, admin);
    const billingSkill = await buildSkill(server, admin);
    front = await buildCsq(server, admin, { skills: [{ skillId: frontSkill.id, minCompetence: 1 }] });
    billing = await buildCsq(server, admin, {
      name: 'Billing experts',
      criterion: 'most_skilled',
      skills: [{ skillId: billingSkill.id, minCompetence: 1 }],
    });
    ann = await signInAs(server, admin, 'agent', {
      alias: 'Ann',
      skills: [{ skillId: frontSkill.id, competence: 5 }],
    });
    bob = await signInAs(server, admin, 'agent', {
      alias: 'Bob',
      displayName: 'Bob Billing',
      skills: [{ skillId: billingSkill.id, competence: 9 }],
    });
    cy = await signInAs(server, admin, 'agent', {
      alias: 'Cy',
      skills: [{ skillId: billingSkill.id, competence: 4 }],
    });
    channel = (await buildApiKey(server, admin, 'write')).session;
  });
  after(() => server.close());

  const desk = async (agent: Agent) => connect(await eventsUrl(server, base, agent.session));
  const uuid = () => crypto.randomUUID();

  /** A chat Ann has accepted, with its customer's stream open; Bob and Cy ready. */
  async function chatWithAnn(customerName: string) {
    await setAgentState(server, ann.session, ann.user.id, 'ready');
    const started = await call(server, channel, 'POST', '/chats', {
      csqId: front.id,
      customer: { name: customerName },
    });
    const chat = started.body as { chatId: string; token: string };
    const customer = connect(await chatStreamUrl(server, base, chat));
    await customer.next((m) => m.type === 'hello');
    assert.equal((await call(server, ann.session, 'POST', `/contacts/${chat.chatId}/accept`)).status, 200);
    await customer.next((m) => m.type === 'agent_joined' && m.alias === 'Ann');
    for (const agent of [bob, cy]) await setAgentState(server, agent.session, agent.user.id, 'ready');
    return { ...chat, customer };
  }

  const say = (chat: { chatId: string; token: string }, text: string) =>
    server.app.inject({
      method: 'POST',
      url: `/api/v1/public/chats/${chat.chatId}/messages`,
      headers: { authorization: `Chat ${chat.token}` },
      payload: { clientId: uuid(), text },
    });

  test('invite, accept and talk three ways: notes for the invitee alone, the last 100 messages, the count of agents', async () => {
    const annDesk = await desk(ann);
    const bobDesk = await desk(bob);
    await annDesk.next((m) => m.type === 'hello');
    await bobDesk.next((m) => m.type === 'hello');
    const chat = await chatWithAnn('Grace');
    for (let i = 1; i <= 105; i++) {
      server.clock.advance(1_000);
      assert.equal((await say(chat, `message ${i}`)).statusCode, 201);
      if (i % 15 === 0) server.clock.advance(60_000);
    }

    const targets = await call(server, ann.session, 'GET', `/chats/${chat.chatId}/invite-targets`);
    assert.equal(targets.status, 200);
    assert.deepEqual(
      targets.body.find((t: { csqId: string }) => t.csqId === billing.id),
      { csqId: billing.id, csqName: 'Billing experts', available: 2 },
    );
    assert.equal(
      (await call(server, bob.session, 'GET', `/chats/${chat.chatId}/invite-targets`)).status,
      409,
      'only an agent in the chat may invite',
    );

    const invited = await call(server, ann.session, 'POST', `/chats/${chat.chatId}/invitations`, {
      csqId: billing.id,
      notes: 'Wants a refund of the March invoice',
    });
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    assert.equal(invited.body.agentId, bob.user.id, 'the most skilled billing agent');
    const ringing = await bobDesk.next((m) => m.type === 'contact.invited' && m.contactId === chat.chatId);
    assert.equal(ringing.inviterId, ann.user.id);
    assert.ok(!('notes' in ringing), 'notes never travel on the event stream');
    await annDesk.next((m) => m.type === 'contact.invited' && m.contactId === chat.chatId);

    assert.equal((await call(server, cy.session, 'GET', `/chats/${chat.chatId}/invitation`)).status, 404);
    const invitation = await call(server, bob.session, 'GET', `/chats/${chat.chatId}/invitation`);
    assert.equal(invitation.status, 200);
    assert.equal(invitation.body.notes, 'Wants a refund of the March invoice');
    assert.equal(invitation.body.inviter.id, ann.user.id);
    assert.equal(invitation.body.customer.name, 'Grace');
    assert.equal(invitation.body.messages.length, 100);
    assert.equal(invitation.body.messages[0].text, 'message 6');
    const second = await call(server, ann.session, 'POST', `/chats/${chat.chatId}/invitations`, {
      csqId: billing.id,
    });
    assert.equal(second.status, 409);
    assert.equal(second.body.error.code, 'group_chat_full');

    assert.equal(
      (await call(server, bob.session, 'POST', `/chats/${chat.chatId}/invitation/accept`)).status,
      204,
    );
    await chat.customer.next((m) => m.type === 'agent_joined' && m.alias === 'Bob');
    await annDesk.next((m) => m.type === 'contact.participant_joined' && m.agentId === bob.user.id);
    const bobView = await call(server, bob.session, 'GET', `/chats/${chat.chatId}`);
    assert.equal(bobView.status, 200);
    assert.equal(
      bobView.body.messages.length,
      100,
      'the guest reads the last 100 messages before they joined',
    );

    server.clock.advance(1_000);
    await say(chat, 'Thanks both');
    for (const stream of [annDesk, bobDesk])
      await stream.next((m) => m.type === 'chat.message' && m.text === 'Thanks both');
    const fromBob = await call(server, bob.session, 'POST', `/chats/${chat.chatId}/messages`, {
      clientId: uuid(),
      text: 'Refund is on its way',
    });
    assert.equal(fromBob.status, 201);
    await chat.customer.next((m) => m.type === 'message' && m.from === 'agent' && m.alias === 'Bob');
    await annDesk.next((m) => m.type === 'chat.message' && m.text === 'Refund is on its way');
    const third = await call(server, bob.session, 'POST', `/chats/${chat.chatId}/invitations`, {
      csqId: billing.id,
    });
    assert.equal(third.body.error.code, 'group_chat_full', 'inviting is disabled while two agents are in');

    const bobState = await call(server, admin, 'GET', `/agents/${bob.user.id}`);
    assert.ok(bobState.body.contacts.includes(chat.chatId), 'the group chat counts among the guest’s chats');

    assert.equal((await call(server, bob.session, 'POST', `/chats/${chat.chatId}/leave`)).status, 204);
    await chat.customer.next((m) => m.type === 'agent_left' && m.alias === 'Bob');
    const alone = await call(server, ann.session, 'POST', `/chats/${chat.chatId}/leave`);
    assert.equal(alone.status, 409, 'the last agent ends the chat instead of leaving');

    assert.equal((await call(server, ann.session, 'POST', `/contacts/${chat.chatId}/complete`)).status, 200);
    await call(server, ann.session, 'POST', `/contacts/${chat.chatId}/wrap-up`, { reasons: [] });
    const records = await call(
      server,
      admin,
      'GET',
      `/chat-records?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&limit=500`,
    );
    const record = records.body.find((r: { contactId: string }) => r.contactId === chat.chatId);
    assert.equal(record.chatType, 'group chat');
    assert.equal(record.csqId, front.id, 'the CSQ the chat was routed from');
    const bobUser = await call(server, admin, 'GET', `/users/${bob.user.id}`);
    assert.deepEqual(record.guestUsernames, [bobUser.body.username]);
    annDesk.close();
    bobDesk.close();
    chat.customer.close();
  });

  test('a decliner is not invited again until someone joins; the customer leaving while inviting is abandoned', async () => {
    const chat = await chatWithAnn('Alan');
    const invite = () =>
      call(server, ann.session, 'POST', `/chats/${chat.chatId}/invitations`, { csqId: billing.id });
    assert.equal((await invite()).body.agentId, bob.user.id);
    assert.equal(
      (await call(server, bob.session, 'POST', `/chats/${chat.chatId}/invitation/decline`)).status,
      204,
    );
    assert.equal((await invite()).body.agentId, cy.user.id, 'Bob declined: Cy is asked');
    assert.equal(
      (await call(server, cy.session, 'POST', `/chats/${chat.chatId}/invitation/decline`)).status,
      204,
    );
    const none = await invite();
    assert.equal(none.status, 409);
    assert.equal(none.body.error.code, 'no_agent_available');
    assert.match(
      none.body.error.message,
      new RegExp(`No agent of ${billing.name} `),
      'the CSQ named as agents know it',
    );
    const targets = await call(server, ann.session, 'GET', `/chats/${chat.chatId}/invite-targets`);
    assert.equal(targets.body.find((t: { csqId: string }) => t.csqId === billing.id).available, 0);

    const notes = 'x'.repeat(1501);
    const tooLong = await call(server, ann.session, 'POST', `/chats/${chat.chatId}/invitations`, {
      csqId: front.id,
      notes,
    });
    assert.equal(tooLong.status, 400);

    // A front-line colleague joins and leaves: the billing decliners may be asked again.
    const dee = await signInAs(server, admin, 'agent', {
      skills: (await call(server, admin, 'GET', `/users/${ann.user.id}`)).body.skills,
    });
    await setAgentState(server, dee.session, dee.user.id, 'ready');
    assert.equal(
      (await call(server, ann.session, 'POST', `/chats/${chat.chatId}/invitations`, { csqId: front.id })).body
        .agentId,
      dee.user.id,
    );
    assert.equal(
      (await call(server, dee.session, 'POST', `/chats/${chat.chatId}/invitation/accept`)).status,
      204,
    );
    assert.equal((await call(server, dee.session, 'POST', `/chats/${chat.chatId}/leave`)).status, 204);
    assert.equal((await invite()).body.agentId, bob.user.id, 'asked again once someone joined');

    await server.app.inject({
      method: 'POST',
      url: `/api/v1/public/chats/${chat.chatId}/end`,
      headers: { authorization: `Chat ${chat.token}` },
    });
    const bobNow = await call(server, admin, 'GET', `/agents/${bob.user.id}`);
    assert.equal(bobNow.body.digital.state, 'ready', 'the invitation stopped with the chat');
    await call(server, ann.session, 'POST', `/contacts/${chat.chatId}/wrap-up`, { reasons: [] });
    const records = await call(
      server,
      admin,
      'GET',
      `/chat-records?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&limit=500`,
    );
    const record = records.body.find((r: { contactId: string }) => r.contactId === chat.chatId);
    assert.equal(record.outcome, 'abandoned', 'the customer left while a second agent was being invited');
    assert.equal(record.chatType, 'group chat');
    chat.customer.close();
  });
});
