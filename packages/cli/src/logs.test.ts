import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { login, startSwitchboard } from './testing.ts';

const SECRET = 'SECRET-5f4dcc3b5aa765d61d8327deb882cf99';

/** The lines that are JSON log records (the banner lines are plain text). */
const records = (lines: string[]) =>
  lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as { msg?: string; level?: number; req?: { url?: string } }];
    } catch {
      return [];
    }
  });

async function someRequests(url: string) {
  assert.equal((await fetch(`${url}/healthz?token=${SECRET}`)).status, 200);
  assert.equal((await fetch(`${url}/api/v1/me`)).status, 401);
  assert.equal((await login(url, 'demo', 'admin', SECRET)).status, 401);
}

describe('switchboard start logs', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-logs-'));
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('at the default level the banner stays readable: no line per request, even with the demo running', async () => {
    const server = await startSwitchboard({ SWITCHBOARD_DATA: dataDir, LOG_LEVEL: 'info' });
    await someRequests(server.url);
    assert.equal(await server.stop(), 0);
    for (const banner of [
      /^Created tenant "demo" with administrator "admin", password: \S+ \(shown once/,
      /^Demo chat widget on a sample website: /,
      /^Switchboard listening on /,
    ]) {
      assert.ok(
        server.lines.some((line) => banner.test(line)),
        `${banner} in:\n${server.lines.join('\n')}`,
      );
    }
    const logged = records(server.lines);
    assert.ok(logged.length > 0, 'info lines are still JSON on a pipe');
    assert.deepEqual(
      logged.filter((line) => line.req || /request/.test(line.msg ?? '')),
      [],
      'no request line at info',
    );
  });

  test('at debug each request is one JSON line on a pipe, its query redacted; LOG_FORMAT=pretty prints it for people', async () => {
    const env = { SWITCHBOARD_DATA: dataDir, LOG_LEVEL: 'debug', SWITCHBOARD_DEMO: '0' };
    const json = await startSwitchboard(env);
    await someRequests(json.url);
    assert.equal(await json.stop(), 0);
    const completed = records(json.lines).filter((line) => line.msg === 'request completed');
    assert.ok(
      completed.some((line) => line.level === 20 && line.req?.url === '/healthz?token=[redacted]'),
      json.lines.join('\n'),
    );
    assert.equal(completed.length, 3, 'one line a request');

    const pretty = await startSwitchboard({ ...env, LOG_FORMAT: 'pretty' });
    await someRequests(pretty.url);
    assert.equal(await pretty.stop(), 0);
    assert.ok(
      pretty.lines.some((line) =>
        /DEBUG: request completed GET \/healthz\?token=\[redacted\] 200 in \d+ ms/.test(line),
      ),
      pretty.lines.join('\n'),
    );
    assert.deepEqual(records(pretty.lines), [], 'no JSON when pretty');
    for (const line of [...json.lines, ...pretty.lines]) assert.ok(!line.includes(SECRET), line);
  });
});
