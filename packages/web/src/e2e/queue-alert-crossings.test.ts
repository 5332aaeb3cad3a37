/**
 * A queue figure that keeps crossing its threshold, back and forth, shows one alert for that CSQ and figure:
 * each new crossing replaces the earlier alert instead of piling up another.
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
  signIn,
} from '@switchboard/testing';
import type { Browser } from 'playwright-core';

const availability = chromiumForTests();
const PASSWORD = 'Queue-watcher-2';

describe('supervisor: queue alerts on repeated crossings', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let browser: Browser;
  let api: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
  let csq: { id: string };

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    browser = await launchBrowser();
    const client = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    api = (method, path, body) => client.request(method, path, body);
    await api('POST', '/users', {
      username: 'sid',
      displayName: 'Sid Supervisor',
      role: 'supervisor',
      password: PASSWORD,
    });
    // Sid supervises no team: the tenant lets supervisors watch every queue.
    await api('PATCH', '/tenant/settings', { reporting: { supervisorScope: 'tenant' } });
    csq = await api<{ id: string }>('POST', '/csqs', {
      name: 'Refunds chat',
      channel: 'chat',
      criterion: 'longest_available',
      skills: [],
      thresholds: { waitingAbove: 1 },
    });
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  test('three crossings of the same figure: one alert, the latest', async () => {
    const { page, errors } = await desk(browser, server.url);
    await signIn(page, 'sid', PASSWORD);
    await page.getByRole('link', { name: 'Queues' }).click();
    const row = page.locator('tr[data-queue="Refunds chat"]');
    const level = (name: string) => row.locator(`[data-testid="queue-waiting"][data-level="${name}"]`);
    const chat = async (n: number) =>
      (
        await api<{ chatId: string }>('POST', '/chats', {
          csqId: csq.id,
          customer: { name: `Customer ${n}` },
        })
      ).chatId;
    await chat(0);
    await level('near').waitFor();
    const alerts = page.getByRole('alert').filter({ hasText: 'Refunds chat' });
    for (let crossing = 1; crossing <= 3; crossing++) {
      const second = await chat(crossing);
      await level('past').waitFor();
      await alerts.first().waitFor();
      assert.equal(await alerts.count(), 1, `crossing ${crossing}`);
      assert.match(await alerts.first().innerText(), /Refunds chat: 2 contacts waiting, above 1/);
      await api('POST', `/contacts/${second}/end`);
      await level('near').waitFor();
    }
    assert.equal(await alerts.count(), 1);
    assert.deepEqual(
      errors.filter((e) => !/status of 4\d\d/.test(e)),
      [],
    );
  });
});
