/**
 * The administrator's audit log in a real browser: each entry names its record, and the log narrows to a
 * person, an action and a span of days.
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

describe('the audit log', { skip: availability.available ? false : availability.reason }, () => {
  let server: ServerProcess;
  let browser: Browser;

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    browser = await launchBrowser();
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    await admin.request('POST', '/skills', { name: 'Billing' });
    await admin.request('POST', '/users', {
      username: 'ava',
      displayName: 'Ava Agent',
      role: 'agent',
      password: 'Ava-password-1',
    });
    await ApiClient.signIn(server.url, 'demo', 'ava', 'not-her-password').catch(() => undefined);
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  test('names each record and filters by who, what and when', async () => {
    const { page, context } = await desk(browser, server.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Audit log' }).click();
    const rows = page.locator('table.grid tbody tr');
    await rows.filter({ hasText: 'Billing' }).first().waitFor();

    await page.getByLabel('Action').selectOption('sign_in_failed');
    await page.getByRole('button', { name: 'Show' }).click();
    // The unfiltered list holds the failed sign-in too: wait for the filtered answer to replace it.
    await rows.filter({ hasText: 'Sign-in failed' }).first().waitFor();
    await rows.filter({ hasNotText: 'Sign-in failed' }).first().waitFor({ state: 'detached' });
    assert.deepEqual(
      (await rows.allInnerTexts()).map((text) => /Sign-in failed/.test(text) && /ava/.test(text)),
      [true],
    );

    await page.getByLabel('Who').selectOption({ label: 'Administrator (admin)' });
    await page.getByLabel('Action').selectOption('create');
    await page.getByRole('button', { name: 'Show' }).click();
    await rows.filter({ hasText: 'skill Billing' }).waitFor();
    await rows.filter({ hasText: 'user ava' }).waitFor();
    assert.ok((await rows.allInnerTexts()).every((text) => /Created/.test(text)));
    await screenshot(page, 'admin-audit-log');

    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toLocaleDateString('en-CA');
    await page.getByLabel('From').fill(tomorrow);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('Nothing matches.').waitFor();
    await context.close();
  });
});
