import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApiKey, buildSkill, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { connect, eventsUrl } from '../testing/websocket.ts';

describe('the desktop event stream', () => {
  let server: TestApp;
  let base: string;
  let admin: Session;
  let channel: Session;
  let csqId: string;
  let agent: { user: { id: string }; session: Session };

  before(async () => {
    server = await startTestApp();
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    base = address.replace('http', 'ws');
    ({ admin } = await createTestTenant(server, 'acme'));
    const skillId = (await buildSkill(server, admin)).id;
    csqId = (
      await call(server, admin, 'POST', '/csqs', {
        name: 'Chat',
        channel: 'chat',
        criterion: 'longest_available',
        skills: [{ skillId, minCompetence: 1 }],
      })
    ).body.id;
    agent = await signInAs(server, admin, 'agent', { skills: [{ skillId, competence: 5 }] });
    channel = (await buildApiKey(server, admin, 'write')).session;
  });
  after(() => server.close());

  test('an agent is told of their offer; a supervisor sees the whole queue; another tenant sees nothing', async () => {
    const agentStream = connect(await eventsUrl(server, base, agent.session));
    const supervisor = await signInAs(server, admin, 'supervisor');
    const supervisorStream = connect(await eventsUrl(server, base, supervisor.session));
    const { admin: otherAdmin } = await createTestTenant(server, 'globex');
    const otherStream = connect(await eventsUrl(server, base, otherAdmin));
    await Promise.all(
      [agentStream, supervisorStream, otherStream].map((s) => s.next((m) => m.type === 'hello')),
    );

    await call(server, agent.session, 'PUT', `/agents/${agent.user.id}/state`, {
      domain: 'digital',
      state: 'ready',
    });
    const contact = await call(server, channel, 'POST', '/contacts', { channel: 'chat', csqId });
    const offer = await agentStream.next((m) => m.type === 'contact.offered');
    assert.equal(offer.contactId, contact.body.id);
    assert.equal(offer.agentId, agent.user.id);
    assert.match(String(offer.at), /^\d{4}-\d\d-\d\dT/);
    await supervisorStream.next((m) => m.type === 'contact.queued' && m.contactId === contact.body.id);
    assert.ok(
      !agentStream.received.some((m) => m.type === 'contact.queued'),
      'agents get what concerns them',
    );
    // A marker event in the other tenant proves its stream was live while ours produced events.
    await call(server, otherAdmin, 'POST', '/skills', { name: 'Marker' });
    const otherKey = (await buildApiKey(server, otherAdmin, 'write')).session;
    const otherSkill = (await buildSkill(server, otherAdmin)).id;
    const otherCsq = (
      await call(server, otherAdmin, 'POST', '/csqs', {
        name: 'Q',
        channel: 'chat',
        criterion: 'longest_available',
        skills: [{ skillId: otherSkill, minCompetence: 1 }],
      })
    ).body.id;
    const mine = await call(server, otherKey, 'POST', '/contacts', { channel: 'chat', csqId: otherCsq });
    await otherStream.next((m) => m.type === 'contact.queued' && m.contactId === mine.body.id);
    assert.ok(!otherStream.received.some((m) => m.contactId === contact.body.id), 'no event crosses tenants');
    for (const stream of [agentStream, supervisorStream, otherStream]) stream.close();
  });

  test('a bad token in the Authorization header gets an error and the socket is closed', async () => {
    const stream = connect(`${base}/api/v1/events`, { authorization: 'Bearer nonsense' });
    const error = await stream.next((m) => m.type === 'error');
    assert.deepEqual(error.error, { code: 'unauthenticated', message: 'The access token is not valid.' });
    assert.equal(await stream.closed, 4401);
  });
});

test('a plain HTTP request to the event stream is told to upgrade', async () => {
  const server = await startTestApp();
  try {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/events' });
    assert.equal(response.statusCode, 426);
    assert.equal(response.json().error.code, 'upgrade_required');
  } finally {
    await server.close();
  }
});
