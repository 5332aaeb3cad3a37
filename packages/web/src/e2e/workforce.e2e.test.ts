/**
 * Workforce management in a real browser against a real server, on the demo tenant: eight weeks of interval
 * history imported, a workload forecast and published from the desktop, its requirements, an agent who stays
 * Not Ready while planned to work turns the adherence board red, a supervisor approves the exception, and the
 * intraday view with a what-if.
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
const PASSWORD = 'Planning-Desk-2026!';
const QUARTER = 15 * 60_000;
const DAY = 86_400_000;

/** Eight weeks of every quarter hour up to the last one closed: 20 calls on weekdays, 8 at weekends. */
function historyCsv(now: number): string {
  const lines = ['Minutes,Calls Presented,Calls Answered,Calls Abandoned,Avg Call Duration'];
  const last = Math.floor(now / QUARTER) * QUARTER;
  for (let at = Math.floor(now / DAY) * DAY - 56 * DAY; at < last; at += QUARTER) {
    const weekday = new Date(at).getUTCDay();
    const calls = weekday === 0 || weekday === 6 ? 8 : 20;
    lines.push(`${new Date(at).toISOString()},${calls},${calls},0,180`);
  }
  return `${lines.join('\n')}\n`;
}

describe('workforce', { skip: availability.available ? false : availability.reason }, () => {
  let server: ServerProcess;
  let browser: Browser;
  let agent: ApiClient;
  let agentId: string;
  const MEETING = 4711;

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    browser = await launchBrowser();
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    const now = Date.now();
    const imported = await fetch(`${server.url}/api/v1/interval-history/imports?minutes=15&queue=Care`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      body: historyCsv(now),
    });
    assert.equal(imported.status, 201, await imported.text());
    await admin.request('POST', '/wfm/workloads', {
      name: 'Care line',
      channel: 'voice',
      basis: 'csq',
      importedQueues: ['Care'],
      target: { kind: 'service_level', percent: 80, seconds: 20 },
      shrinkage: 0.3,
    });
    await admin.request('POST', '/reason-codes', { kind: 'not_ready', code: MEETING, label: 'Side project' });
    const user = await admin.request<{ id: string }>('POST', '/users', {
      username: 'planned.agent',
      displayName: 'Planned Agent',
      role: 'agent',
      password: PASSWORD,
    });
    agentId = user.id;
    await admin.request('PUT', '/wfm/adherence/settings', {
      thresholdSeconds: 0,
      rules: [
        { state: 'ready', activity: 'work' },
        { state: 'reserved', activity: 'work' },
        { state: 'active', activity: 'work' },
        { state: 'work', activity: 'work' },
      ],
      workActivities: ['work'],
    });
    const plan = [
      'agent,start,end,activity,channels',
      `planned.agent,${new Date(now - 3_600_000).toISOString()},${new Date(now + 3 * 3_600_000).toISOString()},work,chat`,
    ].join('\n');
    const planned = await fetch(`${server.url}/api/v1/wfm/planned-activities/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      body: plan,
    });
    assert.equal(planned.status, 201, await planned.text());
    agent = await ApiClient.signIn(server.url, 'demo', 'planned.agent', PASSWORD);
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  test('forecast → requirements → the board turns red → exception approved → intraday and what-if', async () => {
    const { page, errors } = await desk(browser, server.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Workforce' }).click();

    // Forecast from today, publish it.
    const today = new Date().toISOString().slice(0, 10);
    const run = page.getByRole('form', { name: 'Run a forecast' });
    await run.getByLabel('First day').fill(today);
    await run.getByLabel('Days').fill('2');
    await run.getByRole('button', { name: 'Run forecast' }).click();
    const latest = page.getByRole('region', { name: 'Latest forecast' });
    await latest.locator('.status-draft').waitFor({ timeout: 60_000 });
    await latest.getByRole('table', { name: 'Methods' }).waitFor();
    await latest.getByRole('button', { name: 'Publish' }).click();
    await latest.locator('.status-published').waitFor();
    await page.locator('[data-chart="Contacts per interval"] canvas').first().waitFor();
    await screenshot(page, 'wfm-forecast');

    // Requirements of today: 8 to 20 calls of 180 s per quarter hour need agents.
    await page.getByRole('tab', { name: 'Requirements' }).click();
    const requirement = page.getByRole('table', { name: 'Requirement per interval' });
    await requirement.locator('tbody tr').first().waitFor();
    const agents = Number(await requirement.locator('tbody tr').first().locator('td').nth(3).innerText());
    assert.ok(agents >= 2, `agents required: ${agents}`);
    await page.locator('[data-chart="Agents required and logged in"] canvas').first().waitFor();
    await screenshot(page, 'wfm-requirements');

    // The agent, planned to work on chat, goes Not Ready with a code no rule maps: out of adherence.
    await agent.request('PUT', `/agents/${agentId}/state`, { domain: 'digital', state: 'ready' });
    await page.getByRole('tab', { name: 'Adherence' }).click();
    const board = page.getByRole('table', { name: 'Adherence board' });
    const row = board.locator('tr[data-agent="Planned Agent"]');
    await row.waitFor();
    assert.equal(await row.getAttribute('class'), '');
    await agent.request('PUT', `/agents/${agentId}/state`, {
      domain: 'digital',
      state: 'not_ready',
      reasonCode: MEETING,
    });
    await board.locator('tr.out-of-adherence[data-agent="Planned Agent"]').waitFor();
    await screenshot(page, 'wfm-adherence-red');
    await row.getByRole('button', { name: 'Approve exception' }).click();
    await row.getByLabel('Reason').fill('Asked to help the project team');
    await row.getByRole('button', { name: 'Approve' }).click();
    await board.locator('tr[data-agent="Planned Agent"]:not(.out-of-adherence)').waitFor();
    await screenshot(page, 'wfm-adherence-approved');

    // Today: the forecast against the actuals so far, and a what-if with more agents.
    await page.getByRole('tab', { name: 'Intraday' }).click();
    await page.getByRole('table', { name: 'Today per interval' }).locator('tbody tr').first().waitFor();
    const whatIf = page.getByRole('form', { name: 'What if' });
    await whatIf.getByLabel('Agents added (or taken)').fill('6');
    await whatIf.getByRole('button', { name: 'Simulate the rest of today' }).click();
    await page.getByRole('status').filter({ hasText: 'simulated days' }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'wfm-intraday');
    assert.deepEqual(errors, []);
  });
});
