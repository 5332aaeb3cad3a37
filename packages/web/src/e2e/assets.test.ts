/**
 * The desktop is split by area (a real server and Chromium): an agent's sign-in downloads the agent desktop and
 * none of the administration screens, an administrator still gets them on opening Administration, and the
 * scripts arrive compressed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN_PASSWORD,
  ApiClient,
  buildDesktop,
  chromiumForTests,
  desk,
  launchBrowser,
  ServerProcess,
  screenshot,
  signIn,
} from '@switchboard/testing';
import type { Browser, Page } from 'playwright-core';

const availability = chromiumForTests();
const AGENT_PASSWORD = 'Agent-assets-password';

/** Every script the page fetches from the desktop's assets, with the encoding it came in. */
function recordScripts(page: Page): Map<string, string | undefined> {
  const scripts = new Map<string, string | undefined>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/assets/') && path.endsWith('.js'))
      scripts.set(path.slice('/assets/'.length), response.headers()['content-encoding']);
  });
  return scripts;
}

const chunk = (scripts: Map<string, string | undefined>, area: string) =>
  [...scripts.keys()].filter((name) => name.startsWith(`${area}-`));

describe('the desktop loads each area when it is opened', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let browser: Browser;

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    browser = await launchBrowser();
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    await admin.request('POST', '/users', {
      username: 'ava',
      displayName: 'Ava Agent',
      role: 'agent',
      password: AGENT_PASSWORD,
    });
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  test('an agent signs in without downloading the administration or supervisor screens', async () => {
    const { context, page, errors } = await desk(browser, server.url);
    const scripts = recordScripts(page);
    await signIn(page, 'ava', AGENT_PASSWORD);
    await page.getByRole('heading', { name: /My contacts/ }).waitFor();
    assert.equal(chunk(scripts, 'agent-desktop').length, 1, [...scripts.keys()].join(', '));
    assert.deepEqual(chunk(scripts, 'admin-area'), []);
    assert.deepEqual(chunk(scripts, 'supervisor-area'), []);
    // The big ones arrive compressed (the build leaves files under a kilobyte as they are).
    for (const name of [...chunk(scripts, 'index'), ...chunk(scripts, 'agent-desktop')])
      assert.match(String(scripts.get(name)), /^(br|gzip)$/, name);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an administrator opening Administration gets its screens', async () => {
    const { context, page, errors } = await desk(browser, server.url);
    const scripts = recordScripts(page);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    assert.deepEqual(chunk(scripts, 'admin-area'), [], 'not before Administration is opened');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Skills' })
      .click();
    await page.getByRole('button', { name: 'New skill' }).waitFor();
    assert.equal(chunk(scripts, 'admin-area').length, 1, [...scripts.keys()].join(', '));
    await screenshot(page, 'admin-loaded-on-demand');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
