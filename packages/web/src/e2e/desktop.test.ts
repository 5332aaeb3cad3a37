/**
 * The desktop in a real browser (Debian's Chromium driven by playwright-core) against a real server process:
 * an administrator configures, an agent takes a contact from Ready to wrap-up, a supervisor in a second
 * context watches it live and broadcasts team messages, and every desktop survives a server restart.
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
const AGENT_PASSWORD = 'Agent-password-1';
const SUPERVISOR_PASSWORD = 'Super-password-1';
/** Chromium reports a refused WebSocket as a console error: expected while the server is down, nowhere else. */
const DURING_RESTART =
  /WebSocket connection to .* failed|Failed to load resource: net::ERR_CONNECTION_REFUSED/;

describe('desktop in a real browser', { skip: availability.available ? false : availability.reason }, () => {
  let server: ServerProcess;
  let browser: Browser;
  let admin: { page: Page; errors: string[] };
  let agent: { page: Page; errors: string[] };
  let supervisor: { page: Page; errors: string[] };
  /** The REST API as a script uses it: to create contacts, and to check what the screens claim. */
  let api: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
  let csqId = '';
  let sueId = '';

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    browser = await launchBrowser();
    const client = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    api = (method, path, body) => client.request(method, path, body);
    // The supervisor and their team come through the API; the screens under test create the rest.
    const sue = await api<{ id: string }>('POST', '/users', {
      username: 'sue',
      displayName: 'Sue Supervisor',
      role: 'supervisor',
      password: SUPERVISOR_PASSWORD,
    });
    sueId = sue.id;
    await api('POST', '/teams', { name: 'Care', primarySupervisorId: sue.id });
    // Not Ready and logout codes are numbered apart: the same number may stand for both.
    await api('POST', '/reason-codes', { kind: 'logout', code: 7, label: 'End of shift' });
    await api('POST', '/reason-codes', { kind: 'not_ready', code: 7, label: 'Break' });
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  test('an administrator creates a skill, CSQs (one recording its calls) and an agent; a refused field shows its reason beside it', async () => {
    admin = await desk(browser, server.url);
    const { page } = admin;
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Administration' }).click();

    await page.getByRole('link', { name: 'Skills' }).click();
    await page.getByRole('button', { name: 'New skill' }).click();
    await page.getByLabel('Name').fill('Billing');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'Billing' }).waitFor();

    await page.getByRole('link', { name: 'Queues (CSQs)' }).click();
    await page.getByRole('button', { name: 'New CSQ' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Billing chat');
    await page.getByLabel('Billing').fill('3');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'Billing chat' }).waitFor();
    await screenshot(page, 'admin-csqs');

    await page.getByRole('button', { name: 'New CSQ' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Phone');
    await page.getByLabel('Channel').selectOption({ label: 'Voice' });
    await page.getByLabel('Call recording').selectOption({ label: 'Every answered call' });
    await screenshot(page, 'admin-csq-voice-recording');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'Phone', exact: true }).waitFor();
    const administrator = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    const phones = await administrator.request<{ name: string; recording: string }[]>('GET', '/csqs');
    assert.equal(phones.find((csq) => csq.name === 'Phone')?.recording, 'always');

    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'New user' }).click();
    await page.getByLabel('Agent ID (username)').fill('ann smith');
    await page.getByLabel('Display name').fill('Ann Smith');
    await page.getByLabel('Password').fill(AGENT_PASSWORD);
    await page.getByLabel('Team').selectOption({ label: 'Care' });
    await page.getByLabel('Billing').fill('7');
    await page.getByRole('button', { name: 'Save' }).click();
    // A space is not allowed in an agent ID: the server's reason appears under that field.
    const usernameError = page
      .locator('.field-invalid', { has: page.getByLabel('Agent ID (username)') })
      .locator('.field-error');
    await usernameError.waitFor();
    assert.match(await usernameError.innerText(), /^Username may hold only letters, digits/);
    // Chromium logs the refused request itself as a console error: that one was intended.
    const refusal = admin.errors.findIndex((e) => /status of 400/.test(e));
    assert.ok(refusal >= 0);
    admin.errors.splice(refusal, 1);
    await page.getByLabel('Agent ID (username)').fill('ann');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'Ann Smith' }).waitFor();

    // The administrator lets the supervisor send team messages.
    await page
      .getByRole('row', { name: /Sue Supervisor/ })
      .getByRole('button', { name: 'Edit' })
      .click();
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/users/${sueId}/team-messages`) && r.request().method() === 'PUT',
    );
    await page.getByLabel('May send team messages').check();
    assert.equal((await saved).status(), 200);
    await screenshot(page, 'admin-users');
    await page.getByRole('button', { name: 'Cancel' }).click();
    assert.deepEqual(await api('GET', `/users/${sueId}/team-messages`), { userId: sueId, enabled: true });

    const csqs = await api<{ id: string; name: string; skills: { minCompetence: number }[] }[]>(
      'GET',
      '/csqs',
    );
    const billing = csqs.find((q) => q.name === 'Billing chat');
    assert.equal(billing?.skills[0]?.minCompetence, 3);
    csqId = billing?.id ?? '';
  });

  test('an administrator configures a chat widget: the live preview follows, a refused field shows beside it, the snippet embeds it', async () => {
    const { page } = admin;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.getByRole('link', { name: 'Chat widgets' }).click();
    await page.getByRole('button', { name: 'New chat widget' }).click();
    const settings = page.locator('.widget-editor > div').first();
    const preview = page.getByTestId('widget-preview');
    await settings.getByLabel('Name', { exact: true }).fill('Website chat');
    await settings.getByLabel('Problem statement 1', { exact: true }).fill('Billing');
    // The CSQ list may still be on its way when the form opens: choose as a person would.
    await settings
      .getByLabel('CSQ for problem statement 1', { exact: true })
      .selectOption({ label: 'Billing chat' });
    await settings.getByLabel('Title', { exact: true }).fill('Acme help');
    await preview.getByRole('heading', { name: 'Acme help' }).waitFor();
    await preview.getByLabel('How can we help?').waitFor();
    await settings.getByLabel('Off-hours message').fill('Back at nine.');
    await page.getByRole('radio', { name: 'Closed' }).check();
    await preview.getByText('Back at nine.').waitFor();
    await page.getByRole('radio', { name: 'Chat', exact: true }).check();
    await preview.getByText('Hello! How can I help you today?').waitFor();
    await screenshot(page, 'admin-chat-widgets');

    // Two problem statements that differ only in case: the server's reason appears under the second.
    await page.getByRole('button', { name: 'Add a problem statement' }).click();
    await settings.getByLabel('Problem statement 2', { exact: true }).fill('billing');
    await settings
      .getByLabel('CSQ for problem statement 2', { exact: true })
      .selectOption({ label: 'Billing chat' });
    await page.getByRole('button', { name: 'Save' }).click();
    const repeated = page
      .locator('.field-invalid', { has: page.getByLabel('Problem statement 2', { exact: true }) })
      .locator('.field-error');
    await repeated.waitFor();
    assert.match(await repeated.innerText(), /repeats another problem statement/);
    const refusal = admin.errors.findIndex((e) => /status of 400/.test(e));
    assert.ok(refusal >= 0);
    admin.errors.splice(refusal, 1);
    await settings.getByLabel('Problem statement 2', { exact: true }).fill('Delivery');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'Website chat' }).waitFor();

    const [widget] = await api<{ id: string; branding: { titleText: string } }[]>('GET', '/chat-widgets');
    assert.equal(widget?.branding.titleText, 'Acme help');
    await page
      .getByRole('row', { name: /Website chat/ })
      .getByRole('button', { name: 'Edit' })
      .click();
    const snippet = `<script src="${server.url}/widget.js" data-widget="${widget?.id}" async></script>`;
    await page.getByText(snippet).waitFor();
    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await page.getByText('Copied.').waitFor();
    assert.equal(await page.evaluate('navigator.clipboard.readText()'), snippet);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  test('the agent goes Ready and the supervisor sees it live', async () => {
    agent = await desk(browser, server.url);
    supervisor = await desk(browser, server.url);
    await signIn(agent.page, 'ann', AGENT_PASSWORD);
    await signIn(supervisor.page, 'sue', SUPERVISOR_PASSWORD);
    await supervisor.page.getByRole('link', { name: 'Team', exact: true }).click();
    const annDigital = supervisor.page.locator('tr[data-agent="ann"] [data-testid="agent-digital"]');
    await annDigital.filter({ hasText: 'Logged out' }).waitFor();

    await agent.page
      .getByRole('region', { name: 'Chat & email' })
      .getByRole('button', { name: 'Ready', exact: true })
      .click();
    await agent.page.getByTestId('state-digital').filter({ hasText: 'Ready' }).waitFor();
    await annDigital.filter({ hasText: 'Ready' }).waitFor();
  });

  test('the agent goes Not Ready for a break: both desktops name the Not Ready reason, not the logout one with its number', async () => {
    const annDigital = supervisor.page.locator('tr[data-agent="ann"] [data-testid="agent-digital"]');
    const region = agent.page.getByRole('region', { name: 'Chat & email' });
    await region.getByLabel('Not ready reason (Chat & email)').selectOption({ label: 'Break' });
    await region.getByRole('button', { name: 'Not ready', exact: true }).click();
    await agent.page.getByTestId('state-digital').filter({ hasText: 'Not ready — Break' }).waitFor();
    await annDigital.filter({ hasText: 'Not ready (Break)' }).waitFor();
    assert.doesNotMatch(await annDigital.innerText(), /End of shift/);
    assert.doesNotMatch(await agent.page.getByTestId('state-digital').innerText(), /End of shift/);
    await screenshot(supervisor.page, 'supervisor-team-not-ready');

    await region.getByRole('button', { name: 'Ready', exact: true }).click();
    await annDigital.filter({ hasText: /^Ready/ }).waitFor();
  });

  test('a contact from the API is offered, accepted and wrapped up with reasons, each step seen by the supervisor', async () => {
    const annDigital = supervisor.page.locator('tr[data-agent="ann"] [data-testid="agent-digital"]');
    // A web chat (its conversation opens beside the card once accepted), as a channel adapter starts one.
    const { chatId } = await api<{ chatId: string }>('POST', '/chats', {
      csqId,
      callType: 'Invoice question',
      customer: { name: 'Ada Lovelace' },
    });
    const contact = { id: chatId };
    const card = agent.page.locator(`[data-contact-id="${contact.id}"]`);
    await card.getByText('Offered to you').waitFor();
    await card.getByText('Ada Lovelace').waitFor();
    await card.getByRole('timer').waitFor();
    await annDigital.filter({ hasText: 'Reserved' }).waitFor();
    await screenshot(agent.page, 'agent-offer');

    await card.getByRole('button', { name: 'Accept' }).click();
    await card.getByText('In progress').waitFor();
    await annDigital.filter({ hasText: 'Active' }).waitFor();

    await card.getByRole('button', { name: 'End and wrap up' }).click();
    await annDigital.filter({ hasText: 'Wrap-up' }).waitFor();
    await card.getByLabel(/Wrap-up reasons/).fill('Billing, Refund');
    await screenshot(agent.page, 'agent-wrap-up');
    await card.getByRole('button', { name: 'Finish wrap-up' }).click();
    await agent.page.getByText('No contacts. Go Ready to receive them.').waitFor();
    await annDigital.filter({ hasText: 'Ready' }).waitFor();
    await screenshot(supervisor.page, 'supervisor-team');

    const stored = await api<{ status: string; wrapUpReasons: string[] }>('GET', `/contacts/${contact.id}`);
    assert.equal(stored.status, 'ended');
    assert.deepEqual(stored.wrapUpReasons, ['Billing', 'Refund']);
  });

  test('a team message reaches the agent banner; after a delete the previous one shows again', async () => {
    const { page } = supervisor;
    await page.getByRole('link', { name: 'Team messages' }).click();
    for (const text of ['Team huddle at 3 pm', 'Billing system is slow today']) {
      await page.getByLabel('Message', { exact: true }).fill(text);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.locator('.message-list li', { hasText: text }).waitFor();
    }
    const banner = agent.page.getByTestId('team-banner');
    await banner
      .getByTestId('team-banner-text')
      .filter({ hasText: 'Billing system is slow today' })
      .waitFor();
    assert.equal(await banner.getByTestId('team-banner-count').innerText(), '2');
    await banner.getByText('Sue Supervisor').waitFor();
    await screenshot(agent.page, 'agent-team-message');
    await screenshot(page, 'supervisor-team-messages');

    await page.getByRole('button', { name: 'Delete message: Billing system is slow today' }).click();
    await banner.getByTestId('team-banner-text').filter({ hasText: 'Team huddle at 3 pm' }).waitFor();
    assert.equal(await banner.getByTestId('team-banner-count').innerText(), '1');
  });

  test('the queue view shows today’s figures for the queue', async () => {
    const { page } = supervisor;
    await page.getByRole('link', { name: 'Queues' }).click();
    const row = page.locator('tr[data-queue="Billing chat"]');
    await row.waitFor();
    const headers = await row.locator('xpath=ancestor::table').locator('thead th').allInnerTexts();
    const cells = await row.locator('th, td').allInnerTexts();
    const figure = (header: string) => cells[headers.indexOf(header)]?.trim();
    // So far today: one chat, offered to Ann and accepted at once, then wrapped up; Ann is Ready again.
    assert.equal(figure('Waiting'), '0');
    assert.equal(figure('Ready'), '1');
    assert.equal(figure('Busy'), '0');
    assert.equal(figure('Offered today'), '1');
    assert.equal(figure('Abandoned'), '0');
    assert.match(figure('Service level') ?? '', /^100 %/);
    await screenshot(page, 'supervisor-queues');
  });

  test('every desktop survives a server restart: it says so, reconnects and goes on without a reload', async () => {
    await server.stop();
    await agent.page.locator('[data-status="reconnecting"]').waitFor();
    await supervisor.page.locator('[data-status="reconnecting"]').waitFor();
    await screenshot(agent.page, 'agent-reconnecting');
    await server.start();
    await agent.page.locator('[data-status="live"]').waitFor({ timeout: 30_000 });
    await supervisor.page.locator('[data-status="live"]').waitFor({ timeout: 30_000 });

    // The agent is still Ready after the restart, and the next contact reaches the same page.
    await agent.page.getByTestId('state-digital').filter({ hasText: 'Ready' }).waitFor();
    const next = await api<{ id: string }>('POST', '/contacts', { channel: 'chat', csqId });
    await agent.page.locator(`[data-contact-id="${next.id}"]`).getByText('Offered to you').waitFor();
    await supervisor.page.getByRole('link', { name: 'Team', exact: true }).click();
    await supervisor.page
      .locator('tr[data-agent="ann"] [data-testid="agent-digital"]')
      .filter({ hasText: 'Reserved' })
      .waitFor();
  });

  test('no screen logged an error to the console', () => {
    const unexpected = [admin, agent, supervisor].flatMap((d) =>
      d.errors.filter((e) => !DURING_RESTART.test(e)),
    );
    assert.deepEqual(unexpected, []);
  });
});
