import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { login, runCli, startSwitchboard } from './testing.ts';

let dataDir: string;
before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'switchboard-reset-'));
});
after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const reset = (...args: string[]) =>
  runCli(['user', 'reset-password', '--tenant', 'demo', ...args], { SWITCHBOARD_DATA: dataDir });

test('user reset-password sets a new password and ends the sessions of the old one', async () => {
  const env = {
    SWITCHBOARD_DATA: dataDir,
    SWITCHBOARD_ADMIN_PASSWORD: 'old-password-1',
    SWITCHBOARD_DEMO: '0',
  };
  const first = await startSwitchboard(env);
  const before = await login(first.url, 'demo', 'admin', 'old-password-1');
  assert.equal(before.status, 200);
  assert.equal(await first.stop(), 0);

  const chosen = await reset('--username', 'admin', '--password', 'chosen-password-2');
  assert.equal(chosen.code, 0, chosen.stderr);
  assert.ok(!chosen.stdout.includes('chosen-password-2'), 'a password the operator gave is never printed');
  const generated = await reset('--username', 'ADMIN');
  assert.equal(generated.code, 0, generated.stderr);
  const password = /password of "admin" in tenant "demo": (\S+) \(shown once\)/.exec(generated.stdout)?.[1];
  assert.ok(password, generated.stdout);

  const server = await startSwitchboard(env);
  try {
    assert.equal((await login(server.url, 'demo', 'admin', password)).status, 200);
    assert.equal((await login(server.url, 'demo', 'admin', 'old-password-1')).status, 401);
    assert.equal((await login(server.url, 'demo', 'admin', 'chosen-password-2')).status, 401);
    const old = await fetch(`${server.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${before.body.accessToken}` },
    });
    assert.equal(old.status, 401, 'the session signed in with the old password has ended');
  } finally {
    await server.stop();
  }
});

// On the tenant the test above created.
test('user reset-password refuses service users, unknown users and short passwords, saying why', async () => {
  const bot = await runCli(['user', 'create', '--tenant', 'demo', '--username', 'bot', '--role', 'service'], {
    SWITCHBOARD_DATA: dataDir,
  });
  assert.equal(bot.code, 0, bot.stderr);
  const service = await reset('--username', 'bot');
  assert.equal(service.code, 1);
  assert.match(service.stderr, /"bot" is a service user: it has no password and signs in with API keys/);
  const unknown = await reset('--username', 'nobody');
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /User "nobody" in tenant "demo" was not found/);
  const short = await reset('--username', 'admin', '--password', 'short');
  assert.equal(short.code, 1);
  assert.match(short.stderr, /8 to 128 characters/);
});
