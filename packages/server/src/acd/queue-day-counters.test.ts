import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApiKey, buildContact, buildCsq, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { AcdRuntime } from './acd-runtime.ts';

let server: TestApp;
let admin: Session;
let channel: Session;
let csqId: string;
let tenantId: string;

before(async () => {
  server = await startTestApp();
  ({ admin } = await createTestTenant(server, 'acme'));
  tenantId = (await call(server, admin, 'GET', '/tenant')).body.id;
  csqId = (await buildCsq(server, admin)).id;
  channel = (await buildApiKey(server, admin, 'write')).session;
});
after(() => server.close());

const rules = () => {
  const now = server.clock.now();
  return {
    dayStart: now - 3600_000,
    now,
    shortAbandonSeconds: 0,
    thresholdSecondsOf: () => 20,
    thresholdsKey: 'q',
  };
};

test("the day's counts run on from each commit, and a router built again from storage counts the same", async () => {
  const { user, session } = await signInAs(server, admin, 'agent', {});
  const waiting = (await buildContact(server, channel, csqId)).id;
  const left = (await buildContact(server, channel, csqId)).id;
  server.clock.advance(30_000);
  assert.equal((await call(server, channel, 'POST', `/contacts/${left}/end`)).status, 200);
  await call(server, session, 'PUT', `/agents/${user.id}/state`, { domain: 'digital', state: 'ready' });
  for (const step of ['accept', 'complete'] as const)
    assert.equal(
      (await call(server, session, 'POST', `/contacts/${waiting}/${step}`, undefined)).status,
      200,
    );
  const counts = server.acd.queueDays.today(tenantId, rules()).get(csqId);
  assert.ok(counts);
  assert.deepEqual(
    [counts.offered, counts.answered, counts.abandoned, counts.open, counts.answeredWithinThreshold],
    [2, 1, 1, 1, 0],
    'one abandoned, one answered after 30 s and still in wrap-up',
  );
  const rebuilt = new AcdRuntime(server.database.db, server.clock);
  await rebuilt.router(tenantId);
  assert.deepEqual(rebuilt.queueDays.today(tenantId, rules()).get(csqId), counts);
  await rebuilt.stop();
});
