import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { Type } from 'typebox';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';

let server: TestApp;
let admin: Session;
let tenantId: string;
let receiverUp = false;

before(async () => {
  server = await startTestApp({}, (jobs) =>
    jobs.define('test.deliver', {
      schema: Type.Object({ to: Type.String() }),
      retry: { limit: 0, backoff: { delaySeconds: 1 } },
      handler: async () => {
        if (!receiverUp) throw new Error('the receiver refused the delivery');
      },
    }),
  );
  ({ tenantId, admin } = await createTestTenant(server, 'jobs-routes'));
});
after(() => server.close());

async function reaching(id: string, state: string) {
  while ((await server.jobs.get({ tenantId }, id))?.state !== state) await delay(50);
}

test('an administrator sees a failed job with its error, retries it and it completes', async () => {
  const id = await server.jobs.enqueue(tenantId, 'test.deliver', { to: 'crm' });
  await reaching(id, 'failed');
  const failed = await call(server, admin, 'GET', '/jobs?state=failed');
  assert.equal(failed.status, 200);
  const job = failed.body.find((j: { id: string }) => j.id === id);
  assert.equal(job.error, 'the receiver refused the delivery');
  assert.equal(job.name, 'test.deliver');
  receiverUp = true;
  const retried = await call(server, admin, 'POST', `/jobs/${id}/retry`);
  assert.equal(retried.status, 200, JSON.stringify(retried.body));
  assert.equal(retried.body.state, 'queued');
  await reaching(id, 'completed');
  const again = await call(server, admin, 'POST', `/jobs/${id}/retry`);
  assert.equal(again.status, 409);
  assert.equal(again.body.error.code, 'conflict');
});

test('a queued job is cancelled; a bad state, a bad id or an unknown job is a 4xx with a stable code', async () => {
  const id = await server.jobs.enqueue(
    tenantId,
    'test.deliver',
    { to: 'x' },
    { runAt: new Date(Date.now() + 3_600_000) },
  );
  const cancelled = await call(server, admin, 'POST', `/jobs/${id}/cancel`);
  assert.equal(cancelled.body.state, 'cancelled');
  assert.equal((await call(server, admin, 'POST', `/jobs/${id}/cancel`)).body.error.code, 'conflict');
  const refusals = [
    [await call(server, admin, 'GET', '/jobs?state=sleeping'), 400, 'validation_failed'],
    [await call(server, admin, 'POST', '/jobs/not-an-id/retry'), 400, 'validation_failed'],
    [await call(server, admin, 'POST', `/jobs/${crypto.randomUUID()}/cancel`), 404, 'not_found'],
  ] as const;
  for (const [res, status, code] of refusals) {
    assert.equal(res.status, status, JSON.stringify(res.body));
    assert.equal(res.body.error.code, code);
  }
});
