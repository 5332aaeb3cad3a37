/**
 * A user changes their own password at the desktop (a real server and Chromium): a wrong current password is
 * told plainly, the right one changes it, and the same user's desktop in another browser is signed out at once.
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
const OLD_PASSWORD = 'Agent-old-password';
const NEW_PASSWORD = 'Agent-new-password';

describe('changing one’s own password', {
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
      password: OLD_PASSWORD,
    });
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  test('from the account page; other sessions of the user are signed out at once', async () => {
    const here = await desk(browser, server.url);
    const elsewhere = await desk(browser, server.url);
    await signIn(here.page, 'ava', OLD_PASSWORD);
    await signIn(elsewhere.page, 'ava', OLD_PASSWORD);
    const { page } = here;

    await page.getByRole('link', { name: /Ava Agent/ }).click();
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(`${NEW_PASSWORD}x`);
    assert.equal(await page.getByRole('button', { name: 'Change password' }).isDisabled(), true);
    await page.getByText('The two new passwords are not the same.').waitFor();
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').filter({ hasText: 'The current password is not correct.' }).waitFor();

    await page.getByLabel('Current password').fill(OLD_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password is changed.').waitFor();
    await screenshot(page, 'account-password');
    // This desktop stays signed in and live; the other one is back at the sign-in form.
    await page.locator('[data-status="live"]').waitFor();
    await elsewhere.page.getByRole('button', { name: 'Sign in' }).waitFor();

    await signIn(elsewhere.page, 'ava', NEW_PASSWORD);
    await here.context.close();
    await elsewhere.context.close();
  });
});
