import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { LIMITS } from '@switchboard/core';
import { FinalJobFailure } from '../jobs/job-queue.ts';
import { buildCsq, signInAs } from '../testing/builders.ts';
import { seedChatRecords } from '../testing/seed-chat-records.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { runChatRecordExport } from './chat-record-export.job.ts';

const SEEDED = 1000;
let server: TestApp;
let admin: Session;
let tenantId: string;
let csqId: string;
let other: Session;
let from: string;
let to: string;

before(async () => {
  server = await startTestApp();
  ({ admin, tenantId } = await createTestTenant(server, 'exporting'));
  ({ admin: other } = await createTestTenant(server, 'elsewhere'));
  csqId = (await buildCsq(server, admin)).id;
  const agent = await signInAs(server, admin, 'agent');
  const start = new Date(Date.parse('2026-03-02T08:00:00Z'));
  await seedChatRecords(server.database.db, {
    tenantId,
    csqId,
    agentId: agent.user.id,
    count: SEEDED,
    from: start,
  });
  from = start.toISOString();
  to = new Date(start.getTime() + SEEDED * 1000).toISOString();
});
after(() => server?.close());

/** Follows the export's status route until its job has finished (completed or failed). */
async function finished(session: Session, id: string) {
  for (;;) {
    const { status, body } = await call(server, session, 'GET', `/chat-records/exports/${id}`);
    assert.equal(status, 200, JSON.stringify(body));
    if (body.status === 'completed' || body.status === 'failed') return body;
    await delay(50);
  }
}

const parts = async (id: string) =>
  server.database.db
    .selectFrom('chat_record_export_parts')
    .select(['seq', 'body'])
    .where('tenant_id', '=', tenantId)
    .where('export_id', '=', id)
    .orderBy('seq')
    .execute();

test('an export runs as a job and its file is what the streamed export gives for the same period', async () => {
  const asked = await call(server, admin, 'POST', '/chat-records/exports', { from, to });
  assert.equal(asked.status, 202, JSON.stringify(asked.body));
  assert.equal(asked.body.status, 'queued');
  const done = await finished(admin, asked.body.id);
  assert.equal(done.status, 'completed', JSON.stringify(done));
  assert.equal(done.rows, SEEDED);
  assert.ok(done.finishedAt);

  const file = await server.app.inject({
    method: 'GET',
    url: `/api/v1/chat-records/exports/${asked.body.id}/csv`,
    headers: admin.headers,
  });
  assert.equal(file.statusCode, 200);
  assert.match(String(file.headers['content-type']), /^text\/csv/);
  assert.match(String(file.headers['content-disposition']), /^attachment; filename="chat-records-.*\.csv"$/);
  const streamed = await call(server, admin, 'GET', `/chat-records/export?from=${from}&to=${to}`);
  assert.equal(file.body, streamed.body);
  assert.equal(file.body.trimEnd().split('\n').length, SEEDED + 1);
  assert.ok((await parts(asked.body.id)).length > 1, 'written in several parts');

  const listed = await call(server, admin, 'GET', '/chat-records/exports');
  assert.deepEqual(
    listed.body.find((e: { id: string }) => e.id === asked.body.id),
    done,
  );
  const jobs = await call(server, admin, 'GET', '/jobs?state=completed');
  assert.ok(
    jobs.body.some(
      (j: { id: string; name: string }) => j.id === done.jobId && j.name === 'chat-records.export',
    ),
  );
});

test('a job run again after a crash writes the same parts, none twice', async () => {
  const asked = await call(server, admin, 'POST', '/chat-records/exports', { from, to, csqId });
  const first = await finished(admin, asked.body.id);
  const written = await parts(asked.body.id);
  const run = { lastAttempt: false, now: () => server.clock.now() };
  // A run that died half way left some parts; the next one starts over.
  await server.database.db
    .deleteFrom('chat_record_export_parts')
    .where('export_id', '=', asked.body.id)
    .where('seq', '>', 0)
    .execute();
  await runChatRecordExport(server.database.db, tenantId, asked.body.id, run);
  await runChatRecordExport(server.database.db, tenantId, asked.body.id, run);
  assert.deepEqual(await parts(asked.body.id), written);
  const again = await call(server, admin, 'GET', `/chat-records/exports/${asked.body.id}`);
  assert.equal(again.body.status, 'completed');
  assert.equal(again.body.rows, first.rows);
});

