/**
 * A web chat end to end in real browsers against a real server process: a customer on a website of another
 * origin chats through the embedded widget with agents at their desktops — the whole chat with the
 * transcript and the rating, script and HTML shown as text, an offer ringing out to the next agent, a closed
 * widget, and a server restart in the middle of a chat.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  ADMIN_PASSWORD,
  AgentDesk,
  ApiClient,
  ARTIFACTS,
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
  WIDGET_TEXTS,
} from '@switchboard/testing';
import type { Browser, Locator, Page } from 'playwright-core';

const availability = chromiumForTests();
/**
 * The screenshot the README shows, the agent's chat workspace in the middle of a conversation: written over
 * docs/images/chat.png only with SWITCHBOARD_DOCS_IMAGES=1, so that a test run leaves the work tree alone.
 */
const DOCS_IMAGE =
  process.env.SWITCHBOARD_DOCS_IMAGES === '1'
    ? fileURLToPath(new URL('../../../../docs/images/chat.png', import.meta.url))
    : join(ARTIFACTS, 'chat-docs.png');
/** Chromium reports a refused connection as a console error: expected while the server is down, nowhere else. */
/** What browsers log while the server restarts: refused connections, and 503 from a server that is closing. */
const DURING_RESTART =
  /WebSocket connection to .* failed|Failed to load resource: net::ERR_CONNECTION_(REFUSED|RESET)|Failed to load resource: the server responded with a status of 503/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WAIT = 'Thanks for waiting: the next available agent will be with you shortly.';
const ENDED = 'The chat has ended. Thank you for contacting us.';
/** What the payloads would set if they ever ran as script. */
const pwned = (page: Page) => page.evaluate('window.__pwned');
const hasFocus = (locator: Locator) =>
  locator.evaluate(
    (element: unknown) =>
      element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
  );

