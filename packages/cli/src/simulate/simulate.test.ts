import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Running, runCli, startSwitchboard } from '../testing.ts';

const PASSWORD = 'Simulation-admin-1';
let server: Running;

before(async () => {
  server = await startSwitchboard({
    SWITCHBOARD_DATA: await mkdtemp(join(tmpdir(), 'switchboard-sim-')),
    SWITCHBOARD_ADMIN_PASSWORD: PASSWORD,
    SWITCHBOARD_DEMO: '0',
  });
});
after(() => server.stop());

const simulate = (...args: string[]) =>
  runCli(['simulate', '--url', server.url, '--password', PASSWORD, '--json', ...args]);

test('virtual agents and customers run a center through the public API, and every contact is accounted for', async () => {
  const { code, stdout, stderr } = await simulate(
    '--agents',
    '4',
    '--rate',
    '30',
    '--aht',
    '20',
    '--wrap-up',
    '2',
    '--patience',
    '40',
    '--duration',
    '240',
    '--speed',
    '20',
  );
  assert.equal(code, 0, stderr + stdout);
  const summary = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
  assert.deepEqual(summary.errors, []);
  assert.ok(summary.offered > 20, `offered ${summary.offered}`);
  assert.ok(summary.handled > 0 && summary.answered >= summary.handled);
  assert.ok(summary.messages >= summary.handled, 'each answered customer hears the agent on the chat stream');
  assert.equal(summary.offered, summary.handled + summary.abandoned + summary.inFlightAtEnd);
  assert.ok(summary.serviceLevel >= 0 && summary.serviceLevel <= 1);
});

test('a second run reuses the simulation queue and agents', async () => {
  const { code, stdout, stderr } = await simulate(
    '--agents',
    '2',
    '--duration',
    '30',
    '--speed',
    '30',
    '--rate',
    '20',
  );
  assert.equal(code, 0, stderr + stdout);
  assert.deepEqual(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}').errors, []);
});

test('a wrong password is refused with the server’s message', async () => {
  const { code, stderr } = await runCli(['simulate', '--url', server.url, '--password', 'wrong-password-1']);
  assert.equal(code, 1);
  assert.match(stderr, /401/);
});
