/**
 * An administrator builds a call flow in the structured form: a refused save names the step and the field,
 * renaming a step keeps the exits that lead to it, and every save is a new version.
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

interface StoredFlow {
  name: string;
  version: number;
  definition: { start: string; steps: Record<string, { type: string; next?: string; csqId?: string }> };
}

describe('call flows in administration', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let browser: Browser;
  let admin: ApiClient;
  let phoneLine: string;

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    phoneLine = (
      await admin.request<{ id: string }>('POST', '/csqs', {
        name: 'Phone line',
        channel: 'voice',
        criterion: 'longest_available',
        skills: [],
      })
    ).id;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  test('a flow built step by step: a refusal shows in its step; a renamed step keeps its exits; saves are versions', async () => {
    const { page, errors } = await desk(browser, server.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Call flows' }).click();
    await page.getByRole('button', { name: 'New call flow' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Main line');
    const greeting = page.getByRole('group', { name: 'Step greeting' });
    await greeting.getByLabel('Messages (one per line, spoken in turn)').fill('Thank you for calling.');
    await page.getByRole('button', { name: 'Add a step' }).click();
    const second = page.getByRole('group', { name: 'Step step2' });
    await second.getByLabel('Does').selectOption({ label: 'Queue for an agent' });
    await second.getByLabel('Voice CSQ').selectOption({ label: 'Phone line' });
    await second.getByLabel('Welcome (optional)').fill('Please hold.');
    await second.getByLabel('Step name').fill('queue');

    // The greeting leads nowhere yet: the server's reason shows under the field in that step.
    await page.getByRole('button', { name: 'Save' }).click();
    const refusal = greeting
      .locator('.field-invalid', { has: page.getByLabel('Then') })
      .locator('.field-error');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /next must name the step to go to/);
    await screenshot(page, 'admin-call-flow-refused');
    const logged = errors.findIndex((e) => /status of 400/.test(e));
    assert.ok(logged >= 0, errors.join('\n'));
    errors.splice(logged, 1);

    await greeting.getByLabel('Then').selectOption({ label: 'queue' });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'Main line' }).waitFor();
    const [first] = await admin.request<StoredFlow[]>('GET', '/call-flows');
    assert.equal(first?.version, 1);
    assert.equal(first?.definition.start, 'greeting');
    assert.equal(first?.definition.steps.greeting?.next, 'queue');
    assert.equal(first?.definition.steps.queue?.csqId, phoneLine);

    await page
      .getByRole('row', { name: /Main line/ })
      .getByRole('button', { name: 'Edit' })
      .click();
    await page.getByRole('group', { name: 'Step queue' }).getByLabel('Step name').fill('agents');
    await screenshot(page, 'admin-call-flow');
    await page.getByRole('button', { name: 'Save' }).click();
    // The Version column (the Steps column also reads 2, before and after the save).
    await page
      .getByRole('row', { name: /Main line/ })
      .getByRole('cell')
      .nth(1)
      .filter({ hasText: /^2$/ })
      .waitFor();
    const [second2] = await admin.request<StoredFlow[]>('GET', '/call-flows');
    assert.equal(second2?.version, 2);
    assert.equal(second2?.definition.steps.greeting?.next, 'agents');
    assert.deepEqual(Object.keys(second2?.definition.steps ?? {}).sort(), ['agents', 'greeting']);
    // Shown again in the order a call meets the steps, whatever order the stored JSON keeps.
    await page
      .getByRole('row', { name: /Main line/ })
      .getByRole('button', { name: 'Edit' })
      .click();
    assert.deepEqual(await page.locator('fieldset.flow-step > legend').allInnerTexts(), [
      'greeting',
      'agents',
    ]);
    const agents = page.getByRole('group', { name: 'Step agents' });
    assert.equal(await agents.getByLabel('Welcome (optional)').inputValue(), 'Please hold.');
    assert.deepEqual(errors, []);
  });
});
