/**
 * Coaching a web chat in real browsers: a customer chats with Sam; Sam's supervisor monitors the chat from
 * the team view and reads the customer's next message, whispers to Sam (who sees it; the customer does not),
 * then barges in and the customer reads the supervisor's message.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN_PASSWORD,
  AgentDesk,
  ApiClient,
  addTeamLead,
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
const WHISPER = 'Offer her the loyalty discount.';
const BARGE = 'Hello, I am the team lead: the discount is approved.';

describe('coaching a web chat in real browsers', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let center: ChatCenter;
  let site: Awaited<ReturnType<typeof customerSite>>;
  let browser: Browser;
  let sam: AgentDesk;
  let lead: AgentDesk;
  let ada: Customer;

  before(async () => {
    await buildWidget();
    await buildDesktop();
    server = await ServerProcess.create();
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    center = await setUpChatCenter(admin);
    const leadUser = await addTeamLead(admin, center, 'Lead-chat-password-1');
    site = await customerSite(server.url);
    browser = await launchBrowser();
    sam = await AgentDesk.signIn(browser, server.url, center.sam);
    lead = await AgentDesk.signIn(browser, server.url, leadUser);
    ada = await Customer.visit(browser, site.url, center.widgetId);
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await server?.destroy();
  });

  test('monitor, whisper and barge in', async () => {
    const { chatId } = await ada.startChat('Ada Lovelace');
    await sam.ready();
    await sam.accept(chatId);
    await ada.sees('system', 'Sam has joined the chat.');

    await lead.page.getByRole('link', { name: 'Team', exact: true }).click();
    await lead.page.getByRole('button', { name: "Monitor Sam's chat 1" }).click();
    const panel = lead.page.getByRole('region', { name: /Monitoring/ });
    await panel.getByRole('heading', { name: 'Monitoring Ada Lovelace' }).waitFor();
    await ada.send('Is there any discount?');
    await panel.locator('.chat-text').getByText('Is there any discount?', { exact: true }).waitFor();

    await panel.getByLabel('Whisper to the agent').fill(WHISPER);
    await panel.getByRole('button', { name: 'Whisper', exact: true }).click();
    await sam.page.locator('.chat-line.whisper').getByText(WHISPER).waitFor();
    await sam.page.getByText('Whisper from Lena Lead').waitFor();
    await screenshot(lead.page, 'monitor-01-supervisor-whispers');

    await panel.getByRole('button', { name: 'Barge in' }).click();
    await ada.sees('system', 'Lena has joined the chat.');
    await panel.getByLabel('Write to the customer').fill(BARGE);
    await panel.getByRole('button', { name: 'Send to customer' }).click();
    await ada.sees('Lena', BARGE);
    await sam.line(chatId, BARGE).waitFor();
    assert.equal(await ada.widget.getByText(WHISPER).count(), 0, 'the customer never sees the whisper');
    assert.ok(!(await ada.log()).some((line) => line.includes(WHISPER)));
    await screenshot(ada.page, 'monitor-02-customer-sees-supervisor');
    assert.deepEqual(lead.errors, []);
  });
});
