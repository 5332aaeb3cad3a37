/**
 * Reports in a real browser against a real server: contacts seeded through the API and captured at once, the
 * CSQ activity report with its table and charts, the contacts behind a figure and one contact's journey, the
 * CSV export, the shareable link, the reporting settings, and the wallboard.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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
const CHATS = 3;

describe('reports', { skip: availability.available ? false : availability.reason }, () => {
  let server: ServerProcess;
  let browser: Browser;

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    browser = await launchBrowser();
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    const csq = await admin.request<{ id: string }>('POST', '/csqs', {
      name: 'Web chat',
      channel: 'chat',
      criterion: 'longest_available',
      skills: [],
      thresholds: { serviceLevelBelowPercent: null, longestWaitAboveSeconds: null, waitingAbove: 1 },
    });
    for (let i = 0; i < CHATS; i++)
      await admin.request('POST', '/chats', { csqId: csq.id, customer: { name: `Customer ${i}` } });
    const captured = await admin.request<{ intervals: number }>('POST', '/reports/capture');
    assert.ok(captured.intervals > 0);
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  test('a report shows its table and charts, drills down to a journey, exports and reopens from its link', async () => {
    const { page, context, errors } = await desk(browser, server.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('button', { name: 'Run report' }).click();

    const table = page.getByRole('table', { name: 'CSQ activity' });
    const offered = table.getByTitle('Contacts: Offered');
    await offered.first().waitFor();
    assert.equal(await offered.count(), 1, 'one interval has contacts');
    assert.equal(await offered.innerText(), String(CHATS));
    await page.locator('[data-chart="Service level per interval"] canvas').first().waitFor();
    await page.locator('[data-chart="Offered and answered per interval"] canvas').first().waitFor();
    await screenshot(page, 'reports');

    await offered.click();
    const contacts = page.getByRole('table', { name: 'Contacts' });
    await contacts
      .locator('tbody tr')
      .nth(CHATS - 1)
      .waitFor();
    assert.equal(await contacts.locator('tbody tr').count(), CHATS);
    await contacts.getByRole('button', { name: 'Journey' }).first().click();
    const steps = page.getByRole('list', { name: 'Steps' });
    await steps.getByText('Queued').first().waitFor();
    await page.getByRole('heading', { name: /Journey of contact/ }).scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-journey');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const lines = (await readFile(await (await downloading).path(), 'utf8')).trimEnd().split('\n');
    assert.match(lines[0] ?? '', /csqName/);
    assert.ok(lines.some((line) => line.includes('Web chat')));

    // A link opened in another tab asks for the sign-in first (sessions are per tab), then shows the report.
    const link = await page.getByLabel('Shareable link').inputValue();
    const other = await context.newPage();
    await other.goto(link);
    await other.getByLabel('Tenant').fill('demo');
    await other.getByLabel('Username').fill('admin');
    await other.getByLabel('Password').fill(ADMIN_PASSWORD);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByRole('table', { name: 'CSQ activity' }).getByTitle('Contacts: Offered').waitFor();
    await other.close();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a report saved under a name opens again', async () => {
    const { page, context } = await desk(browser, server.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.goto('/reports?template=agent-summary&from=2026-01-01&to=2026-01-07&summarize=true');
    await page.getByText('Saved reports').click();
    await page.getByLabel('Save current as').fill('First week by agent');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'First week by agent', exact: true }).waitFor();
    await page.goto('/reports');
    await page.getByText('Saved reports').click();
    await page.getByRole('button', { name: 'First week by agent', exact: true }).click();
    await page.getByRole('heading', { name: /Agent summary, 2026-01-01 – 2026-01-07, summarized/ }).waitFor();
    await context.close();
  });

  test('the wallboard shows each CSQ large, coloured past its thresholds', async () => {
    const { page, context, errors } = await desk(browser, server.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Wallboard' }).click();
    const waiting = page.getByTestId('wallboard-tile').filter({ hasText: 'Waiting' });
    await waiting.waitFor();
    assert.match(await waiting.innerText(), new RegExp(`^${CHATS}`));
    assert.equal(await waiting.getAttribute('data-level'), 'past');
    await screenshot(page, 'wallboard');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('reporting settings are changed in administration', async () => {
    const { page, context, errors } = await desk(browser, server.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Reporting' }).click();
    await page.getByLabel('Time zone').fill('Europe/Berlin');
    await page.getByLabel('Short abandon (seconds, 0–120)').fill('5');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await screenshot(page, 'reporting-settings');
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/not an IANA time zone/).waitFor();
    assert.equal(errors.filter((e) => !e.includes('400')).length, 0);
    await context.close();
  });
});
