import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../testing/test-app.ts';

const TOKEN = 'metrics-secret-for-tests';

test('without a token, only a direct request from this machine reads the metrics', async () => {
  const server = await startTestApp();
  try {
    const read = (remoteAddress: string, headers: Record<string, string> = {}) =>
      server.app.inject({ url: '/metrics', remoteAddress, headers });
    for (const local of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const response = await read(local);
      assert.equal(response.statusCode, 200, local);
      assert.match(response.body, /switchboard_http_requests_total/);
    }
    for (const [remote, headers] of [
      ['10.0.0.5', {}],
      ['203.0.113.9', {}],
      ['127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }],
      ['127.0.0.1', { forwarded: 'for=203.0.113.9' }],
    ] as const) {
      const response = await read(remote, headers);
      assert.equal(response.statusCode, 404, `${remote} ${JSON.stringify(headers)}`);
      assert.match(response.json().error.message, /SWITCHBOARD_METRICS_TOKEN/);
      assert.doesNotMatch(response.body, /switchboard_http/);
    }
  } finally {
    await server.close();
  }
});

test('with a token, a scraper anywhere reads the metrics with it, and nobody without it', async () => {
  const server = await startTestApp({ metricsToken: TOKEN });
  try {
    const read = (authorization?: string, remoteAddress = '10.0.0.5') =>
      server.app.inject({ url: '/metrics', remoteAddress, headers: authorization ? { authorization } : {} });
    const allowed = await read(`Bearer ${TOKEN}`);
    assert.equal(allowed.statusCode, 200);
    assert.match(allowed.body, /switchboard_http_requests_total/);
    for (const wrong of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, TOKEN, 'Bearer ']) {
      const refused = await read(wrong);
      assert.equal(refused.statusCode, 401, String(wrong));
      assert.equal(refused.json().error.code, 'unauthenticated');
      assert.match(refused.json().error.message, /Authorization: Bearer/);
    }
    assert.equal((await read(undefined, '127.0.0.1')).statusCode, 401, 'a token binds this machine too');
  } finally {
    await server.close();
  }
});

test('behind a proxy, a request from this machine without forwarding headers is no proof: a token is needed', async () => {
  const server = await startTestApp({ trustProxy: ['loopback'] });
  try {
    const response = await server.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
    assert.equal(response.statusCode, 404);
    assert.match(response.json().error.message, /SWITCHBOARD_METRICS_TOKEN/);
  } finally {
    await server.close();
  }
});
