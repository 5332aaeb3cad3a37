/**
 * Every page the server serves works under its Content-Security-Policy in a real browser: the desktop (with
 * the widget's live preview), the API docs and the demo page that embeds the widget as a customer's website
 * does. Any violation the browser reports fails the test. And the desktop's build carries no source maps.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  ADMIN_PASSWORD,
  buildDesktop,
  buildWidget,
  chromiumForTests,
  launchBrowser,
  ServerProcess,
  signIn,
} from '@switchboard/testing';
import type { Browser, Page } from 'playwright-core';

const availability = chromiumForTests();
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Runs in the page before its own scripts: records violations, and shadow roots (the widget's is closed). */
const RECORD = `
  window.violations = [];
  window.roots = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.violations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + e.sourceFile);
  }, true);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    window.roots.push(root);
    return root;
  };
`;

describe('pages under the Content-Security-Policy', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let browser: Browser;

  before(async () => {
    await Promise.all([buildDesktop(), buildWidget()]);
    server = await ServerProcess.create({ SWITCHBOARD_DEMO: '1' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  async function visit(check: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const reported: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) reported.push(message.text());
    });
    await page.addInitScript(RECORD);
    try {
      await check(page);
      const violations = await page.evaluate('window.violations');
      assert.deepEqual({ violations, reported }, { violations: [], reported: [] });
    } finally {
      await context.close();
    }
  }

  test('the desktop, with the chat widget preview', async () => {
    await visit(async (page) => {
      await signIn(page, 'admin', ADMIN_PASSWORD);
      await page.getByRole('link', { name: 'Administration' }).click();
      await page.getByRole('link', { name: 'Chat widgets' }).click();
      await page.getByRole('button', { name: 'New chat widget' }).click();
      await page.getByTestId('widget-preview').getByLabel('How can we help?').waitFor();
    });
  });

  test('the API docs', async () => {
    await visit(async (page) => {
      await page.goto('/api/docs');
      await page.locator('.swagger-ui .info .title', { hasText: 'Switchboard API' }).waitFor();
      await page.locator('.opblock').first().waitFor();
    });
  });

  test('the demo page with the widget it embeds', async () => {
    await visit(async (page) => {
      await page.goto('/demo/chat');
      await page.getByRole('heading', { name: 'Help and support' }).waitFor();
      // A function, not a string: Playwright evaluates a string predicate with eval, which this CSP forbids.
      await page.waitForFunction(() => {
        const roots = (globalThis as unknown as { roots: { querySelector(s: string): unknown }[] }).roots;
        return roots.length > 0 && roots[0]?.querySelector('button') !== null;
      });
      const styled = await page.evaluate('getComputedStyle(window.roots[0].querySelector("button")).cursor');
      assert.equal(styled, 'pointer', 'the widget’s own styles apply');
    });
  });

  test('the desktop is served without source maps', async () => {
    const assets = await readdir(join(DIST, 'assets'));
    assert.deepEqual(
      assets.filter((name) => name.endsWith('.map')),
      [],
    );
    for (const name of assets.filter((file) => file.endsWith('.js'))) {
      assert.doesNotMatch(await readFile(join(DIST, 'assets', name), 'utf8'), /sourceMappingURL/, name);
      const map = await fetch(`${server.url}/assets/${name}.map`);
      assert.equal(map.status, 404);
    }
  });
});
