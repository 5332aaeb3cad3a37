/**
 * Transfer end to end in real browsers against a real server process: Sam hands a web chat to Max with a note
 * (Max reads it on the offer, accepts, and the customer goes on writing to Max), and Max hands it on to a queue,
 * where its one agent is offered it with Max's note. The customer never sees a note.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN_PASSWORD,
  AgentDesk,
  ApiClient,
  addSpecialistQueue,
  buildDesktop,
  buildWidget,
  type ChatCenter,
  Customer,
  chromiumForTests,
  customerSite,
  launchBrowser,
  ServerProcess,
  screenshot,
  setUpChatCenter,
} from '@switchboard/testing';
import type { Browser, Locator } from 'playwright-core';

const availability = chromiumForTests();
const DISPUTES = { name: 'Billing disputes', username: 'bea', alias: 'Bea', displayName: 'Beatrix Moll' };
const NOTE_TO_MAX = 'She was charged twice in March; the refund form is already filled in.';
const NOTE_TO_QUEUE = 'Needs a dispute opened for the March charge.';

describe('transfer end to end in real browsers', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let center: ChatCenter;
  let site: Awaited<ReturnType<typeof customerSite>>;
  let browser: Browser;
  let sam: AgentDesk;
  let max: AgentDesk;
  let bea: AgentDesk;
  let ada: Customer;
  let chatId: string;
  let beaApi: ApiClient;
  let beaId: string;

  const dialogOf = (desk: AgentDesk): Locator =>
    desk.page.getByRole('dialog', { name: 'Transfer this chat' });
  const transferButton = (desk: AgentDesk) => desk.card(chatId).getByRole('button', { name: 'Transfer' });
  const noteBox = (desk: AgentDesk) =>
    dialogOf(desk).getByLabel('Note for whoever receives it (the customer does not see it)');

  before(async () => {
    await buildWidget();
    await buildDesktop();
    server = await ServerProcess.create();
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    center = await setUpChatCenter(admin);
    const disputes = await addSpecialistQueue(admin, DISPUTES);
    beaApi = await ApiClient.signIn(server.url, 'demo', disputes.agent.username, disputes.agent.password);
    beaId = disputes.agent.id;
    site = await customerSite(server.url);
    browser = await launchBrowser();
    [sam, max, bea] = await Promise.all([
      AgentDesk.signIn(browser, server.url, center.sam),
      AgentDesk.signIn(browser, server.url, center.max),
      AgentDesk.signIn(browser, server.url, disputes.agent),
    ]);
    ada = await Customer.visit(browser, site.url, center.widgetId);
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await server?.destroy();
  });

  test('to an agent with a note: the dialog works from the keyboard, the note reaches Max, the chat follows', async () => {
    ({ chatId } = await ada.startChat('Ada Lovelace'));
    await ada.send('I was charged twice.');
    await sam.ready();
    await sam.accept(chatId);
    await ada.sees('system', 'Sam has joined the chat.');
    await max.ready();
    await beaApi.request('PUT', `/agents/${beaId}/state`, { domain: 'digital', state: 'not_ready' });

    // Escape closes the dialog and gives the focus back to the Transfer button.
    await transferButton(sam).click();
    await dialogOf(sam).waitFor();
    await sam.page.keyboard.press('Escape');
    await dialogOf(sam).waitFor({ state: 'hidden' });
    assert.equal(
      await transferButton(sam).evaluate((button) => button === button.ownerDocument.activeElement),
      true,
    );

    await transferButton(sam).click();
    const dialog = dialogOf(sam);
    const toMax = dialog.getByRole('radio', { name: 'Maxime Laurent — available' });
    await toMax.waitFor();
    await dialog.getByRole('radio', { name: 'Web chat — 1 available' }).waitFor();
    // Bea is Not Ready: listed, but she cannot be chosen.
    assert.equal(await dialog.getByRole('radio', { name: /^Beatrix Moll — Not ready/ }).isDisabled(), true);
    await toMax.check();
    await noteBox(sam).fill('x'.repeat(501));
    await dialog.getByText('The note is 1 characters too long (at most 500).').waitFor();
    assert.equal(await dialog.getByRole('button', { name: 'Transfer' }).isDisabled(), true);
    await noteBox(sam).fill(NOTE_TO_MAX);
    await screenshot(sam.page, 'transfer-01-dialog');
    await dialog.getByRole('button', { name: 'Transfer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await sam.card(chatId).waitFor({ state: 'detached' });
    await ada.sees('system', 'Sam has left the chat.');

    // Max is offered it with Sam's note, accepts, and carries on the conversation.
    const offer = max.card(chatId);
    await offer.getByText('Offered to you').waitFor();
    assert.match(await offer.getByTestId('transfer-note').innerText(), new RegExp(NOTE_TO_MAX));
    await screenshot(max.page, 'transfer-02-offer-with-note');
    await max.accept(chatId);
    await max.line(chatId, 'I was charged twice.').waitFor();
    await max.card(chatId).getByTestId('transfer-note').waitFor();
    await ada.sees('system', 'Max has joined the chat.');
    await ada.send('Is anyone there?');
    await max.line(chatId, 'Is anyone there?').waitFor();
    await max.say(chatId, 'Max here, I have your case.');
    await ada.sees('Max', 'Max here, I have your case.');
    assert.equal(await ada.widget.getByText(NOTE_TO_MAX).count(), 0, 'the customer never sees the note');
  });

  test('to a queue: it queues there and its agent is offered it with the note', async () => {
    await bea.ready();
    await transferButton(max).click();
    const dialog = dialogOf(max);
    await dialog.getByRole('radio', { name: 'Billing disputes — 1 available' }).check();
    await noteBox(max).fill(NOTE_TO_QUEUE);
    await dialog.getByRole('button', { name: 'Transfer' }).click();
    await max.card(chatId).waitFor({ state: 'detached' });

    const offer = bea.card(chatId);
    await offer.getByText('Offered to you').waitFor();
    await offer.getByText('Billing disputes', { exact: true }).waitFor();
    assert.match(await offer.getByTestId('transfer-note').innerText(), new RegExp(NOTE_TO_QUEUE));
    await bea.accept(chatId);
    await ada.sees('system', 'Bea has joined the chat.');
    await ada.send('Thank you.');
    await bea.line(chatId, 'Thank you.').waitFor();
    assert.equal(await ada.widget.getByText(NOTE_TO_QUEUE).count(), 0);
    for (const desk of [sam, max, bea]) assert.deepEqual(desk.errors, []);
    assert.deepEqual(ada.errors, []);
  });
});
