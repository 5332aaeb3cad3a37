import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LIMITS } from '@switchboard/core';
import { buildApiKey, buildCsq, buildSkill, setAgentState, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';

type Person = { user: { id: string }; session: Session };

describe('customer context: notes, recent contacts, the customer’s earlier contacts', () => {
  let server: TestApp;
  let admin: Session;
  let channel: Session;
  let reader: Session;
  let csqId: string;
  let ann: Person;
  let ben: Person;
  let cat: Person;
  let sue: Person;

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'acme'));
    const skill = await buildSkill(server, admin);
    const skills = [{ skillId: skill.id, competence: 5 }];
    ann = await signInAs(server, admin, 'agent', { displayName: 'Ann', skills });
    ben = await signInAs(server, admin, 'agent', { displayName: 'Ben', skills });
    cat = await signInAs(server, admin, 'agent', { displayName: 'Cat' });
    sue = await signInAs(server, admin, 'supervisor', { displayName: 'Sue' });
    csqId = (await buildCsq(server, admin, { skills: [{ skillId: skill.id, minCompetence: 1 }] })).id;
    channel = (await buildApiKey(server, admin, 'write')).session;
    reader = (await buildApiKey(server, admin, 'read')).session;
  });
  after(() => server.close());

  /** A chat offered to `to` (the only one Ready), accepted by them. */
  async function chatWith(to: Person, email: string, extra: object = {}) {
    for (const p of [ann, ben])
      await setAgentState(server, p.session, p.user.id, p === to ? 'ready' : 'not_ready');
    const started = await call(server, channel, 'POST', '/chats', {
      csqId,
      customer: { name: 'Ada', email },
      ...extra,
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const id: string = started.body.chatId;
    const accepted = await call(server, to.session, 'POST', `/contacts/${id}/accept`);
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    return { id, token: started.body.token as string };
  }
  const note = (who: Session, id: string, body: string) =>
    call(server, who, 'POST', `/contacts/${id}/notes`, { body });
  const finish = async (who: Person, id: string) => {
    assert.equal((await call(server, who.session, 'POST', `/contacts/${id}/complete`)).status, 200);
    const wrapped = await call(server, who.session, 'POST', `/contacts/${id}/wrap-up`, { reasons: [] });
    assert.equal(wrapped.status, 200, JSON.stringify(wrapped.body));
  };

  test('a note goes with the contact into Recent and into the next contact’s history', async () => {
    const first = await chatWith(ann, 'Ada@Example.com');
    const sent = await call(server, ann.session, 'POST', `/chats/${first.id}/messages`, {
      clientId: crypto.randomUUID(),
      text: 'Your refund is on its way',
    });
    assert.equal(sent.status, 201);
    const written = await note(ann.session, first.id, 'Refund promised <b>by Friday</b>');
    assert.equal(written.status, 201, JSON.stringify(written.body));
    assert.equal(written.body.authorName, 'Ann');
    server.clock.advance(90_000);
    await finish(ann, first.id);

    const recent = await call(server, ann.session, 'GET', '/me/recent-contacts');
    assert.equal(recent.status, 200);
    const [last] = recent.body;
    assert.equal(last.contactId, first.id);
    assert.equal(last.customerName, 'Ada');
    assert.equal(last.status, 'ended');
    assert.equal(last.outcome, 'handled');
    assert.equal(last.durationSeconds, 90);
    assert.deepEqual(
      last.notes.map((n: { body: string }) => n.body),
      ['Refund promised <b>by Friday</b>'],
    );
    assert.equal((await call(server, ann.session, 'GET', `/chats/${first.id}`)).status, 200);

    const second = await chatWith(ben, 'ada@example.COM');
    const history = await call(server, ben.session, 'GET', `/contacts/${second.id}/customer-history`);
    assert.equal(history.status, 200, JSON.stringify(history.body));
    assert.deepEqual(
      history.body.map((h: { contactId: string }) => h.contactId),
      [first.id],
      'the earlier chat, not this one',
    );
    // Matched only by the email the customer typed (anyone can type it): when, where, with whom, how it ended.
    assert.equal(history.body[0].agentName, 'Ann');
    assert.equal(history.body[0].outcome, 'handled');
    assert.equal(history.body[0].matchedBy, 'email');
    assert.equal(history.body[0].verified, false);
    assert.deepEqual(history.body[0].notes, [], 'no notes of an unverified match');
    assert.equal(history.body[0].customerName, null);
    assert.ok(!JSON.stringify(history.body).includes('Refund promised'));
    assert.ok(!JSON.stringify(history.body).includes('refund is on its way'));
    // Nor its transcript: an earlier chat opens through the history only when matched by customerId.
    const transcript = await call(server, ben.session, 'GET', `/chats/${first.id}?via=${second.id}`);
    assert.equal(transcript.status, 404, JSON.stringify(transcript.body));
    assert.equal((await call(server, ben.session, 'GET', `/chats/${first.id}`)).status, 404);
    const ownWithVia = await call(server, ann.session, 'GET', `/chats/${first.id}?via=${second.id}`);
    assert.equal(ownWithVia.status, 200, 'a via that is not hers does not hide her own chat');
    assert.equal((await call(server, ben.session, 'GET', `/contacts/${first.id}/notes`)).status, 404);

    // Nothing of the note reaches the customer.
    const theirs = await server.app.inject({
      method: 'GET',
      url: `/api/v1/public/chats/${first.id}/transcript`,
      headers: { authorization: `Chat ${first.token}` },
    });
    assert.equal(theirs.statusCode, 200);
    assert.ok(!theirs.body.includes('Refund promised'));

    // Other agents see neither the history nor the earlier transcript; supervisors and readers do.
    for (const url of [`/contacts/${second.id}/customer-history`, `/chats/${first.id}`]) {
      assert.equal((await call(server, cat.session, 'GET', url)).status, 404, url);
      assert.equal((await call(server, sue.session, 'GET', url)).status, 200, url);
      assert.equal((await call(server, reader, 'GET', url)).status, 200, url);
    }
    // Once Ben's contact is over, its customer's history is no longer his to read.
    await finish(ben, second.id);
    const later = await call(server, ben.session, 'GET', `/contacts/${second.id}/customer-history`);
    assert.equal(later.status, 404);
  });

  test('notes: by the agent handling the contact, plain text up to the limit, at most 20', async () => {
    const chat = await chatWith(ann, 'limits@example.com');
    const longest = '😀'.repeat(LIMITS.contactNote.max);
    assert.equal((await note(ann.session, chat.id, longest)).status, 201, 'emoji count as one character');
    for (const body of ['😀'.repeat(LIMITS.contactNote.max + 1), '   ', 'bell\u0007']) {
      const refused = await note(ann.session, chat.id, body);
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.equal(refused.body.error.code, 'validation_failed');
    }
    assert.equal((await note(cat.session, chat.id, 'not mine')).status, 404);
    assert.equal((await note(sue.session, chat.id, 'not mine either')).status, 409);
    assert.equal((await note(admin, chat.id, 'administrators take no contacts')).status, 403);
    assert.equal((await note(reader, chat.id, 'keys neither')).status, 403);
    for (let i = 2; i <= LIMITS.contactNotesPerContact.max; i++)
      assert.equal((await note(ann.session, chat.id, `note ${i}`)).status, 201);
    const full = await note(ann.session, chat.id, 'one too many');
    assert.equal(full.status, 409);
    assert.equal(full.body.error.code, 'limit_reached');
    await finish(ann, chat.id);
    const ended = await note(ann.session, chat.id, 'too late');
    assert.equal(ended.status, 409);
  });

  test('after a transfer the next agent reads the notes; the first still finds it in Recent', async () => {
    const chat = await chatWith(ann, 'transfer@example.com');
    assert.equal((await note(ann.session, chat.id, 'Wants a manager')).status, 201);
    await setAgentState(server, ben.session, ben.user.id, 'ready');
    const moved = await call(server, ann.session, 'POST', `/contacts/${chat.id}/transfer`, {
      agentId: ben.user.id,
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const offered = await call(server, ben.session, 'GET', `/contacts/${chat.id}/notes`);
    assert.deepEqual(
      offered.body.map((n: { body: string }) => n.body),
      ['Wants a manager'],
    );
    assert.equal((await call(server, ben.session, 'POST', `/contacts/${chat.id}/accept`)).status, 200);
    assert.equal((await note(ben.session, chat.id, 'Manager called back')).status, 201);
    assert.equal((await note(ann.session, chat.id, 'no longer mine')).status, 409);
    const recent = await call(server, ann.session, 'GET', '/me/recent-contacts');
    const entry = recent.body.find((c: { contactId: string }) => c.contactId === chat.id);
    assert.equal(entry.notes.length, 2);
    assert.equal((await call(server, ann.session, 'GET', `/chats/${chat.id}`)).status, 200);
    await finish(ben, chat.id);
  });

  test('matched by the channel’s customerId: notes and the earlier transcript, while the contact is in hand', async () => {
    const verified = { customFields: { customerId: 'CRM-7' } };
    const first = await chatWith(ann, 'crm7@example.com', verified);
    const sent = await call(server, ann.session, 'POST', `/chats/${first.id}/messages`, {
      clientId: crypto.randomUUID(),
      text: 'Your order ships Monday',
    });
    assert.equal(sent.status, 201);
    assert.equal((await note(ann.session, first.id, 'Ships Monday')).status, 201);
    await finish(ann, first.id);
    const second = await chatWith(ben, 'other@example.com', verified);
    const history = await call(server, ben.session, 'GET', `/contacts/${second.id}/customer-history`);
    assert.equal(history.status, 200, JSON.stringify(history.body));
    const [earlier] = history.body;
    assert.equal(earlier.contactId, first.id);
    assert.equal(earlier.matchedBy, 'customerId');
    assert.equal(earlier.verified, true);
    assert.equal(earlier.notes[0].body, 'Ships Monday');
    const transcript = await call(server, ben.session, 'GET', `/chats/${first.id}?via=${second.id}`);
    assert.equal(transcript.status, 200, JSON.stringify(transcript.body));
    assert.equal(transcript.body.messages[0].text, 'Your order ships Monday');
    await finish(ben, second.id);
  });

  test('an agent merely offered the contact sees neither the history nor the earlier transcripts', async () => {
    const verified = { customFields: { customerId: 'CRM-8' } };
    const first = await chatWith(ann, 'crm8@example.com', verified);
    await finish(ann, first.id);
    for (const p of [ann, ben])
      await setAgentState(server, p.session, p.user.id, p === ben ? 'ready' : 'not_ready');
    const started = await call(server, channel, 'POST', '/chats', {
      csqId,
      customer: { name: 'Ada' },
      ...verified,
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const offered: string = started.body.chatId;
    const history = `/contacts/${offered}/customer-history`;
    const earlier = `/chats/${first.id}?via=${offered}`;
    assert.equal((await call(server, ben.session, 'GET', history)).status, 404);
    assert.equal((await call(server, ben.session, 'GET', earlier)).status, 404);
    assert.equal((await call(server, ben.session, 'POST', `/contacts/${offered}/accept`)).status, 200);
    assert.equal((await call(server, ben.session, 'GET', history)).status, 200);
    assert.equal((await call(server, ben.session, 'GET', earlier)).status, 200);
    await finish(ben, offered);
  });

  test('a channel’s customerId matches contacts; another tenant’s same customer never shows', async () => {
    const attributes = { customerId: 'CRM-42' };
    const made = [];
    for (let i = 0; i < 2; i++) {
      const res = await call(server, channel, 'POST', '/contacts', { channel: 'chat', csqId, attributes });
      made.push(res.body.id as string);
    }
    const history = await call(server, sue.session, 'GET', `/contacts/${made[1]}/customer-history`);
    assert.deepEqual(
      history.body.map((h: { contactId: string }) => h.contactId),
      [made[0]],
    );

    const other = await createTestTenant(server, 'globex');
    const otherCsq = await buildCsq(server, other.admin);
    const otherKey = (await buildApiKey(server, other.admin, 'write')).session;
    const theirs = await call(server, otherKey, 'POST', '/chats', {
      csqId: otherCsq.id,
      customer: { email: 'ada@example.com' },
    });
    const theirsToo = await call(server, otherKey, 'POST', '/contacts', {
      channel: 'chat',
      csqId: otherCsq.id,
      attributes,
    });
    const again = await call(server, other.admin, 'GET', `/contacts/${theirsToo.body.id}/customer-history`);
    assert.deepEqual(again.body, [], 'acme’s CRM-42 is not globex’s');
    const ada = await call(server, other.admin, 'GET', `/contacts/${theirs.body.chatId}/customer-history`);
    assert.deepEqual(ada.body, []);
    const limit = await call(server, sue.session, 'GET', `/contacts/${made[1]}/customer-history?limit=51`);
    assert.equal(limit.status, 400);
  });
});
