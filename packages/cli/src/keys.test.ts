import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from './testing.ts';

let data: string;
const key = () => randomBytes(32).toString('base64');
const oldKey = key();
const newKey = key();

before(async () => {
  data = await mkdtemp(join(tmpdir(), 'switchboard-keys-'));
});
after(() => rm(data, { recursive: true, force: true }));

test('switchboard keys needs the master key and never makes one up', async () => {
  const run = await runCli(['keys', 'rotate', '--data', data]);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /No master key: set SWITCHBOARD_MASTER_KEY/);
  assert.equal(existsSync(join(data, 'master.key')), false);
});

test('keys rotate makes a new signing key current; keys rewrap moves every secret to a new master key', async () => {
  const rotated = await runCli(['keys', 'rotate', '--data', data], { SWITCHBOARD_MASTER_KEY: oldKey });
  assert.equal(rotated.code, 0, rotated.stderr);
  assert.match(rotated.stdout, /The token-signing key \S+ is now current\./);

  const wrongKey = await runCli(['keys', 'rotate', '--data', data], { SWITCHBOARD_MASTER_KEY: newKey });
  assert.equal(wrongKey.code, 1);
  assert.match(wrongKey.stderr, /wrapped by master key .* SWITCHBOARD_MASTER_KEY/);

  const both = { SWITCHBOARD_MASTER_KEY: `${newKey},${oldKey}` };
  const rewrapped = await runCli(['keys', 'rewrap', '--data', data], both);
  assert.equal(rewrapped.code, 0, rewrapped.stderr);
  assert.match(rewrapped.stdout, /Re-wrapped 2 secrets under the current master key\./);
  const again = await runCli(['keys', 'rewrap', '--data', data], both);
  assert.match(again.stdout, /Re-wrapped 0 secrets/);
  const newOnly = await runCli(['keys', 'rotate', '--data', data], { SWITCHBOARD_MASTER_KEY: newKey });
  assert.equal(newOnly.code, 0, 'after the rewrap the new key alone opens everything');
});
