import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../testing.ts';

let dir: string;
let env: Record<string, string>;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-wfm-tenant-'));
  env = { SWITCHBOARD_DATA: join(dir, 'data') };
  const created = await runCli(['tenant', 'create', 'planning', '--admin-password', 'long-enough-1'], env);
  assert.equal(created.code, 0, created.stderr);
  const agent = await runCli(
    [
      'user',
      'create',
      '--tenant',
      'planning',
      '--username',
      'kim',
      '--role',
      'agent',
      '--password',
      'long-enough-2',
    ],
    env,
  );
  assert.equal(agent.code, 0, agent.stderr);
});
after(() => rm(dir, { recursive: true, force: true }));

const wfm = (...args: string[]) => runCli(['wfm', ...args, '--tenant', 'planning'], env);

test('import-plan checks every line, refuses a file with a mistake whole, and imports a good one', async () => {
  const file = join(dir, 'plan.csv');
  await writeFile(
    file,
    'agent,start,end,activity,channels\nkim,2026-12-07 08:00,2026-12-07 12:00,work,chat\nlee,2026-12-07 08:00,2026-12-07 12:00,work,phone\n',
  );
  const refused = await wfm('import-plan', file);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /line 3: no agent has the username "lee"/);
  await writeFile(
    file,
    'agent,start,end,activity,channels\nkim,2026-12-07 08:00,2026-12-07 12:00,work,chat\nkim,2026-12-07 12:00,2026-12-07 12:30,lunch,any\n',
  );
  const dry = await wfm('import-plan', file, '--dry-run');
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /2 planned activities of 1 agents checked \(dry run\)/);
  const imported = await wfm('import-plan', file);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /2 planned activities of 1 agents imported/);
});

test('forecast-workloads says when a tenant has no workloads', async () => {
  const result = await wfm('forecast-workloads');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /Tenant "planning" has no workloads/);
});
