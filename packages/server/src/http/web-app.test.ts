import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompressFolder } from '../../../../scripts/precompress.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

/** A desktop build of a realistic shape: an index page, a hashed script big enough to compress, a source map. */
const SCRIPT = `export const screens = [${Array.from({ length: 400 }, (_, i) => `"screen ${i}"`).join(',')}];\n`;
const PAGE = `<!doctype html><title>Switchboard</title>${'<!-- padding -->'.repeat(100)}`;

describe('the desktop and the widget are served compressed when the browser accepts it', () => {
  let server: TestApp;
  let webRoot: string;

  before(async () => {
    webRoot = await mkdtemp(join(tmpdir(), 'switchboard-compressed-'));
    await mkdir(join(webRoot, 'assets'));
    await writeFile(join(webRoot, 'index.html'), PAGE);
    await writeFile(join(webRoot, 'assets/index-1.js'), SCRIPT);
    await writeFile(
      join(webRoot, 'assets/index-1.js.map'),
      `{"sources":["secret.tsx"],"x":"${'a'.repeat(2000)}"}`,
    );
    await writeFile(join(webRoot, 'widget.js'), SCRIPT);
    precompressFolder(webRoot);
    server = await startTestApp({ webRoot, widgetScript: join(webRoot, 'widget.js') });
  });
  after(async () => {
    await server?.close();
    await rm(webRoot, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    server.app.inject({ url, headers: { accept: '*/*', ...headers } });

  for (const url of ['/assets/index-1.js', '/widget.js']) {
    test(`${url}: Brotli for br, gzip for gzip only, plain without Accept-Encoding`, async () => {
      const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.statusCode, 200);
      assert.equal(br.headers['content-encoding'], 'br');
      assert.match(String(br.headers['content-type']), /javascript/);
      assert.match(String(br.headers.vary), /accept-encoding/i);
      assert.ok(br.rawPayload.length < SCRIPT.length / 2, `${br.rawPayload.length} bytes`);
      assert.equal(brotliDecompressSync(br.rawPayload).toString(), SCRIPT);

      const gzip = await get(url, { 'accept-encoding': 'gzip' });
      assert.equal(gzip.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gzip.rawPayload).toString(), SCRIPT);

      const plain = await get(url);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.body, SCRIPT);

      const refused = await get(url, { 'accept-encoding': 'br;q=0, gzip;q=0' });
      assert.equal(refused.headers['content-encoding'], undefined);
      assert.equal(refused.body, SCRIPT);
    });
  }

  test('hashed assets are cached for good and the page never, compressed or not', async () => {
    for (const encoding of ['br', 'identity']) {
      const asset = await get('/assets/index-1.js', { 'accept-encoding': encoding });
      assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
      for (const url of ['/', '/admin/users']) {
        const page = await get(url, { accept: 'text/html', 'accept-encoding': encoding });
        assert.equal(page.statusCode, 200);
        assert.equal(page.headers['cache-control'], 'no-cache');
        assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
        const body = encoding === 'br' ? brotliDecompressSync(page.rawPayload).toString() : page.body;
        assert.equal(page.headers['content-encoding'], encoding === 'br' ? 'br' : undefined);
        assert.equal(body, PAGE);
      }
    }
  });

  test('source maps stay unpublished, whatever encoding is asked for', async () => {
    for (const url of ['/assets/index-1.js.map', '/assets/index-1.js.map.br', '/assets/index-1.js.map.gz']) {
      const map = await get(url, { 'accept-encoding': 'br, gzip' });
      assert.equal(map.statusCode, 404, url);
      assert.doesNotMatch(map.rawPayload.toString('latin1'), /secret/);
    }
  });
});

test('installed under a folder named assets, the page is still never cached', async () => {
  const parent = await mkdtemp(join(tmpdir(), 'switchboard-installed-'));
  const webRoot = join(parent, 'assets', 'web');
  await mkdir(join(webRoot, 'assets'), { recursive: true });
  await writeFile(join(webRoot, 'index.html'), PAGE);
  await writeFile(join(webRoot, 'assets/index-1.js'), SCRIPT);
  const server = await startTestApp({ webRoot });
  try {
    for (const url of ['/', '/index.html', '/admin/users']) {
      const page = await server.app.inject({ url, headers: { accept: 'text/html' } });
      assert.equal(page.statusCode, 200, url);
      assert.equal(page.headers['cache-control'], 'no-cache', url);
    }
    const asset = await server.app.inject({ url: '/assets/index-1.js' });
    assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
  } finally {
    await server.close();
    await rm(parent, { recursive: true, force: true });
  }
});
