import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { MAIN } from './testing.ts';

/**
 * The first start as `npm start` runs it (the demo, default log level): everything it prints, on stdout and
 * stderr, until it is stopped after its listening line.
 */
async function firstStartOutput(): Promise<{ stdout: string[]; stderr: string[] }> {
  const data = await mkdtemp(join(tmpdir(), 'switchboard-first-start-'));
  const { LOG_LEVEL: _level, SWITCHBOARD_DEMO: _demo, ...env } = process.env;
  const child = spawn(process.execPath, [MAIN, 'start'], {
    env: { ...env, PORT: '0', HOST: '127.0.0.1', SWITCHBOARD_DATA: data },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  try {
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        stdout.push(line);
        if (line.startsWith('Switchboard listening on ')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr.join('\n')}`)));
    });
    child.kill('SIGTERM');
    await once(child, 'close');
    return { stdout, stderr };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(data, { recursive: true, force: true });
  }
}

test('the first start prints its banner and no warning: none from Node, none logged', async () => {
  const { stdout, stderr } = await firstStartOutput();
  const all = [...stdout, ...stderr];
  const warnings = all.filter(
    (line) => /warn/i.test(line) || /^\(node:\d+\)/.test(line) || /"level":\s*([4-9]\d)/.test(line),
  );
  assert.deepEqual(warnings, [], all.join('\n'));
  assert.deepEqual(stderr, [], 'nothing on stderr');
  // The banner is read by a person: from the storage line to the listening line, no log line comes between.
  const first = stdout.findIndex((line) => line.startsWith('Storage: '));
  const last = stdout.findIndex((line) => line.startsWith('Switchboard listening on '));
  const banner = stdout.slice(first, last + 1);
  assert.ok(first >= 0 && last > first, stdout.join('\n'));
  for (const line of banner)
    assert.match(line, /^(Storage: |Created |Demo: |Demo chat |Switchboard listening )/, line);
  assert.ok(
    banner.some((line) => /^Created tenant "demo" with administrator "admin", password: \S+ /.test(line)),
    banner.join('\n'),
  );
});
