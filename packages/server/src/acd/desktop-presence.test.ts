import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApiKey, buildSkill, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { connect, eventsUrl } from '../testing/websocket.ts';

// Shorter than the chat No Answer Timeout (30 s), so an offer is still ringing when the grace ends.
const GRACE_S = 20;

describe('an agent whose desktop is gone', () => {
  let server: TestApp;
  let base: string;
  let admin: Session;
  let tenantId: string;
  let skillId: string;
  let lostCode: number;

  before(async () => {
    server = await startTestApp();
    base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    ({ admin, tenantId } = await createTestTenant(server, 'acme'));
    skillId = (await buildSkill(server, admin)).id;
    const settings = await call(server, admin, 'PATCH', '/tenant/settings', {
      presence: { disconnectGraceSeconds: GRACE_S },
    });
    assert.equal(settings.status, 200, JSON.stringify(settings.body));
    const codes = (await call(server, admin, 'GET', '/reason-codes?kind=not_ready')).body;
    const lost = codes.find((c: { system: boolean }) => c.system);
    assert.equal(lost.label, 'Connection lost');
    lostCode = lost.code;
  });
  after(() => server.close());

  async function readyAgent(skill = skillId) {
    const agent = await signInAs(server, admin, 'agent', { skills: [{ skillId: skill, competence: 5 }] });
    const ready = await call(server, agent.session, 'PUT', `/agents/${agent.user.id}/state`, {
      domain: 'digital',
      state: 'ready',
    });
    assert.equal(ready.status, 200);
    return agent;
  }
  async function openDesktop(session: Session) {
    const stream = connect(`${await eventsUrl(server, base, session)}&client=desktop`);
    await stream.next((m) => m.type === 'hello');
    return stream;
  }
  async function closeDesktop(stream: ReturnType<typeof connect>) {
    const closing = server.acd.desktops.nextClose();
    stream.close();
    await closing;
  }
  const digital = async (agentId: string) =>
    (await call(server, admin, 'GET', `/agents/${agentId}`)).body.digital;
  async function pastGrace() {
    server.clock.advance(GRACE_S * 1000 + 1);
    await server.acd.desktops.sweep();
  }

  test('goes Not Ready with the system reason after the grace, recorded in the trace', async () => {
    const agent = await readyAgent();
    await closeDesktop(await openDesktop(agent.session));
    server.clock.advance(GRACE_S * 1000 - 1000);
    await server.acd.desktops.sweep();
    assert.equal((await digital(agent.user.id)).state, 'ready', 'still within the grace');
    await pastGrace();
    assert.deepEqual(await digital(agent.user.id), {
      ...(await digital(agent.user.id)),
      state: 'not_ready',
      reasonCode: lostCode,
    });
    const trace = await server.database.db
      .selectFrom('agent_state_trace')
      .selectAll()
      .where('agent_id', '=', agent.user.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(trace.state, 'not_ready');
    assert.equal(trace.reason_code, lostCode);
    assert.equal(trace.cause, 'system');
  });

  test('stays Ready when the desktop comes back within the grace', async () => {
    const agent = await readyAgent();
    await closeDesktop(await openDesktop(agent.session));
    server.clock.advance(10_000);
    const again = await openDesktop(agent.session);
    await pastGrace();
    assert.equal((await digital(agent.user.id)).state, 'ready');
    await closeDesktop(again);
  });

  test('closing one of two tabs changes nothing; closing the last does', async () => {
    const agent = await readyAgent();
    const first = await openDesktop(agent.session);
    const second = await openDesktop(agent.session);
    await closeDesktop(first);
    await pastGrace();
    assert.equal((await digital(agent.user.id)).state, 'ready');
    await closeDesktop(second);
    await pastGrace();
    assert.equal((await digital(agent.user.id)).state, 'not_ready');
  });

  test('an agent driven by the API alone (no desktop stream) is never moved', async () => {
    const agent = await readyAgent();
    const apiStream = connect(await eventsUrl(server, base, agent.session));
    await apiStream.next((m) => m.type === 'hello');
    apiStream.close();
    await apiStream.closed;
    await pastGrace();
    await pastGrace();
    assert.equal((await digital(agent.user.id)).state, 'ready');
  });

  test('a Reserved agent gives the offer back to the queue, as No Answer would', async () => {
    // A queue only this agent serves: the agents of the other tests are still Ready.
    const onlyHers = (await buildSkill(server, admin)).id;
    const csq = await call(server, admin, 'POST', '/csqs', {
      name: 'Her chat',
      channel: 'chat',
      criterion: 'longest_available',
      skills: [{ skillId: onlyHers, minCompetence: 1 }],
    });
    const agent = await readyAgent(onlyHers);
    const desktop = await openDesktop(agent.session);
    const channel = (await buildApiKey(server, admin, 'write')).session;
    const contact = (
      await call(server, channel, 'POST', '/contacts', { channel: 'chat', csqId: csq.body.id })
    ).body;
    await desktop.next((m) => m.type === 'contact.offered' && m.contactId === contact.id);
    await closeDesktop(desktop);
    await pastGrace();
    const state = await digital(agent.user.id);
    assert.equal(state.state, 'not_ready');
    assert.equal(state.reasonCode, lostCode);
    const after = (await call(server, admin, 'GET', `/contacts/${contact.id}`)).body;
    assert.equal(after.status, 'queued');
  });

  test('the grace is bounded and the reason must be a Not Ready code of the tenant', async () => {
    const tooShort = await call(server, admin, 'PATCH', '/tenant/settings', {
      presence: { disconnectGraceSeconds: 5 },
    });
    assert.equal(tooShort.status, 400);
    const logout = await call(server, admin, 'POST', '/reason-codes', {
      kind: 'logout',
      code: 7,
      label: 'Shift end',
    });
    const wrongKind = await call(server, admin, 'PATCH', '/tenant/settings', {
      presence: { disconnectReasonCodeId: logout.body.id },
    });
    assert.equal(wrongKind.status, 400);
    assert.equal(wrongKind.body.error.code, 'validation_failed');
  });

  test('the system code can be renamed but not deleted', async () => {
    const codes = (await call(server, admin, 'GET', '/reason-codes?kind=not_ready')).body;
    const lost = codes.find((c: { system: boolean }) => c.system);
    const renamed = await call(server, admin, 'PATCH', `/reason-codes/${lost.id}`, {
      label: 'Desktop closed',
    });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.system, true);
    const deleted = await call(server, admin, 'DELETE', `/reason-codes/${lost.id}`);
    assert.equal(deleted.status, 400);
    assert.equal(tenantId.length, 36);
  });
});
