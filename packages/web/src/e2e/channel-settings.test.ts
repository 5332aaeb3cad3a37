/**
 * Channel parameters in a real browser: the wrap-up timeout is optional on the server (null: none), so the
 * page shows it empty when there is none, and emptying it saves "none" instead of a refused 0.
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
import type { Browser } from 'playwright-core';

const availability = chromiumForTests();

describe('channel parameters', { skip: availability.available ? false : availability.reason }, () => {
  let server: ServerProcess;
  let browser: Browser;
  let admin: ApiClient;

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    browser = await launchBrowser();
    admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  const wrapUpTimeout = async () =>
    ((await admin.request('GET', '/channel-settings')) as { wrapUpTimeoutSeconds: number | null })
      .wrapUpTimeoutSeconds;

  test('the wrap-up timeout can be set, and emptied again to have none', async () => {
    assert.equal(await wrapUpTimeout(), null, 'a new center has no wrap-up timeout');
    const { page } = await desk(browser, server.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Channel parameters', exact: true }).click();
    const field = page.getByLabel(/^Wrap-up timeout/);
    assert.equal(await field.inputValue(), '', 'none is shown as an empty field');

    await field.fill('90');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    assert.equal(await wrapUpTimeout(), 90);

    await field.fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await screenshot(page, 'channel-settings-no-wrap-up-timeout');
    assert.equal(await wrapUpTimeout(), null);
  });
});
