/**
 * An administrator sets up outbound calls: a voice CSQ gets one of the center's numbers as its caller ID (a
 * number deleted meanwhile is refused), and the outbound dial plan on the Desk phones page allows international
 * calls with a limit of 3, while an emergency number that is not one is refused under its field.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OutboundDialPlan } from '@switchboard/core';
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
import type { Browser, Locator, Page } from 'playwright-core';

const availability = chromiumForTests();

interface StoredCsq {
  id: string;
  callerId: string | null;
}

/** Takes the console's record of the refusal the test caused, so that only unexpected errors remain. */
function expectRefusal(errors: string[], status: number) {
  const logged = errors.findIndex((e) => e.includes(`status of ${status}`));
  assert.ok(logged >= 0, errors.join('\n'));
  errors.splice(logged, 1);
}

/** The error shown under the field labelled `label` within `scope`. */
const fieldError = (page: Page, scope: Locator, label: string) =>
  scope.locator('.field-invalid', { has: page.getByLabel(label, { exact: true }) }).locator('.field-error');

describe('outbound calls in administration', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let browser: Browser;
  let admin: ApiClient;
  let voiceCsq: StoredCsq;
  let oldLineId: string;

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    const queue = { criterion: 'longest_available', skills: [] };
    voiceCsq = await admin.request<StoredCsq>('POST', '/csqs', {
      ...queue,
      name: 'Phone line',
      channel: 'voice',
    });
    await admin.request('POST', '/csqs', { ...queue, name: 'Chat care', channel: 'chat' });
    const number = (entry: { number: string; name: string }) =>
      admin.request<{ id: string }>('POST', '/phone-numbers', { ...entry, csqId: voiceCsq.id, flowId: null });
    await number({ number: '+4930123456', name: 'Sales line' });
    oldLineId = (await number({ number: '+4930999999', name: 'Old line' })).id;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  async function adminPage(section: string) {
    const opened = await desk(browser, server.url);
    await signIn(opened.page, 'admin', ADMIN_PASSWORD);
    await opened.page.getByRole('link', { name: 'Administration' }).click();
    await opened.page.getByRole('link', { name: section, exact: true }).click();
    return opened;
  }

  test("a voice CSQ presents one of the center's numbers on its outbound calls", async () => {
    const { page, errors } = await adminPage('Queues (CSQs)');
    const callerId = 'Caller ID for outbound calls';

    await page
      .getByRole('row', { name: /Chat care/ })
      .getByRole('button', { name: 'Edit' })
      .click();
    await page.getByRole('form', { name: 'Edit CSQ' }).waitFor();
    assert.equal(await page.getByLabel(callerId).count(), 0, 'a chat CSQ has no caller ID');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page
      .getByRole('row', { name: /Phone line/ })
      .getByRole('button', { name: 'Edit' })
      .click();
    const form = page.getByRole('form', { name: 'Edit CSQ' });
    const select = form.getByLabel(callerId);
    assert.equal(await select.inputValue(), '', 'none yet');
    assert.deepEqual(await select.locator('option').allInnerTexts(), [
      'None',
      '+4930123456 — Sales line',
      '+4930999999 — Old line',
    ]);
    await select.selectOption({ label: '+4930123456 — Sales line' });
    await screenshot(page, 'admin-csq-caller-id');

    // A number deleted after the form opened: the server refuses it, and the form says why.
    await admin.request('DELETE', `/phone-numbers/${oldLineId}`);
    await select.selectOption({ label: '+4930999999 — Old line' });
    await form.getByRole('button', { name: 'Save' }).click();
    const refusal = fieldError(page, form, callerId);
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /\+4930999999 is not one of this center's numbers/);
    expectRefusal(errors, 400);

    await select.selectOption({ label: '+4930123456 — Sales line' });
    await form.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('row', { name: /Phone line/ })
      .getByRole('cell', { name: '+4930123456' })
      .waitFor();
    const stored = await admin.request<StoredCsq>('GET', `/csqs/${voiceCsq.id}`);
    assert.equal(stored.callerId, '+4930123456');
    assert.deepEqual(errors, []);
  });

  test('the outbound dial plan allows international calls, 3 at most, and refuses an emergency number that is not one', async () => {
    const { page, errors } = await adminPage('Desk phones');
    const plan = page.getByRole('form', { name: 'Outbound calls' });
    const save = plan.getByRole('button', { name: 'Save outbound calls' });
    assert.equal(await plan.getByLabel('Dial patterns (one per line)').inputValue(), 'X!\n+X!');
    assert.equal(await plan.getByLabel('Emergency numbers').inputValue(), '112, 911');
    assert.equal(await save.isDisabled(), true, 'nothing to save yet');

    await plan.getByLabel('Allow international calls').check();
    await plan.getByLabel('Outbound calls in progress at most').fill('3');
    await save.click();
    await plan.getByText('Saved.').waitFor();
    const tenant = await admin.request<{ settings: { voice: { outbound: OutboundDialPlan } } }>(
      'GET',
      '/tenant',
    );
    assert.deepEqual(tenant.settings.voice.outbound, {
      patterns: ['X!', '+X!'],
      international: true,
      countryCode: null,
      internationalPrefixes: ['00', '011'],
      outsideLinePrefix: null,
      emergencyNumbers: ['112', '911'],
      maxConcurrentCalls: 3,
    });

    const emergency = plan.getByLabel('Emergency numbers');
    await emergency.fill('112, 1');
    await save.click();
    const refusal = fieldError(page, plan, 'Emergency numbers');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /Emergency numbers.*2–6 digits/i);
    expectRefusal(errors, 400);
    assert.equal(
      await emergency.evaluate((element) => element === element.ownerDocument.activeElement),
      true,
      'the field at fault takes the focus',
    );
    await screenshot(page, 'admin-outbound-dial-plan');
    const unchanged = await admin.request<{ settings: { voice: { outbound: OutboundDialPlan } } }>(
      'GET',
      '/tenant',
    );
    assert.deepEqual(unchanged.settings.voice.outbound.emergencyNumbers, ['112', '911']);
    assert.deepEqual(errors, []);
  });
});
