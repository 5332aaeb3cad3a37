import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApiKey, buildReasonCode, buildSkill, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';

describe('contacts API: a chat from queue to wrap-up', () => {
  let server: TestApp;
  let admin: Session;
  let channel: Session;
  let agent: { user: { id: string }; session: Session };
  let csqId: string;
  let skillId: string;

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'acme'));
    skillId = (await buildSkill(server, admin, { name: 'Billing' })).id;
    const csq = await call(server, admin, 'POST', '/csqs', {
      name: 'Billing chat',
      channel: 'chat',
      criterion: 'longest_available',
      skills: [{ skillId, minCompetence: 3 }],
    });
    assert.equal(csq.status, 201, JSON.stringify(csq.body));
    csqId = csq.body.id;
    agent = await signInAs(server, admin, 'agent', { skills: [{ skillId, competence: 5 }] });
    channel = (await buildApiKey(server, admin, 'write')).session;
  });
  after(() => server.close());

  const setState = (state: string, reasonCode?: number) =>
    call(server, agent.session, 'PUT', `/agents/${agent.user.id}/state`, {
      domain: 'digital',
      state,
      ...(reasonCode ? { reasonCode } : {}),
    });

  test('a contact waits, is offered to the agent who goes Ready, and ends handled after wrap-up', async () => {
    const created = await call(server, channel, 'POST', '/contacts', {
      channel: 'chat',
      csqId,
      callType: 'Web billing',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.status, 'queued');
    const ready = await setState('ready');
    assert.equal(ready.status, 200);
    assert.equal(ready.body.digital.state, 'reserved');
    const id = created.body.id;
    assert.equal((await call(server, admin, 'GET', `/contacts/${id}`)).body.status, 'offered');
    assert.equal((await call(server, agent.session, 'POST', `/contacts/${id}/accept`)).body.status, 'active');
    assert.equal(
      (await call(server, agent.session, 'POST', `/contacts/${id}/complete`)).body.status,
      'wrap_up',
    );
    const done = await call(server, agent.session, 'POST', `/contacts/${id}/wrap-up`, {
      reasons: ['Paid invoice'],
    });
    assert.equal(done.status, 200);
    assert.equal(done.body.status, 'ended');
    assert.equal(done.body.outcome, 'handled');
    assert.deepEqual(done.body.wrapUpReasons, ['Paid invoice']);
    const events = await call(server, admin, 'GET', `/contacts/${id}/events`);
    assert.deepEqual(
      events.body.map((e: { type: string }) => e.type),
      [
        'contact.created',
        'contact.queued',
        'contact.offered',
        'contact.accepted',
        'contact.wrap_up_started',
        'contact.wrap_up_ended',
        'contact.ended',
      ],
    );
    const trace = await server.database.db
      .selectFrom('agent_state_trace')
      .select(['state', 'domain'])
      .where('agent_id', '=', agent.user.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      trace.map((t) => t.state),
      ['ready', 'reserved', 'active', 'work', 'ready'],
    );
  });

  test('creating twice with one external id makes one contact', async () => {
    const first = await call(server, channel, 'POST', '/contacts', {
      channel: 'chat',
      csqId,
      externalId: 'msg-1',
    });
    const second = await call(server, channel, 'POST', '/contacts', {
      channel: 'chat',
      csqId,
      externalId: 'msg-1',
    });
    assert.equal(first.status, 201);
    assert.equal(second.status, 200);
    assert.equal(second.body.id, first.body.id);
    await call(server, channel, 'POST', `/contacts/${first.body.id}/end`);
  });

  test('an offer not accepted in time returns to the queue and the agent goes Not Ready', async () => {
    const contact = await call(server, channel, 'POST', '/contacts', { channel: 'chat', csqId });
    assert.equal((await call(server, admin, 'GET', `/contacts/${contact.body.id}`)).body.status, 'offered');
    server.clock.advance(30_000);
    await server.acd.tick((await call(server, admin, 'GET', '/tenant')).body.id);
    assert.equal((await call(server, admin, 'GET', `/contacts/${contact.body.id}`)).body.status, 'queued');
    const state = await call(server, agent.session, 'GET', `/agents/${agent.user.id}`);
    assert.equal(state.body.digital.state, 'not_ready');
    const left = await call(server, channel, 'POST', `/contacts/${contact.body.id}/end`);
    assert.equal(left.body.outcome, 'abandoned');
  });

  test('Not Ready takes a reason code of the tenant; agents cannot touch others', async () => {
    const code = (await buildReasonCode(server, admin, { code: 42, label: 'Coaching' })) && 42;
    assert.equal((await setState('not_ready', code)).body.digital.reasonCode, 42);
    const unknown = await setState('not_ready', 999);
    assert.equal(unknown.status, 400);
    const other = await signInAs(server, admin, 'agent');
    const refused = await call(server, other.session, 'PUT', `/agents/${agent.user.id}/state`, {
      domain: 'digital',
      state: 'ready',
    });
    assert.equal(refused.status, 403);
    const notMine = await call(server, other.session, 'POST', `/contacts/${crypto.randomUUID()}/accept`);
    assert.equal(notMine.status, 404);
  });

  test('an agent created while the router runs can go Ready and take contacts', async () => {
    const late = await signInAs(server, admin, 'agent', { skills: [{ skillId, competence: 9 }] });
    const ready = await call(server, late.session, 'PUT', `/agents/${late.user.id}/state`, {
      domain: 'digital',
      state: 'ready',
    });
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    const contact = await call(server, channel, 'POST', '/contacts', { channel: 'chat', csqId });
    assert.equal(
      (await call(server, admin, 'GET', `/contacts/${contact.body.id}`)).body.agentId,
      late.user.id,
    );
    await call(server, channel, 'POST', `/contacts/${contact.body.id}/end`);
  });

  test("an agent's desktop lists what they hold; a contact declined meanwhile is left out, never refused", async () => {
    const desk = await buildSkill(server, admin, { name: 'Desk' });
    const { body: queue } = await call(server, admin, 'POST', '/csqs', {
      name: 'Desk chat',
      channel: 'chat',
      criterion: 'longest_available',
      skills: [{ skillId: desk.id, minCompetence: 1 }],
    });
    const holder = await signInAs(server, admin, 'agent', { skills: [{ skillId: desk.id, competence: 1 }] });
    const desktop = () => call(server, holder.session, 'GET', `/agents/${holder.user.id}/contacts`);
    for (let round = 0; round < 5; round++) {
      const { body: contact } = await call(server, channel, 'POST', '/contacts', {
        channel: 'chat',
        csqId: queue.id,
      });
      const ready = await call(server, holder.session, 'PUT', `/agents/${holder.user.id}/state`, {
        domain: 'digital',
        state: 'ready',
      });
      assert.equal(ready.body.digital.state, 'reserved');
      const offered = await desktop();
      assert.equal(offered.status, 200);
      assert.deepEqual(
        offered.body.map((c: { id: string; status: string }) => [c.id, c.status]),
        [[contact.id, 'offered']],
      );
      const [read, rejected] = await Promise.all([
        desktop(),
        call(server, holder.session, 'POST', `/contacts/${contact.id}/reject`),
      ]);
      assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
      assert.equal(read.status, 200, JSON.stringify(read.body));
      assert.ok(read.body.length <= 1);
      assert.deepEqual((await desktop()).body, []);
      await call(server, channel, 'POST', `/contacts/${contact.id}/end`);
    }
    const peek = await call(server, agent.session, 'GET', `/agents/${holder.user.id}/contacts`);
    assert.equal(peek.status, 403);
    assert.equal((await call(server, admin, 'GET', `/agents/${holder.user.id}/contacts`)).status, 200);
  });

  test('administrators configure but do not take contacts', async () => {
    const me = await call(server, admin, 'GET', '/me');
    const response = await call(server, admin, 'PUT', `/agents/${me.body.id}/state`, {
      domain: 'digital',
      state: 'ready',
    });
    assert.equal(response.status, 403);
  });

  test('a skill a CSQ requires cannot be deleted', async () => {
    const response = await call(server, admin, 'DELETE', `/skills/${skillId}`);
    assert.equal(response.status, 409);
  });
});
