/**
 * Interval history in a real browser against a real server: an administrator checks a small CSV whose
 * "Handled" column the names do not match, maps it to Calls Answered from the dropdown, sees the preview
 * without errors, imports, and the rows are there to export.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
const CSV = [
  'Minutes,Queue,Calls Presented,Handled,Calls Abandoned,Avg Call Duration',
  '2026-03-02T08:00:00Z,Sales,12,10,2,3:05',
  '2026-03-02T08:15:00Z,Sales,9,9,0,2:40',
  '2026-03-02T08:30:00Z,Sales,15,13,2,3:20',
].join('\n');

describe('interval history import', { skip: availability.available ? false : availability.reason }, () => {
  let server: ServerProcess;
  let browser: Browser;
  let dir: string;

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    browser = await launchBrowser();
    dir = await mkdtemp(join(tmpdir(), 'switchboard-intervals-'));
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('a CSV is checked, a column mapped, previewed and imported', async () => {
    const file = join(dir, 'march.csv');
    await writeFile(file, CSV);
    const { page, context, errors } = await desk(browser, server.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Interval history' }).click();
    await page.getByLabel('File', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Check file' }).click();
    const problems = page.getByRole('region', { name: 'Errors' });
    await problems.getByText('line 1: no column for Calls Answered; map one of: Handled').waitFor();

    await page.getByLabel('Read Handled as').selectOption('answered');
    await problems.waitFor({ state: 'detached' });
    const rows = page.getByRole('table', { name: 'First rows' }).locator('tbody tr');
    await rows.nth(2).waitFor();
    assert.match(await rows.first().innerText(), /Sales\s+12\s+10\s+2\s+185/);
    await screenshot(page, 'interval-import');

    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await page.getByRole('status').getByText('Imported 3 rows: 3 new, 0 replaced.').waitFor();

    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    const history = await admin.request<{ rows: unknown[] }>(
      'GET',
      '/interval-history?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z',
    );
    assert.equal(history.rows.length, 3);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
