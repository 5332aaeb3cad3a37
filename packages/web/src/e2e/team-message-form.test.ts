/**
 * The supervisor's team-message form checks the text by the server's own rule (core's team-messages.ts)
 * while it is written: a line break is refused before anything is sent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN_PASSWORD,
  buildDesktop,
  chromiumForTests,
  desk,
  launchBrowser,
  ServerProcess,
  signIn,
} from '@switchboard/testing';
import type { Browser } from 'playwright-core';

const availability = chromiumForTests();

describe('team message form', { skip: availability.available ? false : availability.reason }, () => {
  let server: ServerProcess;
  let browser: Browser;

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  test('a text the server would refuse is named at once and cannot be sent', async () => {
    const { page } = await desk(browser, server.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    let posts = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/team-messages')) posts++;
    });
    await page.getByRole('link', { name: 'Team messages' }).click();
    const message = page.getByLabel('Message', { exact: true });
    const send = page.getByRole('button', { name: 'Send' });

    await message.fill('Huddle\nat 3 pm');
    const error = page.locator('.field-invalid .field-error');
    await error.waitFor();
    assert.match(await error.innerText(), /character 7 is the control character U\+000A/);
    assert.equal(await send.isDisabled(), true);

    await message.fill('x'.repeat(256));
    await error.filter({ hasText: 'at most 255 characters' }).waitFor();
    assert.equal(await send.isDisabled(), true);

    await message.fill('😀'.repeat(255));
    await page.getByText('255 of 255 characters').waitFor();
    assert.equal(await send.isEnabled(), true);
    assert.equal(posts, 0);
  });
});
