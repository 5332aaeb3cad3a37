import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '@switchboard/core';
import { AcdRuntime } from '../acd/acd-runtime.ts';
import type { TenantRouter } from '../acd/tenant-router.ts';
import { buildApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { BossJobQueue } from '../jobs/boss-queue.ts';
import { buildCsq } from '../testing/builders.ts';
import { openMigratedDatabase } from '../testing/migrated-database.ts';
import { createTestTenant, type Session, TEST_MASTER_KEYS, type TestApp } from '../testing/test-app.ts';
import { redactUrl } from './log-redaction.ts';

const SECRET = 'SECRET-d41d8cd98f00b204e9800998ecf8427e';

/** A router store that can be made to fail, for a request that ends in a 500. */
class FailingAcd extends AcdRuntime {
  failing = false;
  override router(tenantId: string): Promise<TenantRouter> {
    if (this.failing) throw new Error(`the router broke while serving /api/v1/x?token=${SECRET}`);
    return super.router(tenantId);
  }
}

let database: Database;
let server: TestApp;
let acd: FailingAcd;
let admin: Session;
const lines: string[] = [];

before(async () => {
  database = await openMigratedDatabase();
  const clock = new ManualClock(Date.now());
  acd = new FailingAcd(database.db, clock);
  const stream = { write: (line: string) => lines.push(line) };
  const app = await buildApp({
    db: database.db,
    jobs: new BossJobQueue({ database }),
    clock,
    acd,
    masterKeys: TEST_MASTER_KEYS,
    logger: { level: 'debug', stream },
  });
  server = { app, acd, database, clock } as unknown as TestApp;
  ({ admin } = await createTestTenant(server, 'acme'));
});
after(async () => {
  await server.app.close();
  await database.close();
});

test('query values are replaced, names and path kept', () => {
  assert.equal(redactUrl('/a/b?token=x&after=3&flag'), '/a/b?token=[redacted]&after=[redacted]&[redacted]');
  assert.equal(redactUrl('/a?sbk_secret'), '/a?[redacted]');
  assert.equal(redactUrl('/a/b'), '/a/b');
});

test('no secret reaches the request log: query values, headers, bodies, failed and broken requests', async () => {
  const csq = await buildCsq(server, admin);
  lines.length = 0;
  const requests = [
    { method: 'GET', url: `/api/v1/events?token=${SECRET}` },
    { method: 'GET', url: `/api/v1/events?ticket=${SECRET}&after=1` },
    { method: 'GET', url: `/api/v1/me?token=${SECRET}`, headers: { authorization: `Bearer ${SECRET}` } },
    { method: 'GET', url: '/api/v1/me', headers: { authorization: admin.headers.authorization } },
    { method: 'GET', url: '/api/v1/me', headers: { cookie: `session=${SECRET}` } },
    {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { tenant: 'acme', username: 'x', password: SECRET },
    },
    { method: 'GET', url: `/api/v1/nowhere?ticket=${SECRET}` },
    { method: 'GET', url: `/api/v1/users?limit=${SECRET}`, headers: admin.headers },
  ] as const;
  const statuses = [];
  for (const request of requests) statuses.push((await server.app.inject(request)).statusCode);
  assert.deepEqual(statuses, [426, 426, 401, 200, 401, 401, 404, 400]);
  acd.failing = true;
  const broken = await server.app.inject({
    method: 'GET',
    url: `/api/v1/csqs/${csq.id}/resources?ticket=${SECRET}`,
    headers: admin.headers,
  });
  acd.failing = false;
  assert.equal(broken.statusCode, 500);

  const log = lines.join('');
  const requestLines = lines
    .map((line) => JSON.parse(line))
    .filter((line) => line.msg === 'request completed');
  assert.equal(requestLines.length, requests.length + 1, 'each request is logged once, when answered');
  assert.ok(
    requestLines.every((line) => line.level === 20 && line.req.url && line.res.statusCode),
    'at debug, with the request and the reply',
  );
  assert.ok(log.includes('request failed'), 'the broken request was logged');
  assert.ok(log.includes('/api/v1/events?ticket=[redacted]&after=[redacted]'));
  for (const secret of [SECRET, admin.token, 'session=']) assert.ok(!log.includes(secret), secret);
  assert.ok(!/authorization|cookie/i.test(log), 'no request header is logged');
});

test('at info, requests are not logged; a failure still is, redacted', async () => {
  const csq = await buildCsq(server, admin);
  server.app.log.level = 'info';
  try {
    lines.length = 0;
    await server.app.inject({ method: 'GET', url: `/api/v1/me?token=${SECRET}` });
    assert.deepEqual(lines, [], 'no request line at info');
    acd.failing = true;
    await server.app.inject({
      method: 'GET',
      url: `/api/v1/csqs/${csq.id}/resources?ticket=${SECRET}`,
      headers: admin.headers,
    });
    acd.failing = false;
    assert.ok(lines.join('').includes('request failed'));
    assert.ok(!lines.join('').includes(SECRET));
  } finally {
    acd.failing = false;
    server.app.log.level = 'debug';
  }
});
