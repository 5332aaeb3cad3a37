/**
 * The monitoring panel in a real browser: a customer message that arrives while the panel loads the chat is
 * shown once, and a panel that goes away (another page) stops monitoring and takes the supervisor out of a
 * chat they barged into, without the "Stop monitoring" button.
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
const EARLY = 'Written while the supervisor’s panel was loading';

describe('the monitoring panel', { skip: availability.available ? false : availability.reason }, () => {
  let server: ServerProcess;
  let center: ChatCenter;
  let site: Awaited<ReturnType<typeof customerSite>>;
  let browser: Browser;
  let sam: AgentDesk;
  let lead: AgentDesk;
  let ada: Customer;
  let chatId: string;
  /** Texts of the frames the supervisor's page received on its event stream, and who waits for one. */
  const frames: string[] = [];
  const waiting: { text: string; resolve: () => void }[] = [];
  const frameWith = (text: string) =>
    frames.some((f) => f.includes(text))
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiting.push({ text, resolve }));

  before(async () => {
    await buildWidget();
    await buildDesktop();
    server = await ServerProcess.create();
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    center = await setUpChatCenter(admin);
    const leadUser = await addTeamLead(admin, center, 'Lead-panel-password-1');
    site = await customerSite(server.url);
    browser = await launchBrowser();
    sam = await AgentDesk.signIn(browser, server.url, center.sam);
    lead = await AgentDesk.signIn(browser, server.url, leadUser);
    lead.page.on('websocket', (socket) =>
      socket.on('framereceived', (frame) => {
        const text = String(frame.payload);
        frames.push(text);
        for (const w of waiting.filter((x) => text.includes(x.text))) w.resolve();
      }),
    );
    // The desktop opened its stream before the listener: open it again (the session outlives a reload).
    await lead.page.reload();
    await lead.page.getByRole('link', { name: 'Team', exact: true }).waitFor();
    ada = await Customer.visit(browser, site.url, center.widgetId);
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await server?.destroy();
  });

  test('a message that arrives while the panel loads the chat is shown, once', async () => {
    ({ chatId } = await ada.startChat('Ada Lovelace'));
    await sam.ready();
    await sam.accept(chatId);
    await ada.sees('system', 'Sam has joined the chat.');
    await ada.send('Hello?');
    // The server starts monitoring and answers with the chat so far; before the panel gets that answer, the
    // customer writes and the message comes on the event stream.
    await lead.page.route('**/api/v1/chats/*/monitor', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const response = await route.fetch();
      const heard = frameWith(EARLY);
      await ada.send(EARLY);
      await heard;
      await route.fulfill({ response });
    });
    await lead.page.getByRole('link', { name: 'Team', exact: true }).click();
    await lead.page.getByRole('button', { name: "Monitor Sam's chat 1" }).click();
    const panel = lead.page.getByRole('region', { name: /Monitoring/ });
    await panel.locator('.chat-text').getByText(EARLY, { exact: true }).waitFor();
    await panel.locator('.chat-text').getByText('Hello?', { exact: true }).waitFor();
    assert.equal(await panel.locator('.chat-text').getByText(EARLY, { exact: true }).count(), 1);
    await lead.page.unroute('**/api/v1/chats/*/monitor');
    await ada.send('And now?');
    await panel.locator('.chat-text').getByText('And now?', { exact: true }).waitFor();
    assert.equal(await panel.locator('.chat-line').count(), 3);
  });

  test('leaving the page of the panel stops monitoring and leaves the chat', async () => {
    const panel = lead.page.getByRole('region', { name: /Monitoring/ });
    await panel.getByRole('button', { name: 'Barge in' }).click();
    await ada.sees('system', 'Lena has joined the chat.');
    await lead.page.getByRole('link', { name: 'Queues', exact: true }).click();
    await panel.waitFor({ state: 'detached' });
    // The event stream stays open: only the panel's going away can have taken Lena out.
    await ada.sees('system', 'Lena has left the chat.');
    await screenshot(ada.page, 'monitor-panel-01-supervisor-left');
    assert.deepEqual(lead.errors, []);
  });
});