test("another tenant's export is not found, nor its file", async () => {
  const asked = await call(server, admin, 'POST', '/chat-records/exports', { from, to });
  await finished(admin, asked.body.id);
  for (const url of [
    `/chat-records/exports/${asked.body.id}`,
    `/chat-records/exports/${asked.body.id}/csv`,
  ]) {
    const res = await call(server, other, 'GET', url);
    assert.equal(res.status, 404, url);
    assert.equal(res.body.error.code, 'not_found');
  }
  const theirs = await call(server, other, 'GET', '/chat-records/exports');
  assert.deepEqual(theirs.body, []);
});

test("a bad period, an unknown field or another tenant's CSQ is refused with 400", async () => {
  const bodies = [
    { from: to, to: from },
    { from, to: from },
    { from: 'yesterday', to },
    { from, to, csqId: 'not-a-uuid' },
    { from, to, format: 'xlsx' },
    { from, to, csqId: (await buildCsq(server, other)).id },
  ];
  for (const body of bodies) {
    const res = await call(server, admin, 'POST', '/chat-records/exports', body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal(res.body.error.code, 'validation_failed');
  }
});

/** An export stored as requested whose job has not run: what a client sees before it completes. */
async function waiting(tenant: string, requestedBy: string) {
  const id = crypto.randomUUID();
  await server.database.db
    .insertInto('chat_record_exports')
    .values({
      tenant_id: tenant,
      id,
      requested_by: requestedBy,
      from_at: new Date(from),
      to_at: new Date(to),
      csq_id: null,
      created_at: new Date(),
    })
    .execute();
  return id;
}

test('the file of an export not completed yet is 409 export_not_ready', async () => {
  const me = (await call(server, admin, 'GET', '/me')).body.id;
  const id = await waiting(tenantId, me);
  const res = await call(server, admin, 'GET', `/chat-records/exports/${id}/csv`);
  assert.equal(res.status, 409);
  assert.equal(res.body.error.code, 'export_not_ready');
  assert.deepEqual(res.body.error.details, { status: 'queued' });
});

test(`a tenant has at most ${LIMITS.chatRecordExportsPendingPerTenant.max} exports waiting or running: 409 limit_reached`, async () => {
  const { admin: busy, tenantId: busyId } = await createTestTenant(server, 'busy');
  const me = (await call(server, busy, 'GET', '/me')).body.id;
  for (let i = 0; i < LIMITS.chatRecordExportsPendingPerTenant.max; i++) await waiting(busyId, me);
  const res = await call(server, busy, 'POST', '/chat-records/exports', { from, to });
  assert.equal(res.status, 409, JSON.stringify(res.body));
  assert.equal(res.body.error.code, 'limit_reached');
  assert.deepEqual(res.body.error.details, {
    limit: LIMITS.chatRecordExportsPendingPerTenant.max,
    what: 'chatRecordExportsPendingPerTenant',
  });
});

test('an export whose requester may no longer read contacts fails at once with the reason', async () => {
  const supervisor = await signInAs(server, admin, 'supervisor');
  const id = await waiting(tenantId, supervisor.user.id);
  const demoted = await call(server, admin, 'PATCH', `/users/${supervisor.user.id}`, { role: 'agent' });
  assert.equal(demoted.status, 200, JSON.stringify(demoted.body));
  const run = { lastAttempt: false, now: () => server.clock.now() };
  await assert.rejects(runChatRecordExport(server.database.db, tenantId, id, run), FinalJobFailure);
  const failed = await call(server, admin, 'GET', `/chat-records/exports/${id}`);
  assert.equal(failed.body.status, 'failed');
  assert.match(failed.body.error, /may no longer read contacts/);
  assert.deepEqual(await parts(id), []);
});

test('agents may not ask for exports', async () => {
  const agent = await signInAs(server, admin, 'agent');
  const res = await call(server, agent.session, 'POST', '/chat-records/exports', { from, to });
  assert.equal(res.status, 403);
});
