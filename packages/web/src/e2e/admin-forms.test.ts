/**
 * Administration forms in a real browser: limits that cannot be typed past, the server's refusal under the
 * field at fault (which takes the focus), a calendar's error naming the day, a chat widget switched to 24×7
 * that saves, and the embed snippet right after a widget is created.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LIMITS } from '@switchboard/core';
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

/** The message the field's aria-describedby points at. */
async function describedError(input: Locator): Promise<string> {
  const id = await input.getAttribute('aria-describedby');
  assert.ok(id, 'the input is described by its error');
  return (await input.page().locator(`[id="${id}"]`).innerText()).trim();
}

const isFocused = (input: Locator) =>
  input.evaluate((element) => element === element.ownerDocument.activeElement);

describe('administration forms', { skip: availability.available ? false : availability.reason }, () => {
  let server: ServerProcess;
  let browser: Browser;

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    browser = await launchBrowser();
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    await admin.request('POST', '/skills', { name: 'Billing' });
    const csq = (await admin.request('POST', '/csqs', {
      name: 'Chat care',
      channel: 'chat',
      criterion: 'longest_available',
      skills: [],
    })) as { id: string };
    const office = OFFICE_HOURS;
    const calendar = (await admin.request('POST', '/calendars', office)) as { id: string };
    await admin.request('POST', '/chat-widgets', {
      name: 'Support site',
      problemStatements: [{ label: 'Help', csqId: csq.id }],
      serviceHours: { calendarId: calendar.id },
    });
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  async function adminPage(section: string): Promise<Page> {
    const { page } = await desk(browser, server.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: section, exact: true }).click();
    return page;
  }

  test('a name cannot be typed past its limit; a taken one is refused under the field, which takes the focus', async () => {
    const page = await adminPage('Skills');
    await page.getByRole('button', { name: 'New skill' }).click();
    const name = page.getByRole('form', { name: 'New skill' }).getByLabel('Name', { exact: true });
    await name.pressSequentially('x'.repeat(LIMITS.skillName.max + 10));
    assert.equal((await name.inputValue()).length, LIMITS.skillName.max);

    await name.fill('billing');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('[aria-invalid="true"]').waitFor();
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    assert.match(
      await describedError(name),
      /^Another skill already has this name \(ignoring upper and lower case\)/,
    );
    assert.ok(await isFocused(name), 'the field at fault has the focus');
    await screenshot(page, 'admin-forms-taken-name');
    await page.context().close();
  });

  test('a calendar error names the day, under that day; weekly hours greyed out by 24×7 do not block saving', async () => {
    const page = await adminPage('Calendars');
    await page.getByRole('button', { name: 'New calendar' }).click();
    const form = page.getByRole('form', { name: 'New calendar' });
    await form.getByLabel('Name', { exact: true }).fill('Late shift');
    const tuesday = form.getByLabel('Tuesday', { exact: true });
    await tuesday.fill('09:00-08:00');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.locator('[aria-invalid="true"]').waitFor();
    assert.equal(await describedError(tuesday), 'Tuesday: the end 08:00 is before the start 09:00.');
    assert.ok(await isFocused(tuesday));
    await screenshot(page, 'admin-forms-calendar-day');

    await form.getByLabel('Hours', { exact: true }).selectOption('24x7');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'Late shift' }).waitFor();
    await page.getByRole('form', { name: 'New calendar' }).waitFor({ state: 'detached' });
    await page.context().close();
  });

  test('a widget switched to 24×7 saves though its closed message (which it never shows) is blank', async () => {
    const page = await adminPage('Chat widgets');
    const row = page.getByRole('row').filter({ hasText: 'Support site' });
    await row.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit chat widget' });
    await form.getByLabel('Off-hours message').fill('');
    await form.getByLabel('Open', { exact: true }).selectOption({ label: 'Always (24×7)' });
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await row.getByRole('cell', { name: '24×7' }).waitFor();
    await page.context().close();
  });

  test('the embed snippet shows with its copy button as soon as a widget is created', async () => {
    const page = await adminPage('Chat widgets');
    await page.getByRole('button', { name: 'New chat widget' }).click();
    const form = page.getByRole('form', { name: 'New chat widget' });
    await form.getByLabel('Name', { exact: true }).fill('Shop');
    await form.getByLabel('Problem statement 1', { exact: true }).fill('Orders');
    await form.getByRole('button', { name: 'Save' }).click();
    const created = page.getByRole('region', { name: 'Chat widget Shop created' });
    await created.getByRole('button', { name: 'Copy snippet' }).waitFor();
    const snippet = await created.locator('pre code').innerText();
    assert.match(
      snippet,
      /<script src="http:\/\/127\.0\.0\.1:\d+\/widget\.js" data-widget="[0-9a-f-]{36}" async><\/script>/,
    );
    await screenshot(page, 'admin-forms-widget-snippet');
    await page.context().close();
  });
});

const NINE_TO_FIVE = [{ start: '09:00', end: '17:00' }];
const OFFICE_HOURS = {
  name: 'Office',
  timeZone: 'UTC',
  mode: 'custom',
  weekly: { monday: NINE_TO_FIVE, tuesday: NINE_TO_FIVE, wednesday: NINE_TO_FIVE },
};