describe('web chat end to end in real browsers', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let admin: ApiClient;
  let center: ChatCenter;
  let site: Awaited<ReturnType<typeof customerSite>>;
  let browser: Browser;
  let sam: AgentDesk;
  let max: AgentDesk;
  const customers: Customer[] = [];
  /** Bob's chat stays with Sam from the first scenario into the second; Cleo's with Max into the last. */
  let bob: { customer: Customer; chatId: string };
  let cleo: { customer: Customer; chatId: string };

  const visit = async (widgetId: string) => {
    const customer = await Customer.visit(browser, site.url, widgetId);
    customers.push(customer);
    return customer;
  };

  before(async () => {
    await buildWidget();
    await buildDesktop();
    server = await ServerProcess.create();
    admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    center = await setUpChatCenter(admin);
    site = await customerSite(server.url);
    browser = await launchBrowser();
    [sam, max] = await Promise.all([
      AgentDesk.signIn(browser, server.url, center.sam),
      AgentDesk.signIn(browser, server.url, center.max),
    ]);
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await server?.destroy();
  });

  test('a whole chat: form, queue, offer, typing both ways, a predefined response, unread counts, the end, transcript, rating and wrap-up', async () => {
    const ada = await visit(center.widgetId);
    const { chatId, clientId } = await ada.startChat('Ada Lovelace');
    assert.match(clientId, UUID, 'the start carries an id of its own, so a retry cannot queue twice');
    await ada.sees('system', WAIT);
    await ada.send('Hello, my last invoice looks too high.');
    await screenshot(ada.page, 'chat-01-customer-queued');

    await sam.ready();
    const offer = sam.card(chatId);
    await offer.getByText('Offered to you').waitFor();
    await offer.getByText('Ada Lovelace').waitFor();
    assert.equal(await offer.getByText('Reference').count(), 0, "the start's retry key is not a reference");
    await screenshot(sam.page, 'chat-02-agent-offer');
    await sam.accept(chatId);
    // Accepting puts the caret in the chat's reply box: the agent can type at once.
    const composer = sam.composer(chatId);
    await sam.page.waitForFunction(
      (id: string) =>
        (globalThis as unknown as { document: { activeElement: { dataset?: { composer?: string } } | null } })
          .document.activeElement?.dataset?.composer === id,
      chatId,
    );
    assert.equal(await hasFocus(composer), true);
    await sam.line(chatId, 'Hello, my last invoice looks too high.').waitFor();
    await ada.sees('system', 'Sam has joined the chat.');

    // Typing both ways: the customer's shows on the desktop, the agent's in the widget. The keys go to
    // whatever has the focus, which is still the reply box.
    await ada.box.fill('One more thing');
    await sam.page.getByText('Ada Lovelace is typing…').waitFor();
    await sam.page.keyboard.type('Hi Ada.  Thank you!');
    assert.equal(await composer.inputValue(), 'Hi Ada.  Thank you!');
    await ada.widget.getByText('Sam is typing…').waitFor();
    await screenshot(ada.page, 'chat-03-customer-sees-typing');

    // A predefined response, by keyboard, goes in where the caret is (between the two spaces).
    for (let n = 0; n < ' Thank you!'.length; n++) await composer.press('ArrowLeft');
    await sam.page.keyboard.press('Tab'); // the responses' search box, then their list
    await sam.page.keyboard.press('Tab');
    const picker = sam.page.getByLabel('Predefined response');
    assert.equal(await hasFocus(picker), true);
    await sam.page.keyboard.press('ArrowDown');
    assert.equal(await picker.locator('option:checked').innerText(), center.response.title);
    await sam.page.keyboard.press('Tab');
    await sam.page.keyboard.press('Enter');
    const reply = `Hi Ada. ${center.response.body} Thank you!`;
    assert.equal(await composer.inputValue(), reply);
    assert.equal(await hasFocus(composer), true, 'back in the box');
    await screenshot(sam.page, 'chat-04-agent-predefined-response');
    await composer.press('Enter');
    await sam.line(chatId, reply).waitFor();
    await ada.sees('Sam', reply);
    assert.equal(await ada.widget.getByText('Sam is typing…').count(), 0, 'a message ends the typing');
    await screenshot(ada.page, 'chat-05-customer-sees-reply');

    // A second customer: accepting brings that chat's tab to the front; Ada's next message is counted unread.
    const bobCustomer = await visit(center.widgetId);
    const bobChat = await bobCustomer.startChat('Bob Stone');
    bob = { customer: bobCustomer, chatId: bobChat.chatId };
    await sam.accept(bob.chatId);
    await sam.tab(bob.chatId).getByText('Bob Stone').waitFor();
    await ada.send('One more thing: can I pay in two parts?');
    const unread = sam.tab(chatId).locator('.unread.flash');
    await unread.filter({ hasText: '1' }).waitFor();
    await screenshot(sam.page, 'chat-06-agent-unread');
    await sam.tab(chatId).click();
    await unread.waitFor({ state: 'detached' });
    await sam.line(chatId, 'One more thing: can I pay in two parts?').waitFor();
    await sam.say(chatId, 'Yes: I have split it into two payments for you.');
    await bob.customer.send('Hello?');
    await sam.tab(bob.chatId).locator('.unread.flash').filter({ hasText: '1' }).waitFor();
    await ada.sees('Sam', 'Yes: I have split it into two payments for you.');
    await sam.page.mouse.move(0, 0);
    await sam.page.screenshot({ path: DOCS_IMAGE, fullPage: true });

    // The agent ends; the customer is told, downloads the transcript and rates.
    await sam.card(chatId).getByRole('button', { name: 'End and wrap up' }).click();
    await ada.sees('system', ENDED);
    assert.equal(await ada.box.isVisible(), false, 'no more writing');
    await ada.widget.getByRole('button', { name: 'Download transcript' }).click();
    const downloading = ada.page.waitForEvent('download');
    await ada.widget.getByRole('button', { name: 'Yes' }).click();
    const transcript = await readFile(await (await downloading).path(), 'utf8');
    for (const line of ['Hello, my last invoice looks too high.', reply, 'Ada Lovelace', 'Sam'])
      assert.ok(transcript.includes(line), `the transcript has “${line}”:\n${transcript}`);
    await ada.widget.getByRole('radio', { name: '4' }).check();
    await ada.widget.getByRole('button', { name: 'Send rating' }).click();
    await ada.widget.getByRole('button', { name: 'Send rating' }).waitFor({ state: 'hidden' });
    await ada.widget.getByRole('status').filter({ hasText: 'Thank you for your feedback.' }).waitFor();
    await screenshot(ada.page, 'chat-07-customer-rated');
    const rated = await admin.request<{ rating: unknown }>('GET', `/chats/${chatId}`);
    assert.deepEqual(rated.rating, { rating: 4, comment: null });

    // Wrap-up with a reason from the contact's list; the chat's tab goes.
    const wrapUp = sam.card(chatId).getByRole('form', { name: 'Wrap-up' });
    await wrapUp.getByRole('checkbox', { name: center.wrapUpReasons[0] }).check();
    await screenshot(sam.page, 'chat-08-agent-wrap-up');
    await wrapUp.getByRole('button', { name: 'Finish wrap-up' }).click();
    await sam.tab(chatId).waitFor({ state: 'detached' });
    const stored = await admin.request<{ status: string; wrapUpReasons: string[] }>(
      'GET',
      `/contacts/${chatId}`,
    );
    assert.deepEqual([stored.status, stored.wrapUpReasons], ['ended', [center.wrapUpReasons[0]]]);
  });

  test('script and HTML from either side are shown as text: nothing runs, in the widget or on the desktop', async () => {
    const { customer, chatId } = bob;
    await sam.tab(chatId).click();
    const payloads = [
      '<img src=x onerror=window.__pwned=1>',
      '<script>window.__pwned=1</script>',
      '"><svg onload=window.__pwned=1>',
    ];
    for (const payload of payloads) {
      await customer.send(payload);
      await sam.line(chatId, payload).waitFor();
    }
    const answer = '<b>Noted</b> <img src=x onerror=window.__pwned=1> </p><script>window.__pwned=1</script>';
    await sam.say(chatId, answer);
    await customer.sees('Sam', answer);
    await screenshot(sam.page, 'chat-09-agent-html-as-text');
    await screenshot(customer.page, 'chat-10-customer-html-as-text');

    assert.equal(await pwned(sam.page), undefined);
    assert.equal(await pwned(customer.page), undefined);
    const elements = 'img, svg, script, b';
    assert.equal(await sam.page.locator(`#chat-panel-${chatId} .chat-messages`).locator(elements).count(), 0);
    assert.equal(await customer.widget.locator('.log').locator(elements).count(), 0);
    assert.deepEqual([...sam.dialogs, ...customer.dialogs], []);

    await sam.card(chatId).getByRole('button', { name: 'End and wrap up' }).click();
    await customer.sees('system', ENDED);
    await sam.card(chatId).getByRole('checkbox', { name: center.wrapUpReasons[1] }).check();
    await sam.card(chatId).getByRole('button', { name: 'Finish wrap-up' }).click();
    await sam.page.getByText('No contacts. Go Ready to receive them.').waitFor();
  });

  test('an offer not accepted rings out: the agent goes Not Ready and the chat goes to the next agent', async () => {
    await admin.request('PATCH', '/channel-settings', { noAnswerTimeoutSeconds: { chat: 5 } });
    await sam.digitalState.filter({ hasText: /^Ready/ }).waitFor();
    await max.ready();
    const customer = await visit(center.widgetId);
    // The name from the form is text too.
    const { chatId } = await customer.startChat('Cleo <i>Park</i>');
    cleo = { customer, chatId };
    // Both are Ready; the CSQ offers to the more skilled, Sam, who does not answer.
    await sam.card(chatId).getByText('Offered to you').waitFor();
    await sam.card(chatId).getByRole('timer').waitFor();
    assert.equal(await max.card(chatId).count(), 0);
    await screenshot(sam.page, 'chat-11-agent-offer-ringing');

    await sam.digitalState.filter({ hasText: /^Not ready/ }).waitFor();
    await sam.card(chatId).waitFor({ state: 'detached' });
    await max.accept(chatId);
    await max.tab(chatId).getByText('Cleo <i>Park</i>').waitFor();
    assert.equal(await max.page.locator('.chat-workspace i').count(), 0);
    await customer.sees('system', 'Max has joined the chat.');
    assert.equal(await customer.widget.getByText('Sam has joined the chat.').count(), 0);
    await screenshot(sam.page, 'chat-12-agent-rang-out');
    await screenshot(max.page, 'chat-13-next-agent-accepted');

    const events = await admin.request<{ type: string; data: { agentId?: string; cause?: string } }[]>(
      'GET',
      `/contacts/${chatId}/events`,
    );
    const story = events
      .filter((e) => /offered|offer_withdrawn|accepted/.test(e.type))
      .map((e) =>
        `${e.type} ${e.data.agentId === center.sam.id ? 'Sam' : 'Max'} ${e.data.cause ?? ''}`.trim(),
      );
    assert.deepEqual(story, [
      'contact.offered Sam',
      'contact.offer_withdrawn Sam no_answer',
      'contact.offered Max',
      'contact.accepted Max',
    ]);
  });

  test('a widget whose calendar is closed now shows the off-hours message and no form', async () => {
    const customer = await visit(center.closedWidgetId);
    await customer.launcher.click();
    await customer.widget.getByText(WIDGET_TEXTS.offHours).waitFor();
    assert.equal(await customer.widget.locator('input, select, textarea').count(), 0);
    assert.equal(await customer.widget.getByRole('button', { name: 'Start chat' }).count(), 0);
    await screenshot(customer.page, 'chat-14-customer-off-hours');
    await customer.close();
    customers.splice(customers.indexOf(customer), 1);
  });

  test('a server restart in the middle of a chat: the widget says so, recovers, and each side’s next message arrives once', async () => {
    const { customer, chatId } = cleo;
    await customer.send('Is my meter reading in?');
    await max.line(chatId, 'Is my meter reading in?').waitFor();

    await server.stop();
    const banner = customer.widget.getByText('Connection lost. Reconnecting…');
    await banner.waitFor();
    await max.page.locator('[data-status="reconnecting"]').waitFor();
    // Written while the server is down: it waits, greyed, and goes out once the server is back.
    await customer.box.fill('Hello? The page says the connection is lost.');
    await customer.box.press('Enter');
    await customer.widget.locator('.msg.customer.pending').waitFor();
    await screenshot(customer.page, 'chat-15-customer-connection-lost');
    await server.start();
    await banner.waitFor({ state: 'hidden', timeout: 40_000 });
    await max.page.locator('[data-status="live"]').waitFor({ timeout: 40_000 });
    await max.line(chatId, 'Hello? The page says the connection is lost.').waitFor({ timeout: 40_000 });

    await customer.send('Are you still there?');
    await max.line(chatId, 'Are you still there?').waitFor();
    await max.say(chatId, 'Yes, I am here. Your reading arrived this morning.');
    await customer.sees('Max', 'Yes, I am here. Your reading arrived this morning.');
    await screenshot(customer.page, 'chat-16-customer-after-restart');
    await screenshot(max.page, 'chat-17-agent-after-restart');
    // Once each, on both screens and on the server.
    const texts = [
      'Hello? The page says the connection is lost.',
      'Are you still there?',
      'Yes, I am here. Your reading arrived this morning.',
    ];
    for (const text of texts) {
      assert.equal(await max.line(chatId, text).count(), 1, `the desktop shows “${text}” once`);
      assert.equal((await customer.log()).filter((l) => l.endsWith(`: ${text}`)).length, 1);
    }
    const stored = await admin.request<{ messages: { text: string }[] }>('GET', `/chats/${chatId}`);
    for (const text of texts) assert.equal(stored.messages.filter((m) => m.text === text).length, 1);
  });

  test('no page logged an error, and none opened a dialog', () => {
    const pages = [sam, max, ...customers];
    const unexpected = pages.flatMap((p) => p.errors.filter((e) => !DURING_RESTART.test(e)));
    assert.deepEqual(unexpected, []);
    assert.deepEqual(
      pages.flatMap((p) => p.dialogs),
      [],
    );
  });
});
