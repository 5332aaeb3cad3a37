import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { freshPostgresDatabase, postgresForTests } from '@switchboard/server/testing';
import { login, startSwitchboard } from './testing.ts';

const postgres = postgresForTests();

test('two server processes share one PostgreSQL: one bootstrap, tokens valid on both, a stream ticket used once', {
  skip: postgres.available ? false : postgres.reason,
}, async () => {
  if (!postgres.available) return;
  const database = await freshPostgresDatabase(postgres.url);
  const env = {
    DATABASE_URL: database.url,
    SWITCHBOARD_ADMIN_PASSWORD: 'shared-admin-pw',
    SWITCHBOARD_DEMO: '0',
    // Every node is given the same master key, as docs/operations.md asks.
    SWITCHBOARD_MASTER_KEY: randomBytes(32).toString('base64'),
  };
  const [first, second] = await Promise.all([startSwitchboard(env), startSwitchboard(env)]);
  try {
    const created = [first, second].filter((node) =>
      node.lines.some((l) => l.startsWith('Created tenant "demo"')),
    );
    assert.equal(created.length, 1, 'exactly one node creates the first tenant');
    const signedIn = await login(first.url, 'demo', 'admin', 'shared-admin-pw');
    assert.equal(signedIn.status, 200);
    const me = await fetch(`${second.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${signedIn.body.accessToken}` },
    });
    assert.equal(me.status, 200, 'a token issued by one node is accepted by the other');
    const issued = await fetch(`${first.url}/api/v1/events/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${signedIn.body.accessToken}` },
    });
    const { ticket } = (await issued.json()) as { ticket: string };
    const opened = await firstFrame(`${second.url.replace('http', 'ws')}/api/v1/events?ticket=${ticket}`);
    assert.equal(opened.type, 'hello', "one node's ticket opens the stream on the other");
    const replay = await firstFrame(`${first.url.replace('http', 'ws')}/api/v1/events?ticket=${ticket}`);
    assert.equal(replay.type, 'error', 'and only once');
    for (const node of [first, second]) assert.equal((await fetch(`${node.url}/readyz`)).status, 200);
    const stranger = await startSwitchboard({
      ...env,
      SWITCHBOARD_MASTER_KEY: randomBytes(32).toString('base64'),
    }).catch((error: Error) => error);
    assert.ok(stranger instanceof Error, 'a node with another master key does not start');
    assert.match(stranger.message, /master key .* SWITCHBOARD_MASTER_KEY/);
  } finally {
    await Promise.all([first.stop(), second.stop()]);
    await database.drop();
  }
});

/** The first frame a WebSocket receives. */
async function firstFrame(url: string): Promise<{ type: string }> {
  const socket = new WebSocket(url);
  try {
    return await new Promise((resolve) => {
      socket.addEventListener('message', (message) => resolve(JSON.parse(String(message.data))), {
        once: true,
      });
    });
  } finally {
    socket.close();
  }
}
