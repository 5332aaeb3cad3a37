/**
 * A transfer note is for the agent the contact was transferred to: when that agent declines and the contact
 * is offered to someone else, that other agent does not see it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN_PASSWORD,
  AgentDesk,
  ApiClient,
  buildDesktop,
  type ChatCenter,
  chromiumForTests,
  launchBrowser,
  ServerProcess,
  setUpChatCenter,
} from '@switchboard/testing';
import type { Browser } from 'playwright-core';

const availability = chromiumForTests();
const NOTE = 'Wants the manager; promised a call back before five.';

describe('a transfer note after the contact was declined', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let center: ChatCenter;
  let browser: Browser;
  let admin: ApiClient;

  before(async () => {
    await buildDesktop();
    server = await ServerProcess.create();
    admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    center = await setUpChatCenter(admin);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.destroy();
  });

  test('Max declines the transfer meant for him; Sam, offered it again, sees no note', async () => {
    const [sam, max] = await Promise.all([
      AgentDesk.signIn(browser, server.url, center.sam),
      AgentDesk.signIn(browser, server.url, center.max),
    ]);
    const [samApi, maxApi] = await Promise.all([
      ApiClient.signIn(server.url, 'demo', center.sam.username, center.sam.password),
      ApiClient.signIn(server.url, 'demo', center.max.username, center.max.password),
    ]);
    await sam.ready();
    const { chatId } = await admin.request<{ chatId: string }>('POST', '/chats', {
      csqId: center.csqId,
      customer: { name: 'Grace Hopper' },
    });
    await sam.accept(chatId);
    await max.ready();
    await samApi.request('POST', `/contacts/${chatId}/transfer`, { agentId: center.max.id, note: NOTE });
    const offer = max.card(chatId);
    await offer.getByText('Offered to you').waitFor();
    assert.match(await offer.getByTestId('transfer-note').innerText(), new RegExp(NOTE));

    const loaded = sam.page.waitForResponse((r) => r.url().endsWith(`/contacts/${chatId}/events`));
    await maxApi.request('POST', `/contacts/${chatId}/reject`);
    const again = sam.card(chatId);
    await again.getByText('Offered to you').waitFor();
    await loaded;
    // The events are in; let the page draw what it made of them.
    await sam.page.evaluate(() => {
      const frame = (globalThis as unknown as { requestAnimationFrame: (next: () => void) => void })
        .requestAnimationFrame;
      return new Promise((done) => frame(() => frame(() => done(null))));
    });
    assert.equal(await again.getByTestId('transfer-note').count(), 0);
    for (const desk of [sam, max]) assert.deepEqual(desk.errors, []);
  });
});
