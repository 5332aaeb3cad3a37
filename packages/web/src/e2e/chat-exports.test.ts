/**
 * Chat exports in a real browser against a real server: a supervisor's screen asks for a period's chats, the
 * background job writes the file, the administrator sees the job completed on the Jobs screen, and the file
 * downloads with its header and one row per chat.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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
const CHATS = 3;

describe('chat exports', { skip: availability.available ? false : availability.reason }, () => {
  let server: ServerProcess;
  let browser: Browser;

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    browser = await launchBrowser();
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    const csq = await admin.request<{ id: string }>('POST', '/csqs', {
      name: 'Web chat',
      channel: 'chat',
      criterion: 'longest_available',
      skills: [],
    });
    for (let i = 0; i < CHATS; i++)
      await admin.request('POST', '/chats', { csqId: csq.id, customer: { name: `Customer ${i}` } });
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  test('an export is asked for, completes in the background, shows as a job and downloads', async () => {
    const { page, context, errors } = await desk(browser, server.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Chat exports' }).click();
    // Up to an hour from now in the browser's zone, so the chats just made are inside the period.
    const inAnHour = await page.evaluate(() => {
      const ms = Date.now() + 3_600_000;
      return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    });
    await page.getByLabel('To').fill(inAnHour);
    await page.getByRole('button', { name: 'Export' }).click();
    const row = page.getByRole('table', { name: 'Exports' }).locator('tbody tr').first();
    await row.getByRole('button', { name: 'Download' }).waitFor({ timeout: 60_000 });
    assert.match(await row.innerText(), /Completed\s+3/);
    await screenshot(page, 'chat-exports');

    const downloading = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Download' }).click();
    const file = await (await downloading).path();
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^contactId,chatType,csqName,/);
    assert.equal(lines.length, CHATS + 1);

    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Jobs' }).click();
    await page
      .getByRole('region', { name: 'Recently completed' })
      .getByRole('cell', { name: 'chat-records.export' })
      .waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});
