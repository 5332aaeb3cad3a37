import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildSkill, buildUser } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';

describe('the audit log', () => {
  let test_: TestApp;
  let admin: Session;
  let agent: { id: string; username: string };
  let adminId: string;
  let between: string;

  before(async () => {
    test_ = await startTestApp();
    ({ admin } = await createTestTenant(test_, 'acme'));
    adminId = (await call(test_, admin, 'GET', '/me')).body.id;
    await buildSkill(test_, admin, { name: 'Billing' });
    agent = await buildUser(test_, admin);
    const [created] = (await call(test_, admin, 'GET', `/audit-log?entityId=${agent.id}&action=create`)).body;
    // Entries are stamped by the database: the agent's creation is the moment between the two.
    between = created.at;
    await test_.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { tenant: 'acme', username: agent.username, password: 'not the password' },
    });
  });
  after(() => test_.close());

  const list = async (query: string) => {
    const response = await call(test_, admin, 'GET', `/audit-log?${query}`);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body as {
      action: string;
      entityType: string;
      entityId: string;
      record: string | null;
      actorId: string | null;
    }[];
  };

  test('names the record that changed', async () => {
    const [skill] = await list('entityType=skill');
    assert.equal(skill?.record, 'Billing');
    const [user] = await list(`entityType=user&entityId=${agent.id}&action=create`);
    assert.equal(user?.record, agent.username);
  });

  test('filters by who, what and when', async () => {
    const failures = await list('action=sign_in_failed');
    assert.deepEqual(
      failures.map((e) => [e.entityId, e.actorId]),
      [[agent.id, agent.id]],
    );
    const byAdmin = await list(`actorId=${adminId}&action=create`);
    assert.deepEqual(new Set(byAdmin.map((e) => e.record)), new Set(['Billing', agent.username]));
    const early = (await list(`until=${encodeURIComponent(between)}&action=create`)).map((e) => e.record);
    assert.ok(early.includes('Billing') && !early.includes(agent.username), early.join());
    const late = (await list(`since=${encodeURIComponent(between)}&action=create`)).map((e) => e.record);
    assert.ok(late.includes(agent.username) && !late.includes('Billing'), late.join());
  });

  test('a filter it cannot use is a 400 that says why', async () => {
    const unknown = await call(test_, admin, 'GET', '/audit-log?action=explode');
    assert.equal(unknown.status, 400);
    const backwards = await call(
      test_,
      admin,
      'GET',
      `/audit-log?since=${encodeURIComponent(between)}&until=${encodeURIComponent(new Date(0).toISOString())}`,
    );
    assert.equal(backwards.status, 400);
    assert.match(backwards.body.error.message, /since.*before.*until/);
  });
});
