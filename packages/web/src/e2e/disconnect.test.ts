/**
 * An agent who closes the desktop while Ready: after the tenant's grace period the supervisor's team view
 * shows them Not Ready with the system reason "Connection lost", so offers stop ringing out at an empty desk.
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
const PASSWORD = 'Desk-password-1';

describe('a closed desktop', { skip: availability.available ? false : availability.reason }, () => {
  let server: ServerProcess;
  let browser: Browser;
  let api: <T>(method: string, path: string, body?: unknown) => Promise<T>;

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
    // The shortest grace the product allows, so the test waits seconds rather than a minute.
    await api('PATCH', '/tenant/settings', { presence: { disconnectGraceSeconds: 10 } });
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  test('the agent closes the page while Ready; after the grace the supervisor sees Not Ready (Connection lost)', async () => {
    const agent = await desk(browser, server.url);
    const supervisor = await desk(browser, server.url);
    await signIn(agent.page, 'ann', PASSWORD);
    await signIn(supervisor.page, 'sue', PASSWORD);
    await supervisor.page.getByRole('link', { name: 'Team', exact: true }).click();
    const annDigital = supervisor.page.locator('tr[data-agent="ann"] [data-testid="agent-digital"]');

    await agent.page
      .getByRole('region', { name: 'Chat & email' })
      .getByRole('button', { name: 'Ready', exact: true })
      .click();
    await annDigital.filter({ hasText: /^Ready/ }).waitFor();

    await agent.page.close();
    // The grace (10 s) plus at most one sweep (5 s) later.
    await annDigital.filter({ hasText: 'Not ready (Connection lost)' }).waitFor({ timeout: 30_000 });
    await screenshot(supervisor.page, 'supervisor-team-connection-lost');
  });

  test('an administrator sets the grace and picks the Not Ready reason on the Desktop presence page', async () => {
    const away = await api<{ id: string }>('POST', '/reason-codes', {
      kind: 'not_ready',
      code: 9,
      label: 'Away',
    });
    const admin = await desk(browser, server.url);
    await signIn(admin.page, 'admin', ADMIN_PASSWORD);
    await admin.page.getByRole('link', { name: 'Administration' }).click();
    await admin.page.getByRole('link', { name: 'Desktop presence' }).click();
    const grace = admin.page.getByLabel('Disconnect grace (seconds, 10–600)');
    await grace.fill('45');
    await admin.page.getByLabel('Not Ready reason').selectOption({ label: 'Away (9)' });
    await admin.page.getByRole('button', { name: 'Save' }).click();
    await admin.page.getByText('Saved.').waitFor();
    await screenshot(admin.page, 'admin-desktop-presence');
    const tenant = await api<{ settings: { presence: Record<string, unknown> } }>('GET', '/tenant');
    assert.deepEqual(tenant.settings.presence, {
      disconnectGraceSeconds: 45,
      disconnectReasonCodeId: away.id,
    });
    assert.deepEqual(admin.errors, []);
  });
});
