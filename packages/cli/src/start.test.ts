import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { login, runCli, startSwitchboard } from './testing.ts';

describe('switchboard start on the embedded database', () => {
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-start-'));
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('first start creates tenant demo with administrator admin and prints the password once', async () => {
    const server = await startSwitchboard({ SWITCHBOARD_DATA: dataDir });
    try {
      const credentials = server.lines.find((line) => line.startsWith('Created tenant "demo"'));
      const password = /password: (\S+)/.exec(credentials ?? '')?.[1];
      assert.ok(password, `no credentials in: ${server.lines.join('\n')}`);
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
      assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
      assert.match(await (await fetch(`${server.url}/metrics`)).text(), /switchboard_http_requests_total/);
      assert.equal((await fetch(`${server.url}/api/docs`)).status, 200);
      assert.ok(
        server.lines.includes(`Demo chat widget on a sample website: ${server.url}/demo/chat`),
        server.lines.join('\n'),
      );
      const demoPage = await (await fetch(`${server.url}/demo/chat`)).text();
      assert.match(demoPage, /<script src="\/widget\.js" data-widget="[0-9a-f-]{36}" async><\/script>/);
      const script = await fetch(`${server.url}/widget.js`);
      assert.equal(script.status, 200, 'npm ci and npm start build the widget; start serves it');
      assert.match(String(script.headers.get('content-type')), /javascript/);
      const spec = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { openapi: string };
      assert.match(spec.openapi, /^3\./);
      const signedIn = await login(server.url, 'demo', 'admin', password);
      assert.equal(signedIn.status, 200);
      const agents = await fetch(`${server.url}/api/v1/users?role=agent`, {
        headers: { authorization: `Bearer ${signedIn.body.accessToken}` },
      });
      assert.equal(
        ((await agents.json()) as unknown[]).length,
        9,
        'the demo center has eight agents who chat and one on the phone line',
      );
      const moving = await firstEvent(server.url, signedIn.body.accessToken ?? '', 'contact.offered');
      assert.equal(typeof moving.agentId, 'string', 'the demo simulation offers chats to the demo agents');
      assert.equal(
        (await login(server.url, 'demo', 'maria', password)).status,
        200,
        'demo supervisors share it',
      );
      assert.equal(await server.stop(), 0);

      const again = await startSwitchboard({ SWITCHBOARD_DATA: dataDir });
      assert.ok(!again.lines.some((line) => line.startsWith('Created tenant')), 'nothing is created twice');
      assert.equal(
        (await login(again.url, 'demo', 'admin', password)).status,
        200,
        'data survives a restart',
      );
      assert.equal(await again.stop(), 0);
    } finally {
      await server.stop();
    }
  });

  test('tenant create and user create add to the same database', async () => {
    const tenant = await runCli(['tenant', 'create', 'globex', '--admin-password', 'globex-admin-pw'], {
      SWITCHBOARD_DATA: dataDir,
    });
    assert.equal(tenant.code, 0, tenant.stderr);
    const user = await runCli(
      [
        'user',
        'create',
        '--tenant',
        'globex',
        '--username',
        'ava',
        '--role',
        'agent',
        '--password',
        'ava-password',
      ],
      { SWITCHBOARD_DATA: dataDir },
    );
    assert.equal(user.code, 0, user.stderr);
    const bad = await runCli(['tenant', 'create', 'Not A Name', '--admin-password', 'globex-admin-pw'], {
      SWITCHBOARD_DATA: dataDir,
    });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /tenant is not valid/);
    const server = await startSwitchboard({ SWITCHBOARD_DATA: dataDir });
    try {
      assert.equal((await login(server.url, 'globex', 'ava', 'ava-password')).status, 200);
      assert.equal((await login(server.url, 'globex', 'admin', 'globex-admin-pw')).status, 200);
    } finally {
      await server.stop();
    }
  });

  test('SWITCHBOARD_ADMIN_PASSWORD sets the first password and SWITCHBOARD_DEMO=0 leaves the tenant empty', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'switchboard-empty-'));
    const server = await startSwitchboard({
      SWITCHBOARD_DATA: empty,
      SWITCHBOARD_ADMIN_PASSWORD: 'chosen-password',
      SWITCHBOARD_DEMO: '0',
    });
    try {
      const signedIn = await login(server.url, 'demo', 'admin', 'chosen-password');
      assert.equal(signedIn.status, 200);
      assert.ok(
        !server.lines.some((line) => line.includes('chosen-password')),
        'a password the operator chose is never printed',
      );
      const keyFile = await stat(join(empty, 'master.key'));
      assert.equal(keyFile.mode & 0o777, 0o600, 'the master key is readable by its owner alone');
      const users = await fetch(`${server.url}/api/v1/users`, {
        headers: { authorization: `Bearer ${signedIn.body.accessToken}` },
      });
      assert.equal(((await users.json()) as unknown[]).length, 1);
    } finally {
      await server.stop();
      await rm(empty, { recursive: true, force: true });
    }
  });

  test('--help is there on every command', async () => {
    for (const args of [
      ['--help'],
      ['start', '--help'],
      ['migrate', '--help'],
      ['tenant', 'create', '--help'],
      ['user', 'create', '--help'],
      ['user', 'reset-password', '--help'],
    ]) {
      const result = await runCli(args);
      assert.equal(result.code, 0, args.join(' '));
      assert.match(result.stdout, /Usage: switchboard/);
    }
  });

  test('a bad setting stops start with a clear message', async () => {
    const result = await runCli(['start'], { PORT: 'eighty', SWITCHBOARD_DATA: dataDir });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /PORT must be/);
  });
});

/** Waits on the tenant's event stream for the first event of a type (the test's own timeout bounds it). */
async function firstEvent(url: string, token: string, type: string): Promise<Record<string, unknown>> {
  const answer = await fetch(`${url}/api/v1/events/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  const { ticket } = (await answer.json()) as { ticket: string };
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/v1/events?ticket=${ticket}`);
  try {
    return await new Promise((resolve) => {
      socket.addEventListener('message', (message) => {
        const event = JSON.parse(String(message.data)) as Record<string, unknown>;
        if (event.type === type) resolve(event);
      });
    });
  } finally {
    socket.close();
  }
}
