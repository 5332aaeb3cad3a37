import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  buildApiKey,
  buildCalendar,
  buildContact,
  buildCsq,
  buildPredefinedResponse,
  buildReasonCode,
  buildSkill,
  buildTeam,
  buildUser,
  buildWrapUpCategory,
} from '../testing/builders.ts';
import {
  call,
  createTestTenant,
  type Session,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/test-app.ts';

let server: TestApp;
let admin: Session;
let writer: Session;
let reader: Session;
let supervisor: { id: string; username: string };
let agent: { id: string; username: string };
let n = 0;
const uniq = (prefix: string) => `${prefix}-${++n}`;

before(async () => {
  server = await startTestApp();
  ({ admin } = await createTestTenant(server, 'keys'));
  writer = (await buildApiKey(server, admin, 'write')).session;
  reader = (await buildApiKey(server, admin, 'read')).session;
  supervisor = await buildUser(server, admin, { role: 'supervisor' });
  agent = await buildUser(server, admin);
});
after(() => server?.close());

const login = async (username: string, password: string) =>
  (
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { tenant: 'keys', username, password },
    })
  ).statusCode;
const person = (role: string, extra: object = {}) => ({
  username: uniq(role),
  displayName: 'Someone',
  role,
  ...extra,
});
const refused = (res: { status: number; body: any }, what: string) => {
  assert.equal(res.status, 403, `${what}: ${JSON.stringify(res.body)}`);
  assert.equal(res.body.error.code, 'forbidden', what);
};

describe('a write key cannot mint or raise a user', () => {
  test('creating a supervisor with a password of its choosing, to sign in as them, is refused', async () => {
    const body = person('supervisor', { password: TEST_PASSWORD });
    const res = await call(server, writer, 'POST', '/users', body);
    refused(res, 'supervisor with password');
    assert.match(res.body.error.message, /An API key may create and change agents and service users/);
    assert.equal(await login(body.username, TEST_PASSWORD), 401);
    refused(await call(server, writer, 'POST', '/users', person('supervisor')), 'supervisor');
    refused(await call(server, writer, 'POST', '/users', person('administrator')), 'administrator');
  });

  test('an agent with a password is refused; without one it is created and cannot sign in', async () => {
    const withPassword = person('agent', { password: TEST_PASSWORD });
    refused(await call(server, writer, 'POST', '/users', withPassword), 'agent with password');
    assert.equal(await login(withPassword.username, TEST_PASSWORD), 401);

    const body = person('agent');
    const created = await call(server, writer, 'POST', '/users', body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    for (const password of [TEST_PASSWORD, 'anything at all']) {
      assert.equal(await login(body.username, password), 401, password);
    }
  });

  test('an administrator still gives every person a password', async () => {
    const res = await call(server, admin, 'POST', '/users', person('agent'));
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.error.details.field, 'password');
  });

  test('no role change to supervisor or administrator, and no change to supervisors', async () => {
    for (const role of ['supervisor', 'administrator']) {
      refused(await call(server, writer, 'PATCH', `/users/${agent.id}`, { role }), `agent → ${role}`);
    }
    const changes = [{ displayName: 'Renamed' }, { active: false }, { role: 'agent' }];
    for (const change of changes) {
      refused(await call(server, writer, 'PATCH', `/users/${supervisor.id}`, change), JSON.stringify(change));
    }
    const skill = await buildSkill(server, admin);
    const skills = { skills: [{ skillId: skill.id, competence: 3 }] };
    refused(
      await call(server, writer, 'PUT', `/users/${supervisor.id}/skills`, skills),
      'reskill supervisor',
    );
    const me = await call(server, admin, 'GET', '/me');
    refused(await call(server, writer, 'PATCH', `/users/${me.body.id}`, { active: false }), 'administrator');
    const still = await call(server, admin, 'GET', `/users/${supervisor.id}`);
    assert.equal(still.body.role, 'supervisor');
    assert.equal(still.body.active, true);
  });

  test('no password is set by a key, neither its own nor anyone else', async () => {
    const res = await call(server, writer, 'PUT', `/users/${agent.id}/password`, { password: 'a new one!' });
    refused(res, 'set password');
    assert.match(res.body.error.message, /passwords are for an administrator/);
    assert.equal(await login(agent.username, TEST_PASSWORD), 200);
  });

  test('CSQs and calendars are for administrators', async () => {
    const csq = { name: uniq('CSQ'), channel: 'chat', criterion: 'longest_available', skills: [] };
    const res = await call(server, writer, 'POST', '/csqs', csq);
    refused(res, 'create CSQ');
    assert.match(res.body.error.message, /write API key may not do this \(csq\.manage\)/);
    const existing = await buildCsq(server, admin);
    refused(await call(server, writer, 'DELETE', `/csqs/${existing.id}`), 'delete CSQ');
    const calendar = { name: uniq('Calendar'), timeZone: 'Asia/Tokyo', mode: '24x7' };
    refused(await call(server, writer, 'POST', '/calendars', calendar), 'create calendar');
    const held = await buildCalendar(server, admin);
    refused(await call(server, writer, 'PUT', `/calendars/${held.id}`, calendar), 'replace calendar');
    refused(await call(server, writer, 'DELETE', `/calendars/${held.id}`), 'delete calendar');
  });
});

describe('what docs/api.md promises keys still works', () => {
  test('a write key maintains agents, teams, skills, reason codes, responses, wrap-up reasons, and reskills', async () => {
    const skill = await buildSkill(server, writer);
    const team = await buildTeam(server, writer, { primarySupervisorId: supervisor.id });
    const created = await call(server, writer, 'POST', '/users', {
      ...person('agent'),
      teamId: team.id,
      skills: [{ skillId: skill.id, competence: 4 }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    const renamed = await call(server, writer, 'PATCH', `/users/${id}`, { displayName: 'Renamed' });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    const reskilled = await call(server, writer, 'PUT', `/users/${id}/skills`, {
      skills: [{ skillId: skill.id, competence: 9 }],
    });
    assert.equal(reskilled.status, 200, JSON.stringify(reskilled.body));
    const gone = await call(server, writer, 'PATCH', `/users/${id}`, { active: false });
    assert.equal(gone.status, 200, JSON.stringify(gone.body));
    const service = await call(server, writer, 'POST', '/users', person('service'));
    assert.equal(service.status, 201, JSON.stringify(service.body));
    assert.equal((await call(server, writer, 'DELETE', `/teams/${team.id}`)).status, 204);
    await buildReasonCode(server, writer);
    await buildPredefinedResponse(server, writer);
    await buildWrapUpCategory(server, writer, {}, ['Solved']);
    await buildContact(server, writer, (await buildCsq(server, admin)).id);
  });

  test('a read key reads, and changes nothing', async () => {
    for (const url of ['/users', '/teams', '/skills', '/reason-codes', '/csqs', '/calendars']) {
      const res = await call(server, reader, 'GET', url);
      assert.equal(res.status, 200, `${url}: ${JSON.stringify(res.body)}`);
    }
    refused(await call(server, reader, 'POST', '/users', person('agent')), 'create user');
    refused(await call(server, reader, 'POST', '/skills', { name: uniq('Skill') }), 'create skill');
    const res = await call(server, reader, 'PATCH', `/users/${agent.id}`, { displayName: 'x' });
    refused(res, 'change user');
    assert.match(res.body.error.message, /A read API key may not do this \(user\.manage\)/);
  });
});
