/**
 * A waiting customer sees their place in line in the widget, against a real server: the second of two
 * customers reads "number 2", then "next" once an agent answers the first chat.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN_PASSWORD,
  ApiClient,
  buildWidget,
  type ChatCenter,
  Customer,
  chromiumForTests,
  customerSite,
  launchBrowser,
  ServerProcess,
  screenshot,
  setUpChatCenter,
} from '@switchboard/testing';
import type { Browser } from 'playwright-core';

const availability = chromiumForTests();

describe('the place in line in the widget', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let browser: Browser;
  let center: ChatCenter;
  let site: Awaited<ReturnType<typeof customerSite>>;

  before(async () => {
    await buildWidget();
    server = await ServerProcess.create();
    center = await setUpChatCenter(await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD));
    site = await customerSite(server.url);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await server?.destroy();
  });

  test('the second customer is number 2, then next once the first chat is answered', async () => {
    const ada = await Customer.visit(browser, site.url, center.widgetId);
    const first = await ada.startChat('Ada');
    const bob = await Customer.visit(browser, site.url, center.widgetId);
    await bob.startChat('Bob');
    const place = bob.widget.getByTestId('queue-position');
    await place.filter({ hasText: 'You are number 2 in line' }).waitFor();
    assert.equal(await place.getAttribute('aria-live'), 'polite');
    await screenshot(bob.page, 'widget-queue-position');

    const sam = await ApiClient.signIn(server.url, 'demo', center.sam.username, center.sam.password);
    await sam.request('PUT', `/agents/${center.sam.id}/state`, { domain: 'digital', state: 'ready' });
    await sam.request('POST', `/contacts/${first.chatId}/accept`);
    await place.filter({ hasText: 'You are next in line' }).waitFor();
    assert.deepEqual([...ada.errors, ...bob.errors], []);
  });
});
