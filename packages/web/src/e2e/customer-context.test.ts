/**
 * Customer context at the agent desktop in a real browser: a customer chats twice with the same email; the
 * agent leaves a note on the first chat and wraps it up; the chat stays in "Recent" with its transcript and
 * note; on the second chat the earlier contact shows, matched by the email the customer typed, as metadata
 * marked not verified (no note, no transcript).
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
const NOTE = 'Refund promised by <b>Friday</b>\nCall back if late';

describe('customer context on the agent desktop', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let center: ChatCenter;
  let site: Awaited<ReturnType<typeof customerSite>>;
  let browser: Browser;
  let sam: AgentDesk;

  before(async () => {
    await buildWidget();
    await buildDesktop();
    server = await ServerProcess.create();
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    center = await setUpChatCenter(admin);
    site = await customerSite(server.url);
    browser = await launchBrowser();
    sam = await AgentDesk.signIn(browser, server.url, center.sam);
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await server?.destroy();
  });

  /** A customer fills the widget's form with a name and an email and starts a chat. */
  async function chatAs(name: string, email: string) {
    const customer = await Customer.visit(browser, site.url, center.widgetId);
    await customer.launcher.click();
    await customer.widget.getByLabel(/^Name/).fill(name);
    await customer.widget.getByLabel(/^Email/).fill(email);
    const started = customer.page.waitForResponse(
      (r) => /\/public\/widgets\/[^/]+\/chats$/.test(r.url()) && r.request().method() === 'POST',
    );
    await customer.widget.getByRole('button', { name: 'Start chat' }).click();
    const { chatId } = (await (await started).json()) as { chatId: string };
    await customer.box.waitFor();
    return { customer, chatId };
  }

  test('a note and a wrapped-up chat stay in Recent and show in the customer’s next chat', async () => {
    const first = await chatAs('Ada Lovelace', 'Ada@Example.com');
    await first.customer.send('My parcel is late.');
    await sam.ready();
    await sam.accept(first.chatId);
    const panel = sam.page.locator(`#chat-panel-${first.chatId}`);
    const notes = panel.getByRole('region', { name: 'Notes' });
    await notes.getByRole('textbox', { name: 'New note' }).fill(NOTE);
    await notes.getByRole('button', { name: 'Add note' }).click();
    // Shown as text: the markup is there to read, not rendered.
    await notes.locator('.note-body').filter({ hasText: '<b>Friday</b>' }).waitFor();
    assert.equal(await notes.locator('b').count(), 0);
    await panel
      .getByRole('region', { name: /Earlier contacts/ })
      .getByText(/first contact/)
      .waitFor();
    await screenshot(sam.page, 'context-01-note');

    const reason = center.wrapUpReasons[1] ?? 'Refund issued';
    await sam.card(first.chatId).getByRole('button', { name: 'End and wrap up' }).click();
    const wrapUp = sam.card(first.chatId).getByRole('form', { name: 'Wrap-up' });
    await wrapUp.getByRole('checkbox', { name: reason }).check();
    await wrapUp.getByRole('button', { name: 'Finish wrap-up' }).click();
    await sam.tab(first.chatId).waitFor({ state: 'detached' });
    assert.ok(!(await first.customer.log()).some((line) => line.includes('Refund promised')));

    // Recent: the chat is still there, with its note and, opened, its transcript.
    const recent = sam.page.getByRole('region', { name: /^Recent/ });
    const entry = recent.locator(`[data-contact-id="${first.chatId}"]`);
    await entry.getByText(reason, { exact: false }).waitFor();
    await entry.getByText('Ada Lovelace').click();
    await entry.locator('.note-body').filter({ hasText: '<b>Friday</b>' }).waitFor();
    await entry.locator('.chat-text').getByText('My parcel is late.', { exact: true }).waitFor();
    await screenshot(sam.page, 'context-02-recent');

    // The same email again (in another case): anyone can type it, so the earlier chat shows as when, where,
    // with whom and how it ended, marked as not verified, without its note or transcript.
    const second = await chatAs('Ada L.', 'ada@example.com');
    await sam.accept(second.chatId);
    const history = sam.page
      .locator(`#chat-panel-${second.chatId}`)
      .getByRole('region', { name: /Earlier contacts/ });
    const earlier = history.locator(`[data-contact-id="${first.chatId}"]`);
    await earlier.getByText('not verified', { exact: true }).waitFor();
    assert.match(await earlier.locator('summary').innerText(), /Samantha Reyes/);
    assert.match(await earlier.locator('summary').innerText(), new RegExp(reason));
    await earlier.locator('summary').click();
    await earlier.getByText(/Matched by the email the customer typed; not verified/).waitFor();
    assert.equal(await earlier.locator('.note-body').count(), 0);
    assert.equal(await earlier.getByText('Ada Lovelace').count(), 0);
    assert.equal(await earlier.locator('.transcript, .chat-text').count(), 0);
    await screenshot(sam.page, 'context-03-history');
    assert.deepEqual(sam.errors, []);
    await first.customer.close();
    await second.customer.close();
  });
});
