import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApiKey, buildChat, buildCsq } from '../testing/builders.ts';
import { createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { exceedsDepth, MAX_JSON_DEPTH } from './json-body.ts';
import { refuseNulCharacters } from './text-guard.ts';

const nested = (depth: number, leaf = '1') => `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('request bodies and numbers the database cannot take', () => {
  let server: TestApp;
  let admin: Session;
  let chat: { id: string; token: string };

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'shapes'));
    const csq = await buildCsq(server, admin, { channel: 'chat' });
    chat = await buildChat(server, (await buildApiKey(server, admin, 'write')).session, csq.id);
  });
  after(() => server.close());

  const post = (url: string, payload: string, authorization?: string) =>
    server.app.inject({
      method: 'POST',
      url,
      payload,
      remoteAddress: '10.9.0.1',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    });

  for (const depth of [10_000, 100_000]) {
    for (const [name, body] of [
      ['arrays', nested(depth)],
      ['objects', nestedObject(depth)],
    ]) {
      test(`${name} nested ${depth} deep are a 400 that names the limit, signed in or not`, async () => {
        const urls: [string, string | undefined][] = [
          [`/api/v1/public/widgets/${crypto.randomUUID()}/chats`, undefined],
          ['/api/v1/auth/login', undefined],
          [`/api/v1/public/chats/${chat.id}/messages`, `Chat ${chat.token}`],
          ['/api/v1/skills', admin.headers.authorization],
        ];
        for (const [url, authorization] of urls) {
          const response = await post(url, String(body), authorization);
          assert.equal(response.statusCode, 400, `${url}: ${response.body.slice(0, 200)}`);
          const { error } = response.json();
          assert.equal(error.code, 'validation_failed');
          assert.match(error.message, new RegExp(`more than ${MAX_JSON_DEPTH} levels`));
        }
      });
    }
  }

  test('nesting up to the limit is parsed as before', async () => {
    const response = await post(
      '/api/v1/skills',
      `{"name":${nested(MAX_JSON_DEPTH - 1, '"x"')}}`,
      admin.headers.authorization,
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.json().error.message, /^Name must be text\./);
  });

  test('brackets inside strings do not count as nesting', () => {
    assert.equal(exceedsDepth(JSON.stringify({ text: '['.repeat(1000) }), 2), false);
    assert.equal(exceedsDepth(JSON.stringify({ text: '\\"[[[' }), 1), false);
    assert.equal(exceedsDepth(nested(3), 2), true);
  });

  test('the NUL check walks any depth without recursion', () => {
    let deep: unknown = 'a\u0000b';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.throws(() => refuseNulCharacters(deep, 'body'), /NUL/);
    assert.throws(() => refuseNulCharacters({ ok: 'x', 'k\u0000': 1 }, 'body'), /body\/k/);
  });

  for (const after of ['1e400', '-1e400', 'Infinity', 'NaN', '1e20', String(2 ** 53 + 1), '2147483648']) {
    test(`?after=${after} is a 400 on the customer’s and the agents’ message lists`, async () => {
      for (const [url, authorization] of [
        [`/api/v1/public/chats/${chat.id}/messages`, `Chat ${chat.token}`],
        [`/api/v1/chats/${chat.id}`, admin.headers.authorization],
      ]) {
        const response = await server.app.inject({
          url: `${url}?after=${encodeURIComponent(after)}`,
          headers: { authorization },
        });
        assert.equal(response.statusCode, 400, `${url}: ${response.body}`);
        assert.equal(response.json().error.code, 'validation_failed');
      }
    });
  }

  test('the largest message number a column holds is a valid ?after', async () => {
    const response = await server.app.inject({
      url: `/api/v1/public/chats/${chat.id}/messages?after=2147483647`,
      headers: { authorization: `Chat ${chat.token}` },
    });
    assert.equal(response.statusCode, 200, response.body);
  });

  test('a JSON number too large for a double (Infinity) is refused in a body', async () => {
    const response = await post(
      `/api/v1/csqs`,
      JSON.stringify({ name: 'Big', channel: 'chat' }).replace('}', ',"serviceLevelSeconds":1e400}'),
      admin.headers.authorization,
    );
    assert.equal(response.statusCode, 400, response.body);
    assert.equal(response.json().error.code, 'validation_failed');
  });
});
