import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { DEFAULT_RETENTION } from '@switchboard/core';
import { seedContactAt } from '../testing/seed-retention.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { enqueueRetentionPurges } from './retention.job.ts';

const DAY = 86_400_000;

describe('retention settings and the nightly purge', () => {
  let server: TestApp;
  let admin: Session;
  let tenantId: string;

  const patch = (retention: object) =>
    call(server, admin, 'PATCH', '/tenant/settings', { reporting: { retention } });

  before(async () => {
    server = await startTestApp();
    ({ tenantId, admin } = await createTestTenant(server, 'acme'));
  });
  after(() => server.close());

  test('a tenant starts with the default days, and a change keeps the days it does not name', async () => {
    const shown = await call(server, admin, 'GET', '/tenant');
    assert.deepEqual(shown.body.settings.reporting.retention, DEFAULT_RETENTION);
    const changed = await patch({ transcriptsDays: 30 });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual(changed.body.settings.reporting.retention, {
      ...DEFAULT_RETENTION,
      transcriptsDays: 30,
    });
    assert.equal(changed.body.settings.reporting.timeZone, 'UTC');
  });

  test('days outside 7–3650 and unknown kinds are refused, naming the field', async () => {
    for (const retention of [{ intervalDays: 6 }, { contactEventsDays: 3651 }, { recordingsDays: 30 }]) {
      const refused = await patch(retention);
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.equal(refused.body.error.code, 'validation_failed');
      const [kind] = Object.keys(retention);
      assert.ok(
        JSON.stringify(refused.body.error.details).includes(`retention/${kind}`),
        JSON.stringify(refused.body),
      );
    }
    const shown = await call(server, admin, 'GET', '/tenant');
    assert.equal(shown.body.settings.reporting.retention.intervalDays, DEFAULT_RETENTION.intervalDays);
  });

  test("the nightly job purges each tenant by that tenant's settings", async () => {
    const { db } = server.database;
    const adminId = (await call(server, admin, 'GET', '/me')).body.id;
    const seed = { tenantId, agentId: adminId, csqId: crypto.randomUUID() };
    const old = await seedContactAt(db, seed, new Date(server.clock.now() - 40 * DAY));
    const recent = await seedContactAt(db, seed, new Date(server.clock.now() - 20 * DAY));
    // The purges this run enqueued (a purge from the server's start may have run before the rows existed).
    const enqueued = await enqueueRetentionPurges(server.jobs, db);
    const done = async () =>
      (await Promise.all(enqueued.map((id) => server.jobs.get('deployment', id)))).every(
        (job) => job?.state === 'completed',
      );
    while (!(await done())) await delay(50);
    const messages = await db
      .selectFrom('chat_messages')
      .select('contact_id')
      .where('tenant_id', '=', tenantId)
      .execute();
    assert.deepEqual(
      messages.map((m) => m.contact_id),
      [recent],
      'the 40-day-old transcript went under 30 days, the 20-day-old one stayed',
    );
    const events = await db
      .selectFrom('contact_events')
      .select('contact_id')
      .where('tenant_id', '=', tenantId)
      .execute();
    assert.deepEqual(
      new Set(events.map((e) => e.contact_id)),
      new Set([old, recent]),
      'events are kept 400 days',
    );
  });
});
