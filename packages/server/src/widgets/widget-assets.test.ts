import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import type { App } from '../http/app-types.ts';
import { BossJobQueue } from '../jobs/boss-queue.ts';
import { generateMasterKeyring } from '../secrets/master-keys.ts';
import { DEMO_WIDGET, seedDemo } from '../tenancy/demo-seed.ts';
import { ensureFirstTenant } from '../tenancy/tenants.service.ts';
import { openMigratedDatabase } from '../testing/migrated-database.ts';

let database: Database;
let app: App;
let folder: string;
const SCRIPT = '(function(){/* the widget */})();';

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'switchboard-widget-'));
  await writeFile(join(folder, 'widget.js'), SCRIPT);
  database = await openMigratedDatabase();
  app = await buildApp({
    db: database.db,
    jobs: new BossJobQueue({ database }),
    masterKeys: generateMasterKeyring(),
    widgetScript: join(folder, 'widget.js'),
    demoPage: true,
  });
});
after(async () => {
  await app?.close();
  await database?.close();
  await rm(folder, { recursive: true, force: true });
});

test('the widget script is served at /widget.js as JavaScript, cached for minutes', async () => {
  const response = await app.inject({ method: 'GET', url: '/widget.js' });
  assert.equal(response.statusCode, 200);
  assert.equal(response.body, SCRIPT);
  assert.match(String(response.headers['content-type']), /^text\/javascript/);
  assert.equal(response.headers['cache-control'], 'public, max-age=300');
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
});

test('/demo/chat embeds the demo tenant widget, whose problem statements go to the demo chat queues', async () => {
  const before = await app.inject({ method: 'GET', url: '/demo/chat' });
  assert.equal(before.statusCode, 404, 'no demo tenant yet');
  const admin = await ensureFirstTenant(database.db, 'demo-password-1');
  assert.ok(admin);
  await seedDemo(database.db, admin);
  const page = await app.inject({ method: 'GET', url: '/demo/chat' });
  assert.equal(page.statusCode, 200);
  assert.match(String(page.headers['content-type']), /^text\/html/);
  const id = /<script src="\/widget\.js" data-widget="([0-9a-f-]{36})" async><\/script>/.exec(page.body)?.[1];
  assert.ok(id, page.body);
  const widget = (await app.inject({ method: 'GET', url: `/api/v1/public/widgets/${id}` })).json();
  assert.deepEqual(
    widget.problemStatements.map((p: { label: string }) => p.label),
    DEMO_WIDGET.problemStatements.map(([label]) => label),
  );
  assert.deepEqual(
    [widget.service.open, widget.service.schedule],
    [true, null],
    'the demo page chat is open 24×7, like its simulated customers',
  );
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { tenant: 'demo', username: 'admin', password: 'demo-password-1' },
  });
  const headers = { authorization: `Bearer ${login.json().accessToken}` };
  const [stored] = (await app.inject({ method: 'GET', url: '/api/v1/chat-widgets', headers })).json();
  const csqs = (await app.inject({ method: 'GET', url: '/api/v1/csqs', headers })).json();
  const queueOf = (csqId: string) => csqs.find((q: { id: string }) => q.id === csqId)?.name;
  assert.deepEqual(
    stored.problemStatements.map((p: { label: string; csqId: string }) => [p.label, queueOf(p.csqId)]),
    DEMO_WIDGET.problemStatements,
  );
});
