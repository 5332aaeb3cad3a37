/**
 * An administrator sets the tenant's extension pattern and adds a desk phone: an extension outside the pattern
 * is refused under its field, the phone added shows its SIP credentials once, a new password replaces them, and
 * a pattern the phone no longer fits is refused naming its extension. An agent then signs in with its extension.
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

const availability = chromiumForTests();

interface StoredPhone {
  extension: string;
  name: string;
  sipUsername: string;
  agentId: string | null;
}

/** Takes the console's record of the refusal the test caused, so that only unexpected errors remain. */
function expectRefusal(errors: string[], status: number) {
  const logged = errors.findIndex((e) => e.includes(`status of ${status}`));
  assert.ok(logged >= 0, errors.join('\n'));
  errors.splice(logged, 1);
}

const credentialsOf = async (page: Page) => ({
  sipUsername: await page.getByTestId('sip-username').innerText(),
  password: await page.getByTestId('sip-password').innerText(),
});

describe('desk phones in administration', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let browser: Browser;
  let admin: ApiClient;

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  test('a phone is added within the extension pattern and its credentials are shown once', async () => {
    const { page, errors } = await desk(browser, server.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Desk phones' }).click();

    const patternForm = page.getByRole('form', { name: 'Extension pattern' });
    const pattern = patternForm.getByLabel('Pattern');
    assert.equal(await pattern.inputValue(), 'X!');
    await pattern.fill('2X!X');
    await page.getByRole('button', { name: 'Save pattern' }).click();
    const syntax = patternForm.locator('.field-invalid .field-error');
    await syntax.waitFor();
    assert.match(await syntax.innerText(), /"!" at position 3 .* can only come last/);
    expectRefusal(errors, 400);
    await pattern.fill('2XXX');
    await page.getByRole('button', { name: 'Save pattern' }).click();
    await page.getByText('Saved.').waitFor();

    await page.getByRole('button', { name: 'New desk phone' }).click();
    await page.getByLabel('Extension', { exact: true }).fill('3001');
    await page.getByLabel('Name', { exact: true }).fill('Reception');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const refusal = page
      .locator('.field-invalid', { has: page.getByLabel('Extension', { exact: true }) })
      .locator('.field-error');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /3001 does not fit the tenant's extension pattern "2XXX"/);
    expectRefusal(errors, 400);

    await page.getByLabel('Extension', { exact: true }).fill('2001');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const shown = page.getByRole('alert', { name: 'Credentials of desk phone 2001 (Reception)' });
    await shown.waitFor();
    await shown.getByText('Shown only now').waitFor();
    const first = await credentialsOf(page);
    assert.equal(first.sipUsername, 'demo-2001');
    assert.match(first.password, /^[A-Z2-9]{24}$/);
    assert.equal(await shown.locator('dd').nth(2).innerText(), 'switchboard');
    const row = page.getByRole('row', { name: /2001/ });
    await row.getByRole('cell', { name: 'Reception' }).waitFor();
    await screenshot(page, 'admin-desk-phones');
    const stored = await admin.request<StoredPhone[]>('GET', '/desk-phones');
    assert.deepEqual(
      stored.map((p) => [p.extension, p.name, p.sipUsername, p.agentId]),
      [['2001', 'Reception', 'demo-2001', null]],
    );
    assert.ok(!JSON.stringify(stored).includes(first.password), 'the list never holds the password');

    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'New password' }).click();
    await page.getByRole('heading', { name: 'New password for desk phone 2001 (Reception)' }).waitFor();
    const second = await credentialsOf(page);
    assert.equal(second.sipUsername, 'demo-2001');
    assert.notEqual(second.password, first.password);
    await page.getByRole('button', { name: 'Done' }).click();
    assert.equal(await page.getByTestId('sip-password').count(), 0, 'gone once dismissed');

    await pattern.fill('3XXX');
    await page.getByRole('button', { name: 'Save pattern' }).click();
    await page.getByText(/extension\(s\) 2001 do not fit the pattern "3XXX"/).waitFor();
    expectRefusal(errors, 409);
    const tenant = await admin.request<{ settings: { voice: { extensionPattern: string } } }>(
      'GET',
      '/tenant',
    );
    assert.equal(tenant.settings.voice.extensionPattern, '2XXX');
    assert.deepEqual(errors, []);
  });

  test('an agent at desk 2001 has their calls ring its phone, and takes them in the browser again', async () => {
    const agent = { username: 'hana', password: 'Hot-desk-password-1' };
    await admin.request('POST', '/users', { ...agent, displayName: 'Hana Desk', role: 'agent' });
    const { page, errors } = await desk(browser, server.url);
    await signIn(page, agent.username, agent.password);
    const where = page.getByRole('region', { name: 'Where calls ring' });
    await where.getByText('Calls ring in this browser.').waitFor();
    await where.getByLabel('Desk phone extension').fill('2999');
    await where.getByRole('button', { name: 'Use desk phone' }).click();
    await where.getByText('No desk phone has extension 2999.').waitFor();
    expectRefusal(errors, 404);
    await where.getByLabel('Desk phone extension').fill('2001');
    await where.getByRole('button', { name: 'Use desk phone' }).click();
    await where.getByText('which is not registered: they ring here meanwhile').waitFor();
    await screenshot(page, 'agent-desk-phone');
    const [phone] = await admin.request<StoredPhone[]>('GET', '/desk-phones');
    assert.equal(phone?.agentId !== null, true, 'the phone is the agent’s');
    await where.getByRole('button', { name: 'Take calls in the browser' }).click();
    await where.getByText('Calls ring in this browser.').waitFor();
    assert.deepEqual(errors, []);
  });
});
