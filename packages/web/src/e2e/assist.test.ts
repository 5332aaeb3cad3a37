/**
 * Supervisor assist end to end in real browsers against a real server process: an agent in a web chat presses
 * Help; the primary supervisor of the agent's team sees the alert (who, which customer, which queue), answers
 * it, and the agent reads who is on it.
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
  desk,
  launchBrowser,
  ServerProcess,
  screenshot,
  setUpChatCenter,
  signIn,
} from '@switchboard/testing';
import type { Browser, Page } from 'playwright-core';

const availability = chromiumForTests();
const SUPERVISOR = { username: 'petra', displayName: 'Petra Primary', password: 'Petra-supervisor-pw-1' };

describe('supervisor assist in real browsers', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let admin: ApiClient;
  let center: ChatCenter;
  let site: Awaited<ReturnType<typeof customerSite>>;
  let browser: Browser;
  let sam: AgentDesk;
  let petra: { page: Page; errors: string[] };
  let ada: Customer;

  before(async () => {
    await buildWidget();
    await buildDesktop();
    server = await ServerProcess.create();
    admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    center = await setUpChatCenter(admin);
    const supervisor = await admin.request<{ id: string }>('POST', '/users', {
      ...SUPERVISOR,
      role: 'supervisor',
    });
    const team = await admin.request<{ id: string }>('POST', '/teams', {
      name: 'Front line',
      primarySupervisorId: supervisor.id,
    });
    await admin.request('PATCH', `/users/${center.sam.id}`, { teamId: team.id });
    site = await customerSite(server.url);
    browser = await launchBrowser();
    const supervisorDesk = await desk(browser, server.url);
    petra = supervisorDesk;
    await signIn(petra.page, SUPERVISOR.username, SUPERVISOR.password);
    sam = await AgentDesk.signIn(browser, server.url, center.sam);
    ada = await Customer.visit(browser, site.url, center.widgetId);
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await server?.destroy();
  });

  test('the agent presses Help; the primary supervisor sees the alert and answers; the agent sees who', async () => {
    const { chatId } = await ada.startChat('Ada Lovelace');
    await sam.ready();
    await sam.accept(chatId);
    const card = sam.card(chatId);
    await card.getByRole('button', { name: 'Help', exact: true }).click();
    await card
      .getByRole('status')
      .filter({ hasText: 'Help requested — waiting for Petra Primary…' })
      .waitFor();
    await card.getByRole('button', { name: 'Cancel request' }).waitFor();

    const alert = petra.page.getByRole('alert').filter({ hasText: 'Help: Samantha Reyes' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /Ada Lovelace · Web chat · asked/);
    await screenshot(petra.page, 'assist-01-supervisor-alert');
    await alert.getByRole('button', { name: 'Open' }).click();
    await alert.getByRole('definition').filter({ hasText: 'chat' }).first().waitFor();
    await alert.getByRole('button', { name: 'Monitor' }).click();
    await alert.getByRole('heading', { name: 'Monitoring Ada Lovelace' }).waitFor();
    await alert.getByRole('button', { name: 'Answer' }).click();
    await alert.waitFor({ state: 'detached' });

    await card.getByRole('status').filter({ hasText: 'Petra Primary is on it' }).waitFor();
    assert.equal(await card.getByRole('button', { name: 'Cancel request' }).count(), 0);
    await screenshot(sam.page, 'assist-02-agent-sees-who-answered');
  });

  test('no page logged an error, and none opened a dialog', () => {
    assert.deepEqual([...sam.errors, ...petra.errors, ...ada.errors], []);
    assert.deepEqual(sam.dialogs, []);
  });
});
