/**
 * A call from a website's widget answered in the agent desktop, in real browsers against a real server, with
 * real audio (call-audio.ts): the caller's microphone plays 700 Hz, the agent's 1,300 Hz.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN_PASSWORD,
  ApiClient,
  buildDesktop,
  buildWidget,
  Customer,
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
const AGENT = { username: 'vera', password: 'Voice-agent-password-1' };

describe('a call from the widget, answered in the desktop', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let callerPhone: Awaited<ReturnType<typeof browserWithTone>>;
  let agentPhone: Awaited<ReturnType<typeof browserWithTone>>;
  let callerBrowser: Browser;
  let agentBrowser: Browser;
  let site: Awaited<ReturnType<typeof customerSite>>;
  let widgetId: string;
  let agentId: string;
  let chatCsqId: string;

  before(async () => {
    await Promise.all([buildWidget(), buildDesktop()]);
    server = await ServerProcess.create();
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    const api = <T>(method: string, path: string, body?: unknown) => admin.request<T>(method, path, body);
    const phone = await api<{ id: string }>('POST', '/csqs', {
      name: 'Phone',
      channel: 'voice',
      criterion: 'longest_available',
      skills: [],
      recording: 'on_demand',
    });
    const chat = await api<{ id: string }>('POST', '/csqs', {
      name: 'Chat',
      channel: 'chat',
      criterion: 'longest_available',
      skills: [],
    });
    agentId = (
      await api<{ id: string }>('POST', '/users', {
        ...AGENT,
        displayName: 'Vera Voice',
        role: 'agent',
      })
    ).id;
    chatCsqId = chat.id;
    widgetId = (
      await api<{ id: string }>('POST', '/chat-widgets', {
        name: 'Help line',
        problemStatements: [{ label: 'Billing', csqId: chat.id }],
        calls: { csqId: phone.id, buttonText: 'Call us' },
      })
    ).id;
    site = await customerSite(server.url);
    [callerPhone, agentPhone] = await Promise.all([
      browserWithTone(CALLER_TONE),
      browserWithTone(AGENT_TONE),
    ]);
    callerBrowser = callerPhone.browser;
    agentBrowser = agentPhone.browser;
  });
  after(async () => {
    await callerPhone?.close();
    await agentPhone?.close();
    await site?.close();
    await server?.destroy();
  });

  test('the caller waits with music, the agent answers, each hears the other, the agent records and pauses; the caller hangs up', async () => {
    const agent = await desk(agentBrowser, server.url);
    await agent.context.addInitScript(KEEP_RECEIVED_STREAMS);
    await signIn(agent.page, AGENT.username, AGENT.password);
    const vera = await ApiClient.signIn(server.url, 'demo', AGENT.username, AGENT.password);
    await vera.request('PUT', `/agents/${agentId}/state`, { domain: 'voice', state: 'ready' });

    const caller = await callFromWidget(callerBrowser, site.url, widgetId);
    const onCall = caller.widget.getByText('You are on the line');

    const answer = agent.page.getByRole('button', { name: 'Answer' });
    await answer.click();
    await agent.page.getByRole('button', { name: 'Hang up' }).waitFor();
    await hears(agent.page, CALLER_TONE);
    await hears(caller.page, AGENT_TONE);
    await agent.page.getByRole('button', { name: 'Record', exact: true }).click();
    await agent.page.getByRole('button', { name: 'Pause recording' }).click();
    await agent.page.getByRole('button', { name: 'Resume recording' }).waitFor();
    await screenshot(agent.page, 'voice-agent-on-call');
    await screenshot(caller.page, 'voice-caller-on-call');

    await caller.widget.getByRole('button', { name: 'Hang up' }).click();
    await onCall.waitFor({ state: 'hidden' });
    await agent.page.getByTestId('contact-status').filter({ hasText: 'Wrap-up' }).waitFor();
    assert.deepEqual(caller.errors, []);
    assert.deepEqual(agent.errors, []);
  });

  test("the caller chooses from a call flow's menu on the widget's keypad, and the call rings at an agent", async () => {
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    // A queue of its own, which only Flo's skill reaches: the call rings at her, not at the agent of the test before.
    const menus = await admin.request<{ id: string }>('POST', '/skills', { name: 'Menus' });
    const menuLine = await admin.request<{ id: string }>('POST', '/csqs', {
      name: 'Keypad queue',
      channel: 'voice',
      criterion: 'longest_available',
      skills: [{ skillId: menus.id, minCompetence: 1 }],
    });
    const flow = await admin.request<{ id: string }>('POST', '/call-flows', {
      name: 'Help line menu',
      definition: {
        format: 1,
        start: 'menu',
        steps: {
          menu: {
            type: 'menu',
            prompt: { text: 'For billing, press 1. For anything else, press 2.' },
            options: { '1': 'billing', '2': 'support' },
            timeoutSeconds: 20,
            otherwise: 'support',
          },
          billing: { type: 'set', variable: 'Topic', value: 'Billing', next: 'support' },
          support: { type: 'queue', csqId: menuLine.id },
        },
      },
    });
    const flowWidget = await admin.request<{ id: string }>('POST', '/chat-widgets', {
      name: 'Menu line',
      problemStatements: [{ label: 'Billing', csqId: chatCsqId }],
      calls: { flowId: flow.id, buttonText: 'Call us' },
    });
    const flo = { username: 'flo', password: 'Flow-agent-password-1' };
    const floId = (
      await admin.request<{ id: string }>('POST', '/users', {
        ...flo,
        displayName: 'Flo Flow',
        role: 'agent',
        skills: [{ skillId: menus.id, competence: 5 }],
      })
    ).id;
    const agent = await desk(agentBrowser, server.url);
    await signIn(agent.page, flo.username, flo.password);
    const floApi = await ApiClient.signIn(server.url, 'demo', flo.username, flo.password);
    await floApi.request('PUT', `/agents/${floId}/state`, { domain: 'voice', state: 'ready' });

    const caller = await Customer.visit(callerBrowser, site.url, flowWidget.id);
    await caller.context.addInitScript(KEEP_RECEIVED_STREAMS);
    await caller.page.reload();
    await caller.launcher.click();
    await caller.widget.getByRole('button', { name: 'Call us' }).click();
    const keypad = caller.widget.getByRole('group', { name: 'Keypad' });
    await keypad.waitFor();
    // The menu is heard: the call's audio flows, and a key pressed now reaches the flow.
    await hears(caller.page, null);
    await screenshot(caller.page, 'voice-caller-keypad');
    await keypad.getByRole('button', { name: '1', exact: true }).click();
    await agent.page.getByRole('button', { name: 'Answer' }).waitFor();
    const [contact] = await floApi.request<{ id: string; attributes: Record<string, string> }[]>(
      'GET',
      `/agents/${floId}/contacts`,
    );
    assert.deepEqual(contact?.attributes, { Topic: 'Billing' });
    const events = await admin.request<
      { type: string; data: { steps?: { step: string; result: string }[] } }[]
    >('GET', `/contacts/${contact?.id}/events`);
    const taken = events.find((event) => event.type === 'contact.flow')?.data.steps ?? [];
    assert.deepEqual(
      taken.map((step) => `${step.step}:${step.result}`),
      ['menu:key', 'billing:set', 'support:queued'],
    );
    await caller.widget.getByRole('button', { name: 'Hang up' }).click();
    await agent.page.getByRole('button', { name: 'Answer' }).waitFor({ state: 'hidden' });
    assert.deepEqual(caller.errors, []);
    assert.deepEqual(agent.errors, []);
  });

  test("a supervisor plays the call's recording from its journey in the reports", async () => {
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    await admin.request('POST', '/reports/capture');
    const { page, errors } = await desk(agentBrowser, server.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('button', { name: 'Run report' }).click();
    const table = page.getByRole('table', { name: 'CSQ activity' });
    await table.getByRole('row').filter({ hasText: 'Phone' }).getByTitle('Contacts: Offered').first().click();
    await page
      .getByRole('table', { name: 'Contacts' })
      .getByRole('button', { name: 'Journey' })
      .first()
      .click();
    const recordings = page.getByRole('region', { name: 'Recordings' });
    await recordings.getByText('Vera Voice(vera)').waitFor();
    await recordings.getByRole('button', { name: 'Play' }).click();
    await recordings.getByLabel('Recording of Vera Voice(vera)').waitFor();
    // The browser decoded the WAV the server sent: it knows how long the recording lasts.
    await page.waitForFunction(() => {
      const audio = document.querySelector<HTMLAudioElement>('audio[controls]');
      return audio !== null && audio.duration > 0;
    });
    await recordings.scrollIntoViewIfNeeded();
    await screenshot(page, 'voice-recording-in-journey');
    assert.deepEqual(errors, []);
  });
});
