/**
 * An administrator adds a number that sends its calls through a call flow: a number with nowhere to send its
 * calls is refused under the select, the saved number is listed with where its calls go, and it is deleted.
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

interface StoredNumber {
  number: string;
  name: string;
  flowId: string | null;
  csqId: string | null;
}

describe('numbers in administration', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let browser: Browser;
  let admin: ApiClient;
  let flowId: string;

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    const csq = await admin.request<{ id: string }>('POST', '/csqs', {
      name: 'Phone line',
      channel: 'voice',
      criterion: 'longest_available',
      skills: [],
    });
    flowId = (
      await admin.request<{ id: string }>('POST', '/call-flows', {
        name: 'Main line',
        definition: { format: 1, start: 'queue', steps: { queue: { type: 'queue', csqId: csq.id } } },
      })
    ).id;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  test('a number is added to a call flow, listed with where its calls go, and deleted', async () => {
    const { page, errors } = await desk(browser, server.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Numbers' }).click();
    await page.getByRole('button', { name: 'New number' }).click();
    await page.getByLabel('Number', { exact: true }).fill('+4930123456');
    await page.getByLabel('Name', { exact: true }).fill('Sales line');

    // Nowhere to send the calls yet: the server's reason shows under the select.
    await page.getByRole('button', { name: 'Save' }).click();
    const refusal = page
      .locator('.field-invalid', { has: page.getByLabel('Calls go to') })
      .locator('.field-error');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /a call flow \(flowId\) or a voice CSQ \(csqId\)/);
    const logged = errors.findIndex((e) => /status of 400/.test(e));
    assert.ok(logged >= 0, errors.join('\n'));
    errors.splice(logged, 1);

    await page.getByLabel('Calls go to').selectOption({ label: 'Call flow: Main line' });
    await page.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row', { name: /\+4930123456/ });
    await row.getByRole('cell', { name: 'Call flow: Main line' }).waitFor();
    await screenshot(page, 'admin-numbers');
    const [stored] = await admin.request<StoredNumber[]>('GET', '/phone-numbers');
    assert.deepEqual(stored && [stored.number, stored.name, stored.flowId, stored.csqId], [
      '+4930123456',
      'Sales line',
      flowId,
      null,
    ]);

    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('None yet.').waitFor();
    assert.deepEqual(await admin.request<StoredNumber[]>('GET', '/phone-numbers'), []);
    assert.deepEqual(errors, []);
  });
});
