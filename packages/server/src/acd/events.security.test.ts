import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sessionsRepository } from '../db/repositories/index.ts';
import { buildApiKey, buildCsq, buildSkill, setAgentState, signInAs } from '../testing/builders.ts';
import {
  call,
  createTestTenant,
  type Session,
  signIn,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/test-app.ts';
import { connect, eventsUrl, type Message } from '../testing/websocket.ts';

let server: TestApp;
let base: string;
let admin: Session;
let tenantId: string;
let channel: Session;
let csqId: string;

before(async () => {
  server = await startTestApp();
  base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  ({ admin, tenantId } = await createTestTenant(server, 'acme'));
  const skillId = (await buildSkill(server, admin)).id;
  csqId = (await buildCsq(server, admin, { skills: [{ skillId, minCompetence: 1 }] })).id;
  channel = (await buildApiKey(server, admin, 'write')).session;
});
after(() => server.close());

const isError = (m: Message) => m.type === 'error';
const hello = (m: Message) => m.type === 'hello';

async function opened(session: Session) {
  const stream = connect(await eventsUrl(server, base, session));
  await stream.next(hello);
  return stream;
}

async function refused(stream: ReturnType<typeof connect>) {
  const error = (await stream.next(isError)).error as { code: string; message: string };
  assert.equal(await stream.closed, 4401);
  return error;
}

describe('opening the event stream', () => {
  test('a token in the URL is refused, even a valid one, and the error says to use a ticket', async () => {
    const agent = await signInAs(server, admin, 'agent');
    const error = await refused(connect(`${base}/api/v1/events?token=${agent.session.token}`));
    assert.equal(error.code, 'unauthenticated');
    assert.match(error.message, /ticket from POST \/api\/v1\/events\/tickets/);
  });

  test('a ticket opens one socket: used again, or after 30 s, it is refused', async () => {
    const agent = await signInAs(server, admin, 'agent');
    const url = await eventsUrl(server, base, agent.session);
    const first = connect(url);
    assert.equal((await first.next(hello)).userId, agent.user.id);
    assert.match((await refused(connect(url))).message, /used already/);

    const late = await eventsUrl(server, base, agent.session);
    server.clock.advance(31_000);
    assert.match((await refused(connect(late))).message, /has expired/);
    first.close();
  });

  test('a ticket is kept only as a hash, with what it opens and when it expires', async () => {
    const agent = await signInAs(server, admin, 'agent');
    const ticket = new URL(await eventsUrl(server, base, agent.session)).searchParams.get('ticket') ?? '';
    assert.match(ticket, /^[A-Za-z0-9_-]{43}$/, '256 random bits');
    const rows = await server.database.db.selectFrom('stream_tickets').selectAll().execute();
    assert.ok(rows.length > 0);
    assert.ok(!JSON.stringify(rows).includes(ticket));
    const row = rows.find((r) => r.user_id === agent.user.id && r.kind === 'session');
    assert.equal(row?.expires_at.getTime(), server.clock.now() + 30_000);
  });

  test('a ticket asked for with an API key opens the stream as the service user', async () => {
    const key = await buildApiKey(server, admin, 'read');
    const stream = connect(await eventsUrl(server, base, key.session));
    const greeting = await stream.next(hello);
    assert.deepEqual([greeting.userId, greeting.role], [key.service.id, 'service']);
    stream.close();
  });

  test('clients that can set headers still send Authorization on the upgrade', async () => {
    const agent = await signInAs(server, admin, 'agent');
    const stream = connect(`${base}/api/v1/events`, agent.session.headers);
    assert.equal((await stream.next(hello)).userId, agent.user.id);
    stream.close();
  });

  test('no ticket and no header: told how to connect', async () => {
    const error = await refused(connect(`${base}/api/v1/events`));
    assert.match(error.message, /\?ticket= from POST \/api\/v1\/events\/tickets/);
  });

  test('asking for a ticket needs a signed-in caller', async () => {
    assert.equal((await call(server, undefined, 'POST', '/events/tickets')).status, 401);
  });
});

describe('an open event stream re-checks its caller', () => {
  test('signing out closes the socket at once', async () => {
    const agent = await signInAs(server, admin, 'agent');
    const stream = await opened(agent.session);
    assert.equal((await call(server, agent.session, 'POST', '/auth/logout')).status, 204);
    assert.match((await refused(stream)).message, /signed out/);
  });

  test('a deactivated user is disconnected', async () => {
    const agent = await signInAs(server, admin, 'agent');
    const stream = await opened(agent.session);
    await call(server, admin, 'PATCH', `/users/${agent.user.id}`, { active: false });
    assert.equal((await refused(stream)).code, 'unauthenticated');
  });

  test('a password change closes the user’s sockets of other sessions; an administrator’s reset closes all', async () => {
    const agent = await signInAs(server, admin, 'agent');
    const here = await opened(agent.session);
    const elsewhere = await opened(await signIn(server, 'acme', agent.user.username));
    const changed = await call(server, agent.session, 'PUT', '/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a changed password',
    });
    assert.equal(changed.status, 204);
    await refused(elsewhere);
    await call(server, admin, 'PUT', `/users/${agent.user.id}/password`, { password: 'reset by the admin' });
    await refused(here);
  });

  test('a replayed refresh token closes the sockets of the session it ends', async () => {
    const agent = await signInAs(server, admin, 'agent');
    const stream = await opened(agent.session);
    const refresh = () =>
      call(server, agent.session, 'POST', '/auth/refresh', { refreshToken: agent.session.refreshToken });
    assert.equal((await refresh()).status, 200);
    assert.equal((await refresh()).status, 401);
    assert.equal((await refused(stream)).code, 'unauthenticated');
  });

  test('a revoked API key is disconnected', async () => {
    const key = await buildApiKey(server, admin, 'read');
    const stream = await opened(key.session);
    assert.equal((await call(server, admin, 'POST', `/api-keys/${key.keyId}/revoke`)).status, 200);
    await refused(stream);
  });

  test("a supervisor demoted to agent stops seeing other agents' events from the change on", async () => {
    const supervisor = await signInAs(server, admin, 'supervisor');
    const stream = await opened(supervisor.session);
    const before = await call(server, channel, 'POST', '/contacts', { channel: 'chat', csqId });
    await stream.next((m) => m.type === 'contact.queued' && m.contactId === before.body.id);

    const demoted = await call(server, admin, 'PATCH', `/users/${supervisor.user.id}`, { role: 'agent' });
    assert.equal(demoted.status, 200, JSON.stringify(demoted.body));
    const afterChange = await call(server, channel, 'POST', '/contacts', { channel: 'chat', csqId });
    // Their own state change is still theirs to see; it comes after the contact's events on the stream.
    await setAgentState(server, supervisor.session, supervisor.user.id, 'ready');
    await stream.next((m) => m.type === 'agent.state_changed' && m.agentId === supervisor.user.id);
    assert.ok(!stream.received.some((m) => m.contactId === afterChange.body.id));
    stream.close();
  });

  test('at each heartbeat it asks the database again, so a sign-out on another node counts too', async () => {
    const agent = await signInAs(server, admin, 'agent');
    const bystander = await signInAs(server, admin, 'agent');
    const [stream, other] = [await opened(agent.session), await opened(bystander.session)];
    const sessionId = (
      await server.database.db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', agent.user.id)
        .executeTakeFirstOrThrow()
    ).id;
    // Revoked behind this node's back: no access change is announced here.
    await sessionsRepository.revoke(server.database.db, tenantId, sessionId, new Date());
    server.beats.fire();
    await refused(stream);
    await setAgentState(server, bystander.session, bystander.user.id, 'ready');
    await other.next((m) => m.type === 'agent.state_changed');
    assert.ok(!other.received.some(isError), 'a live caller stays connected');
    other.close();
  });
});
