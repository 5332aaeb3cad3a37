/**
 * Group chat end to end in real browsers against a real server process: an agent in a web chat invites a
 * colleague of another CSQ with notes for them alone. The first invitee reads the notes and the conversation
 * and declines (and is not asked again); a second one joins, the customer and both agents read each other, and
 * the guest leaves while the owner carries on.
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
/** Sam's display name, as the invitee reads who asks. */
const INVITER = 'Samantha Reyes';
const DISPUTES = { name: 'Billing disputes', username: 'bea', alias: 'Bea', displayName: 'Beatrix Moll' };
const TARIFFS = { name: 'Tariff advice', username: 'cal', alias: 'Cal', displayName: 'Calvin Ortiz' };
const NOTES = 'She was moved to the night tariff by mistake: can you check the switch date?';
const FIRST = 'My bill doubled after the tariff change.';
const ANSWER = 'I am asking a colleague who knows tariffs to join us.';

describe('group chat end to end in real browsers', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let admin: ApiClient;
  let center: ChatCenter;
  let site: Awaited<ReturnType<typeof customerSite>>;
  let browser: Browser;
  let sam: AgentDesk;
  let bea: AgentDesk;
  let cal: AgentDesk;
  let ada: Customer;
  let chatId: string;

  /** Sam's controls on the card of the chat with Ada. */
  const samCard = () => sam.card(chatId);
  const inviteButton = () => samCard().getByRole('button', { name: 'Invite an agent' });
  const queuePicker = () => samCard().getByLabel('Queue to invite from');
  const notesBox = () => samCard().getByLabel('Notes for the invited agent (the customer does not see them)');
  const invitationOn = (desk: AgentDesk): Locator =>
    desk.page.locator(`article[data-invitation="${chatId}"]`);
  const queueOptions = async (picker: Locator, first: string) => {
    await picker.locator('option', { hasText: first }).waitFor({ state: 'attached' });
    return picker.locator('option').allInnerTexts();
  };

  before(async () => {
    await buildWidget();
    await buildDesktop();
    server = await ServerProcess.create();
    admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    center = await setUpChatCenter(admin);
    const disputes = await addSpecialistQueue(admin, DISPUTES);
    const tariffs = await addSpecialistQueue(admin, TARIFFS);
    site = await customerSite(server.url);
    browser = await launchBrowser();
    [sam, bea, cal] = await Promise.all([
      AgentDesk.signIn(browser, server.url, center.sam),
      AgentDesk.signIn(browser, server.url, disputes.agent),
      AgentDesk.signIn(browser, server.url, tariffs.agent),
    ]);
    ada = await Customer.visit(browser, site.url, center.widgetId);
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await server?.destroy();
  });

  test('an invitation declined: the invitee reads the notes and the conversation, says no, and is not asked again', async () => {
    ({ chatId } = await ada.startChat('Ada Lovelace'));
    await ada.send(FIRST);
    await sam.ready();
    await sam.accept(chatId);
    await sam.line(chatId, FIRST).waitFor();
    await ada.sees('system', 'Sam has joined the chat.');
    await sam.say(chatId, ANSWER);
    await ada.sees('Sam', ANSWER);
    await Promise.all([bea.ready(), cal.ready()]);

    // Each chat CSQ is listed with how many of its agents could join: Max of Web chat is not signed in.
    await inviteButton().click();
    assert.deepEqual(await queueOptions(queuePicker(), 'Billing disputes'), [
      'Billing disputes — 1 available',
      'Tariff advice — 1 available',
      'Web chat — 0 available',
    ]);
    await queuePicker().selectOption({ label: 'Billing disputes — 1 available' });
    await notesBox().fill(NOTES);
    await samCard().getByRole('button', { name: 'Send invitation' }).click();
    await samCard().getByText('Waiting for an agent of the invited queue to answer…').waitFor();
    assert.equal(await inviteButton().count(), 0, 'no second invitation while one rings');

    // Only Bea, the one agent of Billing disputes, is asked; she reads who asks, why, and what was said.
    const invitation = invitationOn(bea);
    await invitation.getByRole('heading', { name: `${INVITER} invites you to a chat` }).waitFor();
    assert.equal(await invitation.getByLabel('Notes for you').innerText(), NOTES);
    await invitation.getByText('The conversation so far (2 messages)').click();
    const history = invitation.locator('.chat-text');
    assert.deepEqual(await history.allInnerTexts(), [FIRST, ANSWER]);
    await invitation.getByRole('timer', { name: 'Time left to answer' }).waitFor();
    assert.equal(await invitationOn(cal).count(), 0, 'Cal of Tariff advice is not asked');
    await bea.page.waitForFunction("document.title.startsWith('(1) Invitation')");
    await screenshot(bea.page, 'group-chat-01-invitee-reads-invitation');
    assert.equal(await ada.widget.getByText(NOTES).count(), 0, 'the customer never sees the notes');

    await invitation.getByRole('button', { name: 'Decline' }).click();
    await invitation.waitFor({ state: 'detached' });
    assert.equal(await bea.tab(chatId).count(), 0);
    await inviteButton().click();

    // Bea declined, so Billing disputes has no one left to ask, and asking anyway is refused in plain words.
    assert.deepEqual(await queueOptions(queuePicker(), 'Billing disputes — 0'), [
      'Billing disputes — 0 available',
      'Tariff advice — 1 available',
      'Web chat — 0 available',
    ]);
    await queuePicker().selectOption({ label: 'Billing disputes — 0 available' });
    await samCard().getByRole('button', { name: 'Send invitation' }).click();
    await samCard()
      .getByRole('alert')
      .filter({ hasText: /^No agent of Billing disputes can join this chat now\.$/ })
      .waitFor();
    await screenshot(sam.page, 'group-chat-02-inviter-refused');
    assert.equal(await invitationOn(bea).count(), 0, 'Bea is not asked again');
    // Chromium logs the refused request itself as a console error: that one was intended.
    const logged = sam.errors.findIndex((e) => /status of 409/.test(e));
    assert.ok(logged >= 0, sam.errors.join('\n'));
    sam.errors.splice(logged, 1);
  });

  test('an invitation accepted: the guest joins in a tab, everyone reads everyone, and the guest leaves while the owner carries on', async () => {
    await queuePicker().selectOption({ label: 'Tariff advice — 1 available' });
    await notesBox().fill(NOTES);
    await samCard().getByRole('button', { name: 'Send invitation' }).click();
    await samCard().getByText('Waiting for an agent of the invited queue to answer…').waitFor();

    const invitation = invitationOn(cal);
    await invitation.getByRole('heading', { name: `${INVITER} invites you to a chat` }).waitFor();
    await invitation.getByRole('button', { name: 'Join the chat' }).click();
    await cal.tab(chatId).and(cal.page.locator('[aria-selected="true"]')).waitFor();
    await invitation.waitFor({ state: 'detached' });
    await cal.line(chatId, FIRST).waitFor();
    await cal.line(chatId, ANSWER).waitFor();
    await ada.sees('system', 'Cal has joined the chat.');

    // The customer writes once and both agents read it; the guest answers and the customer and owner read it.
    await ada.send('Thank you. The switch happened on the 3rd.');
    await sam.line(chatId, 'Thank you. The switch happened on the 3rd.').waitFor();
    await cal.line(chatId, 'Thank you. The switch happened on the 3rd.').waitFor();
    const fix = 'I have moved you back to the day tariff from the 3rd; the next bill will be corrected.';
    await cal.say(chatId, fix);
    await ada.sees('Cal', fix);
    assert.ok((await ada.log()).includes(`Cal: ${fix}`), 'the customer reads it under the guest’s alias');
    await sam.line(chatId, fix).waitFor();

    // Two agents are the most a chat holds: the owner cannot invite a third; either may leave.
    await samCard().getByText('Two agents are in this chat.').waitFor();
    assert.equal(await inviteButton().isDisabled(), true);
    await samCard().getByRole('button', { name: 'Leave the chat' }).waitFor();
    // The guest does not end the chat: the owner does, and wraps it up.
    const guestCard = cal.card(chatId);
    await guestCard.getByText('You joined this chat; its owner ends it and wraps it up.').waitFor();
    assert.equal(await guestCard.getByRole('button', { name: 'End and wrap up' }).count(), 0);
    await screenshot(cal.page, 'group-chat-03-guest-in-chat');
    await screenshot(sam.page, 'group-chat-04-owner-with-guest');
    await screenshot(ada.page, 'group-chat-05-customer-with-two-agents');

    await guestCard.getByRole('button', { name: 'Leave the chat' }).click();
    await cal.tab(chatId).waitFor({ state: 'detached' });
    await ada.sees('system', 'Cal has left the chat.');
    await samCard().getByRole('button', { name: 'Leave the chat' }).waitFor({ state: 'detached' });
    assert.equal(await inviteButton().isEnabled(), true, 'the owner may invite again');
    await sam.say(chatId, 'Is there anything else I can do for you?');
    await ada.sees('Sam', 'Is there anything else I can do for you?');
    await ada.send('No, that was all.');
    await sam.line(chatId, 'No, that was all.').waitFor();
    await cal.page.getByText('No contacts. Go Ready to receive them.').waitFor();
    await screenshot(sam.page, 'group-chat-06-owner-carries-on');
  });

  test('no page logged an error, and none opened a dialog', () => {
    const pages = [sam, bea, cal, ada];
    assert.deepEqual(
      pages.flatMap((p) => p.errors),
      [],
    );
    assert.deepEqual(
      pages.flatMap((p) => p.dialogs),
      [],
    );
  });
});
