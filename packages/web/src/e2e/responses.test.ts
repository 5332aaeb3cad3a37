/**
 * Predefined responses at the chat composer in a real browser: the `/` shortcut (a slash at the start or after a
 * space lists the responses matching what follows; arrows, Enter inserts, Escape leaves the text as typed) and
 * the search box over titles and bodies.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN_PASSWORD,
  AgentDesk,
  ApiClient,
  buildDesktop,
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
const REFUND = { title: 'Refund on its way', body: 'Your refund is on its way.' };
const GOODBYE = { title: 'Goodbye', body: 'Thank you for contacting Acme.' };

describe('predefined responses at the composer in a real browser', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let center: ChatCenter;
  let site: Awaited<ReturnType<typeof customerSite>>;
  let browser: Browser;
  let sam: AgentDesk;
  let ada: Customer;
  let chatId: string;

  const list = () => sam.page.getByRole('listbox', { name: 'Predefined responses' });
  const options = () => list().getByRole('option');
  const selected = () => list().locator('[role="option"][aria-selected="true"]');

  before(async () => {
    await buildWidget();
    await buildDesktop();
    server = await ServerProcess.create();
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    center = await setUpChatCenter(admin);
    for (const response of [REFUND, GOODBYE])
      await admin.request('POST', '/predefined-responses', { channel: 'chat', ...response, csqIds: [] });
    site = await customerSite(server.url);
    browser = await launchBrowser();
    sam = await AgentDesk.signIn(browser, server.url, center.sam);
    ada = await Customer.visit(browser, site.url, center.widgetId);
    ({ chatId } = await ada.startChat('Ada Lovelace'));
    await sam.ready();
    await sam.accept(chatId);
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await server?.destroy();
  });

  test('`/` lists the responses, filtered by what follows; arrows move, Enter inserts in place of the slash', async () => {
    const composer = sam.composer(chatId);
    await composer.focus();
    await sam.page.keyboard.type('/');
    await list().waitFor();
    assert.equal(await options().count(), 3);
    const first = await selected().innerText();
    await sam.page.keyboard.press('ArrowDown');
    assert.notEqual(await selected().innerText(), first);
    await sam.page.keyboard.press('ArrowUp');
    assert.equal(await selected().innerText(), first);

    // "thank" is in Goodbye's body only: bodies are searched too, whatever the case.
    await sam.page.keyboard.type('THANK');
    assert.deepEqual(await options().locator('strong').allInnerTexts(), [GOODBYE.title]);
    await screenshot(sam.page, 'responses-01-slash-list');
    await sam.page.keyboard.press('Enter');
    await list().waitFor({ state: 'hidden' });
    assert.equal(await composer.inputValue(), GOODBYE.body, 'inserted, not sent');
    assert.equal(await sam.line(chatId, GOODBYE.body).count(), 0);

    // After a space, at the caret: the slash and the query are replaced, the text before kept.
    await composer.fill('');
    await sam.page.keyboard.type('Good news. /refu');
    assert.deepEqual(await options().locator('strong').allInnerTexts(), [REFUND.title]);
    await sam.page.keyboard.press('Enter');
    assert.equal(await composer.inputValue(), `Good news. ${REFUND.body}`);
  });

  test('Escape closes the list and leaves the text as typed; a slash inside a word opens nothing', async () => {
    const composer = sam.composer(chatId);
    await composer.fill('');
    await sam.page.keyboard.type('Hi /chec');
    await list().waitFor();
    await sam.page.keyboard.press('Escape');
    await list().waitFor({ state: 'hidden' });
    assert.equal(await composer.inputValue(), 'Hi /chec');
    await sam.page.keyboard.type('k');
    assert.equal(await list().count(), 0, 'closed until another slash is typed');
    await composer.fill('');
    await sam.page.keyboard.type('and/or');
    assert.equal(await list().count(), 0);
    // Enter sends the text as typed.
    await sam.page.keyboard.press('Enter');
    await sam.line(chatId, 'and/or').waitFor();
    await ada.sees('Sam', 'and/or');
  });

  test('the search box filters by title and body; Enter there inserts the response, it does not send', async () => {
    const composer = sam.composer(chatId);
    await composer.fill('');
    const search = sam.page.getByRole('searchbox', { name: 'Search responses' });
    await search.fill('ACCOUNT');
    const picker = sam.page.getByLabel('Predefined response', { exact: true });
    assert.deepEqual(await picker.locator('option:not([value=""])').allInnerTexts(), [center.response.title]);
    await search.fill('way');
    assert.deepEqual(await picker.locator('option:not([value=""])').allInnerTexts(), [REFUND.title]);
    await search.press('Enter');
    assert.equal(await composer.inputValue(), REFUND.body);
    assert.equal(await sam.line(chatId, REFUND.body).count(), 0, 'not sent');
    await search.fill('nothing like this');
    await picker.locator('option', { hasText: 'No response matches' }).waitFor({ state: 'attached' });
    assert.deepEqual(sam.errors, []);
  });
});
