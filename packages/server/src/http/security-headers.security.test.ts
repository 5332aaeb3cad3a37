import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

describe('security headers', () => {
  let server: TestApp;
  let webRoot: string;
  let widgetScript: string;

  before(async () => {
    webRoot = await mkdtemp(join(tmpdir(), 'switchboard-web-'));
    await mkdir(join(webRoot, 'assets'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Switchboard</title>');
    await writeFile(join(webRoot, 'assets/index-1.js'), 'console.log(1);\n');
    await writeFile(join(webRoot, 'assets/index-1.js.map'), '{"version":3,"sources":["secret.tsx"]}');
    widgetScript = join(webRoot, 'widget.js');
    await writeFile(widgetScript, 'void 0;\n');
    server = await startTestApp({ webRoot, widgetScript });
  });
  after(async () => {
    await server.close();
    await rm(webRoot, { recursive: true, force: true });
  });

  const get = (url: string, accept = '*/*') => server.app.inject({ url, headers: { accept } });

  for (const url of ['/', '/api/v1/me', '/healthz', '/api/docs', '/no/such/page', '/widget.js']) {
    test(`${url} forbids framing, inline script and sniffing, and sends no referrer`, async () => {
      const { headers } = await get(url, 'text/html');
      const csp = String(headers['content-security-policy']);
      assert.match(csp, /(^|;)script-src 'self'(;|$)/, csp);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /object-src 'none'/);
      assert.doesNotMatch(csp, /upgrade-insecure-requests/, 'plain HTTP deployments keep working');
      assert.equal(headers['x-frame-options'], 'DENY');
      assert.equal(headers['x-content-type-options'], 'nosniff');
      assert.equal(headers['referrer-policy'], 'no-referrer');
      assert.equal(headers['strict-transport-security'], undefined, 'the TLS proxy sets HSTS');
    });
  }

  test('the desktop and the private API stay same-origin resources', async () => {
    assert.equal((await get('/')).headers['cross-origin-resource-policy'], 'same-origin');
    assert.equal((await get('/api/v1/me')).headers['cross-origin-resource-policy'], 'same-origin');
  });

  test('customers’ websites may load the widget and call the public API', async () => {
    assert.equal((await get('/widget.js')).statusCode, 200);
    assert.equal((await get('/widget.js')).headers['cross-origin-resource-policy'], 'cross-origin');
    const widget = await get(`/api/v1/public/widgets/${crypto.randomUUID()}`);
    assert.equal(widget.statusCode, 404);
    assert.equal(widget.headers['cross-origin-resource-policy'], 'cross-origin');
  });

  test('source maps are not served, even when a build left them', async () => {
    assert.equal((await get('/assets/index-1.js')).statusCode, 200);
    const map = await get('/assets/index-1.js.map');
    assert.equal(map.statusCode, 404);
    assert.doesNotMatch(map.body, /secret\.tsx/);
    assert.doesNotMatch((await get('/assets/index-1.js.map', 'text/html')).body, /secret\.tsx/);
  });
});
