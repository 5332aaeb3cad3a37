/**
 * The supervisor's queue view warns past a CSQ's threshold (colour, icon and words, and one alert per
 * crossing), its chart has a scale, and the team view shows each agent's figures today.
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
import type { Browser, Page } from 'playwright-core';
import { duration } from '../ui/format.ts';

const availability = chromiumForTests();
const PASSWORD = 'Queue-watcher-1';

describe('supervisor: queue thresholds and agents today', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let browser: Browser;
  let supervisor: { page: Page; errors: string[] };
  let api: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
  const chats: string[] = [];
  const chat = async () => {
    const { chatId } = await api<{ chatId: string }>('POST', '/chats', {
      csqId: csq.id,
      customer: { name: `Customer ${chats.length + 1}` },
    });
    chats.push(chatId);
  };
  let csq: { id: string };

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    browser = await launchBrowser();
    const client = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    api = (method, path, body) => client.request(method, path, body);
    const sue = await api<{ id: string }>('POST', '/users', {
      username: 'sue',
      displayName: 'Sue Supervisor',
      role: 'supervisor',
      password: PASSWORD,
    });
    const team = await api<{ id: string }>('POST', '/teams', { name: 'Care', primarySupervisorId: sue.id });
    await api('POST', '/users', {
      username: 'ann',
      displayName: 'Ann Agent',
      role: 'agent',
      password: PASSWORD,
      teamId: team.id,
    });
    csq = await api<{ id: string }>('POST', '/csqs', {
      name: 'Billing chat',
      channel: 'chat',
      criterion: 'longest_available',
      skills: [],
    });
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  test('an administrator sets a waiting threshold of 1 on the CSQ form', async () => {
    const { page } = await desk(browser, server.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Queues (CSQs)' }).click();
    await page
      .getByRole('row', { name: /Billing chat/ })
      .getByRole('button', { name: 'Edit' })
      .click();
    await page.getByLabel('Contacts waiting above').fill('1');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/csqs/${csq.id}`) && r.request().method() === 'PATCH',
    );
    await page.getByRole('button', { name: 'Save' }).click();
    assert.equal((await saved).status(), 200);
    const stored = await api<{ thresholds: Record<string, number | null> }>('GET', `/csqs/${csq.id}`);
    assert.deepEqual(stored.thresholds, {
      serviceLevelBelowPercent: null,
      longestWaitAboveSeconds: null,
      waitingAbove: 1,
    });
  });

  test('two contacts waiting: the figure is red with a cue in words, and one alert says so until dismissed', async () => {
    supervisor = await desk(browser, server.url);
    const { page } = supervisor;
    await signIn(page, 'sue', PASSWORD);
    await page.getByRole('link', { name: 'Queues' }).click();
    const row = page.locator('tr[data-queue="Billing chat"]');
    const waiting = row.getByTestId('queue-waiting');
    await waiting.filter({ hasText: '0' }).waitFor();
    assert.equal(await waiting.getAttribute('data-level'), 'ok');

    await chat();
    await row.locator('[data-testid="queue-waiting"][data-level="near"]').waitFor();
    assert.match(await waiting.innerText(), /1/);
    await chat();
    await row.locator('[data-testid="queue-waiting"][data-level="past"]').waitFor();
    assert.match(await waiting.innerText(), /2/);
    assert.match((await waiting.textContent()) ?? '', /past its threshold/);
    const alerts = page.getByRole('alert').filter({ hasText: 'Billing chat' });
    await alerts.first().waitFor();
    assert.match(await alerts.first().innerText(), /Billing chat: 2 contacts waiting, above 1/);
    await screenshot(page, 'supervisor-queue-alert');

    // Still past after the next refresh: the same crossing raises no second alert.
    await chat();
    await row.locator('[data-testid="queue-waiting"][data-level="past"]', { hasText: '3' }).waitFor();
    assert.equal(await alerts.count(), 1);
    await alerts
      .first()
      .getByRole('button', { name: /Dismiss/ })
      .click();
    await alerts.first().waitFor({ state: 'detached' });
  });

  test('the chart of the last five minutes labels its lowest and highest value and its time span', async () => {
    const chart = supervisor.page.locator('tr[data-queue="Billing chat"] svg.sparkline');
    const label = (await chart.getAttribute('aria-label')) ?? '';
    const [, lowest, highest] = /lowest (\d+), highest (\d+)/.exec(label) ?? [];
    assert.ok(lowest !== undefined && highest !== undefined, label);
    assert.equal(await chart.getByTestId('sparkline-max').textContent(), highest);
    assert.equal(await chart.getByTestId('sparkline-min').textContent(), lowest);
    assert.equal(await chart.getByTestId('sparkline-span').textContent(), '−5 min');
    assert.match(label, /^Contacts waiting in Billing chat, last 5 min: now \d+/);
  });

  test('after the agent handles a contact, the team view shows 1 handled and its handle time', async () => {
    const agent = await desk(browser, server.url);
    await signIn(agent.page, 'ann', PASSWORD);
    const { page } = supervisor;
    await page.getByRole('link', { name: 'Team', exact: true }).click();
    const ann = page.locator('tr[data-agent="ann"]');
    await ann.getByTestId('agent-handled-today').filter({ hasText: '0' }).waitFor();
    assert.equal(await ann.getByTestId('agent-aht-today').innerText(), '—');

    await agent.page
      .getByRole('region', { name: 'Chat & email' })
      .getByRole('button', { name: 'Ready', exact: true })
      .click();
    const first = chats[0] ?? '';
    const card = agent.page.locator(`[data-contact-id="${first}"]`);
    await card.getByRole('button', { name: 'Accept' }).click();
    await card.getByText('In progress').waitFor();
    await card.getByRole('button', { name: 'End and wrap up' }).click();
    await card.getByLabel(/Wrap-up reasons/).fill('Billing');
    await card.getByRole('button', { name: 'Finish wrap-up' }).click();

    await ann.getByTestId('agent-handled-today').filter({ hasText: '1' }).waitFor();
    const events = await api<{ type: string; at: string }[]>('GET', `/contacts/${first}/events`);
    const at = (type: string) => Date.parse(events.find((e) => e.type === type)?.at ?? '');
    const handleSeconds = Math.round((at('contact.wrap_up_ended') - at('contact.accepted')) / 1000);
    assert.equal(await ann.getByTestId('agent-aht-today').innerText(), duration(handleSeconds));
    assert.match(
      await ann.getByTestId('agent-states-today').innerText(),
      /Chat & email: Ready \d+:\d\d · Not ready/,
    );
    await screenshot(page, 'supervisor-team-today');
    assert.deepEqual(
      supervisor.errors.filter((e) => !/status of 4\d\d/.test(e)),
      [],
    );
  });
});
