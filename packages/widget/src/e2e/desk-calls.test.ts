/**
 * What an agent does with a call in the desktop beyond answering it, in real browsers against a real server with
 * real audio (call-audio.ts): checking the microphone, rejoining a call after a reload, and transferring it to a
 * colleague.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN_PASSWORD,
  ApiClient,
  buildDesktop,
  buildWidget,
  chromiumForTests,
  customerSite,
  desk,
  ServerProcess,
  screenshot,
  signIn,
} from '@switchboard/testing';
import type { Browser } from 'playwright-core';
import { browserWithTone, callFromWidget, hears, KEEP_RECEIVED_STREAMS } from './call-audio.ts';

const availability = chromiumForTests();
const CALLER_TONE = 700;
const AGENT_TONE = 1300;
const COLLEAGUE_TONE = 1900;

describe('calls in the agent desktop', { skip: availability.available ? false : availability.reason }, () => {
  let server: ServerProcess;
  let admin: ApiClient;
  let phones: Awaited<ReturnType<typeof browserWithTone>>[];
  let site: Awaited<ReturnType<typeof customerSite>>;
  let chatCsqId: string;

  before(async () => {
    await Promise.all([buildWidget(), buildDesktop()]);
    server = await ServerProcess.create();
    admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    chatCsqId = (
      await admin.request<{ id: string }>('POST', '/csqs', {
        name: 'Chat',
        channel: 'chat',
        criterion: 'longest_available',
        skills: [],
      })
    ).id;
    site = await customerSite(server.url);
    phones = await Promise.all([CALLER_TONE, AGENT_TONE, COLLEAGUE_TONE].map(browserWithTone));
  });
  after(async () => {
    for (const phone of phones ?? []) await phone.close();
    await site?.close();
    await server?.destroy();
  });

  const browsers = () => phones.map((phone) => phone.browser) as [Browser, Browser, Browser];

  /** A voice CSQ of its own, which only agents with its skill reach, and a widget whose calls wait in it. */
  async function line(name: string) {
    const skill = await admin.request<{ id: string }>('POST', '/skills', { name });
    const csq = await admin.request<{ id: string }>('POST', '/csqs', {
      name: `${name} queue`,
      channel: 'voice',
      criterion: 'longest_available',
      skills: [{ skillId: skill.id, minCompetence: 1 }],
    });
    const widget = await admin.request<{ id: string }>('POST', '/chat-widgets', {
      name: `${name} line`,
      problemStatements: [{ label: 'Billing', csqId: chatCsqId }],
      calls: { csqId: csq.id, buttonText: 'Call us' },
    });
    return { skillId: skill.id, widgetId: widget.id };
  }

  /** An agent signed in to the desktop in `browser`, Ready for calls. */
  async function agentAt(browser: Browser, username: string, displayName: string, skillIds: string[]) {
    const password = `${displayName.replace(' ', '-')}-password-1`;
    const { id } = await admin.request<{ id: string }>('POST', '/users', {
      username,
      password,
      displayName,
      role: 'agent',
      skills: skillIds.map((skillId) => ({ skillId, competence: 5 })),
    });
    const agent = await desk(browser, server.url);
    await agent.context.addInitScript(KEEP_RECEIVED_STREAMS);
    await signIn(agent.page, username, password);
    const api = await ApiClient.signIn(server.url, 'demo', username, password);
    await api.request('PUT', `/agents/${id}/state`, { domain: 'voice', state: 'ready' });
    return agent;
  }

  test('the agent checks their microphone on a meter, chooses it for calls, and the choice stays after a reload', async () => {
    const [, agentBrowser] = browsers();
    const agent = await agentAt(agentBrowser, 'abe', 'Abe Audio', []);
    const { page } = agent;
    await page.getByText('Audio devices and check').click();
    const meter = page.getByRole('meter', { name: 'Microphone level' });
    await meter.waitFor();
    // The fake microphone plays the agent's tone: the meter moves.
    await page.waitForFunction(
      () =>
        Number(document.querySelector<HTMLMeterElement>('meter[aria-label="Microphone level"]')?.value) >
        0.05,
      undefined,
      { polling: 100, timeout: 15_000 },
    );
    const microphone = page.getByLabel('Microphone', { exact: true });
    const choices = await microphone.locator('option').allInnerTexts();
    assert.ok(choices.length >= 2, `a microphone besides the default: ${choices.join(', ')}`);
    const device = await microphone.locator('option').last().getAttribute('value');
    assert.ok(device);
    await microphone.selectOption(device);
    await screenshot(page, 'agent-audio-check');
    await page.reload();
    await page.getByText('Audio devices and check').click();
    const again = page.getByLabel('Microphone', { exact: true });
    // The devices are listed once the microphone is open: the choice shows when its option is there.
    await again.locator(`option[value="${device}"]`).waitFor({ state: 'attached' });
    assert.equal(await again.inputValue(), device);
    assert.deepEqual(agent.errors, []);
  });

  test('the agent reloads the desktop mid-call and rejoins the call from the new page: they hear each other again', async () => {
    const [callerBrowser, agentBrowser] = browsers();
    const { skillId, widgetId } = await line('Rejoins');
    const agent = await agentAt(agentBrowser, 'ray', 'Ray Rejoin', [skillId]);
    const caller = await callFromWidget(callerBrowser, site.url, widgetId);
    await agent.page.getByRole('button', { name: 'Answer' }).click();
    await hears(agent.page, CALLER_TONE);
    await hears(caller.page, AGENT_TONE);

    await agent.page.reload();
    const rejoin = agent.page.getByRole('button', { name: 'Rejoin the call here' });
    await rejoin.waitFor();
    await screenshot(agent.page, 'voice-agent-rejoin');
    await rejoin.click();
    await hears(agent.page, CALLER_TONE);
    await hears(caller.page, AGENT_TONE);

    await agent.page.getByRole('button', { name: 'Hang up' }).click();
    await agent.page.getByTestId('contact-status').filter({ hasText: 'Wrap-up' }).waitFor();
    await caller.widget.getByText('You are on the line').waitFor({ state: 'hidden' });
    assert.deepEqual(caller.errors, []);
    assert.deepEqual(agent.errors, []);
  });

  test('the agent transfers the call to a colleague, who answers it with the note and talks with the caller', async () => {
    const [callerBrowser, agentBrowser, colleagueBrowser] = browsers();
    const { skillId, widgetId } = await line('Transfers');
    const agent = await agentAt(agentBrowser, 'tia', 'Tia Transfer', [skillId]);
    const colleague = await agentAt(colleagueBrowser, 'uma', 'Uma Second', []);
    const caller = await callFromWidget(callerBrowser, site.url, widgetId);
    await agent.page.getByRole('button', { name: 'Answer' }).click();
    await hears(caller.page, AGENT_TONE);

    await agent.page.getByRole('button', { name: 'Transfer' }).click();
    const dialog = agent.page.getByRole('dialog', { name: 'Transfer this call' });
    await dialog.getByRole('radio', { name: /Uma Second/ }).check();
    await dialog.getByLabel(/Note for whoever receives it/).fill('Asks about a double charge in March');
    await screenshot(agent.page, 'voice-agent-transfer');
    await dialog.getByRole('button', { name: 'Transfer' }).click();
    await agent.page.getByRole('button', { name: 'Hang up' }).waitFor({ state: 'hidden' });

    await colleague.page.getByText('Asks about a double charge in March').waitFor();
    await colleague.page.getByRole('button', { name: 'Answer' }).click();
    await hears(colleague.page, CALLER_TONE);
    await hears(caller.page, COLLEAGUE_TONE);
    await screenshot(colleague.page, 'voice-colleague-after-transfer');

    await colleague.page.getByRole('button', { name: 'Hang up' }).click();
    await caller.widget.getByText('You are on the line').waitFor({ state: 'hidden' });
    assert.deepEqual(caller.errors, []);
    assert.deepEqual(agent.errors, []);
    assert.deepEqual(colleague.errors, []);
  });
});
