import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, createTestTenant, startTestApp, TEST_PASSWORD, type TestApp } from '../testing/test-app.ts';
import { DEMO_CSQS, seedDemo } from './demo-seed.ts';

let server: TestApp;
before(async () => {
  server = await startTestApp();
});
after(() => server.close());

test('the demo center has wrap-up reasons and chat responses for each of its queues', async () => {
  const { admin } = await createTestTenant(server, 'demo');
  await seedDemo(server.database.db, { tenant: 'demo', username: 'admin', password: TEST_PASSWORD });
  const csqs: { id: string; name: string }[] = (await call(server, admin, 'GET', '/csqs')).body;
  const categories: { global: boolean; csqIds: string[]; reasons: unknown[] }[] = (
    await call(server, admin, 'GET', '/wrap-up-categories')
  ).body;
  const responses: { channel: string; global: boolean; csqIds: string[] }[] = (
    await call(server, admin, 'GET', '/predefined-responses')
  ).body;
  assert.ok(categories.every((c) => !c.global && c.reasons.length > 0));
  assert.ok(responses.some((r) => r.global) && responses.every((r) => r.channel === 'chat'));
  for (const { name } of DEMO_CSQS) {
    const id = csqs.find((q) => q.name === name)?.id ?? '';
    assert.ok(categories.filter((c) => c.csqIds.includes(id)).length >= 2, name);
    assert.ok(
      responses.some((r) => r.csqIds.includes(id)),
      name,
    );
  }
});
