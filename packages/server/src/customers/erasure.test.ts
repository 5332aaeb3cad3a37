import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { captureTenant } from '../reporting/capture.ts';
import { buildApiKey, buildCsq, setAgentState, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { ERASED } from './erasure.ts';

/** Past the end of the chats' interval and its capture delay, within the access tokens' hour. */
const LATER = 20 * 60_000;
type Customer = { name: string; email?: string; phone?: string };

/** One tenant's desk: an administrator, an agent, a channel adapter's key and a chat CSQ. */
async function desk(server: TestApp, name: string) {
  const { tenantId, admin } = await createTestTenant(server, name);
  const csqId = (await buildCsq(server, admin)).id;
  const { user, session } = await signInAs(server, admin, 'agent', { alias: 'Sam' });
  const channel = (await buildApiKey(server, admin, 'write')).session;
  return { tenantId, admin, csqId, agent: { id: user.id, session }, channel };
}
type Desk = Awaited<ReturnType<typeof desk>>;

describe("erasing a customer's personal data", () => {
  let server: TestApp;
  let acme: Desk;
  let globex: Desk;
  const chats: Record<string, string> = {};

  const ok = async (session: Session, method: 'GET' | 'POST', url: string, body?: unknown) => {
    const response = await call(server, session, method, url, body);
    assert.ok(response.status < 300, `${method} ${url}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  /** A chat from start to end: both sides write, the agent leaves a note and a transfer-free wrap-up. */
  const chat = async (d: Desk, customer: Customer, customId?: string) => {
    await setAgentState(server, d.agent.session, d.agent.id, 'ready');
    const started = await ok(d.channel, 'POST', '/chats', {
      csqId: d.csqId,
      customer,
      customFields: { Order: `order of ${customer.name}` },
    });
    const id: string = started.chatId;
    const asCustomer = { ...d.admin, headers: { authorization: `Chat ${started.token}` } };
    await ok(d.agent.session, 'POST', `/contacts/${id}/accept`);
    const text = (who: string) => ({ clientId: crypto.randomUUID(), text: `${who} of ${customer.name}` });
    await ok(asCustomer, 'POST', `/public/chats/${id}/messages`, text('question'));
    await ok(d.agent.session, 'POST', `/chats/${id}/messages`, text('answer'));
    await ok(d.agent.session, 'POST', `/contacts/${id}/notes`, { body: `call ${customer.name} back` });
    await ok(d.agent.session, 'POST', `/contacts/${id}/complete`);
    await ok(d.agent.session, 'POST', `/contacts/${id}/wrap-up`, { reasons: [] });
    if (customId) chats[customId] = id;
    return id;
  };
  const erase = (body: object, session = acme.admin) =>
    call(server, session, 'POST', '/customers/erase', body);
  const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  /** The chats' day (UTC, the tenant's zone) to now: the capture delay may carry the clock past midnight. */
  let chatDay = '';
  /** Everything the figures are made of, and the reports over them. */
  const figures = async (d: Desk) => {
    const { db } = server.database;
    const rows = (table: 'contact_legs' | 'agent_segments' | 'contact_events') =>
      db.selectFrom(table).selectAll().where('tenant_id', '=', d.tenantId).execute();
    const contacts = await db
      .selectFrom('contacts')
      .select(['id', 'status', 'created_at', 'accepted_at', 'ended_at', 'outcome', 'ended_by'])
      .where('tenant_id', '=', d.tenantId)
      .orderBy('id')
      .execute();
    const report = await ok(
      d.admin,
      'GET',
      `/reports/csq-activity?from=${chatDay}&to=${dayOf(server.clock.now())}`,
    );
    const events = (await rows('contact_events')).map(({ data: _, ...event }) => event);
    return {
      contacts,
      legs: await rows('contact_legs'),
      segments: await rows('agent_segments'),
      events,
      report,
    };
  };
  const chatOf = (d: Desk, id: string) => ok(d.admin, 'GET', `/chats/${id}`);
  const notesOf = (d: Desk, id: string) => ok(d.admin, 'GET', `/contacts/${id}/notes`);

  before(async () => {
    server = await startTestApp();
    [acme, globex] = [await desk(server, 'acme'), await desk(server, 'globex')];
    chatDay = dayOf(server.clock.now());
    await chat(acme, { name: 'Ada', email: 'Ada@Example.com', phone: '+49 30 1234' }, 'ada1');
    await chat(acme, { name: 'Ada L.', email: 'ada@example.com' }, 'ada2');
    await chat(acme, { name: 'Ada by phone', phone: '+49 (30) 12-34' }, 'ada3');
    await chat(acme, { name: 'Bob', email: 'bob@example.com' }, 'bob');
    await chat(globex, { name: 'Ada', email: 'ada@example.com' }, 'globexAda');
    // Ada's chat still waiting for an agent: open, so left alone.
    chats.adaOpen = (
      await ok(acme.channel, 'POST', '/chats', { csqId: acme.csqId, customer: { email: 'ada@example.com' } })
    ).chatId;
    server.clock.advance(LATER);
    for (const d of [acme, globex]) await captureTenant(server.database.db, d.tenantId, server.clock.now());
  });
  after(() => server.close());

  test('a dry run counts what would go and changes nothing', async () => {
    const before = await chatOf(acme, chats.ada1!);
    const counted = await erase({ email: 'ADA@example.com', phone: '+4930 1234', dryRun: true });
    assert.equal(counted.status, 200, JSON.stringify(counted.body));
    assert.deepEqual(counted.body, { dryRun: true, contacts: 3, messages: 6, notes: 3, openContacts: 1 });
    assert.deepEqual(await chatOf(acme, chats.ada1!), before);
  });

  test('erasure replaces the texts and personal fields, keeps every figure, and is audited without them', async () => {
    const [figuresBefore, globexBefore] = [await figures(acme), await figures(globex)];
    const [bobBefore, globexChat] = [await chatOf(acme, chats.bob!), await chatOf(globex, chats.globexAda!)];
    assert.equal(figuresBefore.legs.length, 5, 'the chats were captured, the open one too');
    assert.ok(
      JSON.stringify(figuresBefore.report).includes('"handled":4'),
      JSON.stringify(figuresBefore.report),
    );
    const erased = await erase({ email: 'ADA@example.com', phone: '+4930 1234' });
    assert.deepEqual(erased.body, { dryRun: false, contacts: 3, messages: 6, notes: 3, openContacts: 1 });

    for (const id of [chats.ada1!, chats.ada2!, chats.ada3!]) {
      const transcript = await chatOf(acme, id);
      assert.deepEqual(transcript.customer, {
        name: null,
        email: null,
        phone: null,
        ...pick(transcript.customer),
      });
      assert.deepEqual(
        transcript.messages.map((m: { text: string }) => m.text),
        [ERASED, ERASED],
      );
      assert.deepEqual(
        (await notesOf(acme, id)).map((n: { body: string }) => n.body),
        [ERASED],
      );
      const contact = await ok(acme.admin, 'GET', `/contacts/${id}`);
      assert.ok(
        Object.values(contact.attributes).every((value) => value === ERASED),
        JSON.stringify(contact),
      );
    }
    assert.deepEqual(await figures(acme), figuresBefore, 'the figures and reports stay the same');
    const logged = await server.database.db
      .selectFrom('event_log')
      .select('payload')
      .where('tenant_id', '=', acme.tenantId)
      .where('type', '=', 'chat.message')
      .execute();
    const texts = logged.map(({ payload }) => payload as { contactId: string; text: string });
    assert.ok(
      texts.some((p) => p.contactId === chats.ada1),
      'the agents were told of the messages',
    );
    for (const { contactId, text } of texts)
      assert.equal(text === ERASED, contactId !== chats.bob, `the event log's copy of ${contactId}`);
    assert.deepEqual(await figures(globex), globexBefore);
    assert.deepEqual(await chatOf(acme, chats.bob!), bobBefore, 'another customer is untouched');
    assert.deepEqual(await chatOf(globex, chats.globexAda!), globexChat, 'another tenant is untouched');
    const open = await chatOf(acme, chats.adaOpen!);
    assert.equal(open.customer.email, 'ada@example.com', 'an open contact is left until it ends');

    const entries = await ok(acme.admin, 'GET', '/audit-log?action=erase');
    assert.equal(entries.length, 1, JSON.stringify(entries));
    assert.deepEqual(entries[0].after, {
      identifiedBy: ['email', 'phone'],
      contacts: 3,
      messages: 6,
      notes: 3,
      openContacts: 1,
    });
    assert.doesNotMatch(JSON.stringify(entries), /ada|Ada|1234|question/);
  });

  test('erasing again finds nothing left, and a customerId names the contacts a channel adapter made', async () => {
    const again = await erase({ email: 'ada@example.com' });
    assert.deepEqual(again.body, { dryRun: false, contacts: 0, messages: 0, notes: 0, openContacts: 1 });
    const made = await ok(acme.channel, 'POST', '/contacts', {
      channel: 'chat',
      csqId: acme.csqId,
      attributes: { customerId: 'C-7', Name: 'Carla' },
    });
    await ok(acme.channel, 'POST', `/contacts/${made.id}/end`);
    const byId = await erase({ customerId: 'C-7' });
    assert.deepEqual(byId.body, { dryRun: false, contacts: 1, messages: 0, notes: 0, openContacts: 0 });
    const contact = await ok(acme.admin, 'GET', `/contacts/${made.id}`);
    assert.deepEqual(contact.attributes, { customerId: ERASED, Name: ERASED });
    assert.equal(contact.outcome, 'abandoned', 'the outcome stays');
  });

  test('a request naming no customer is refused with what to send', async () => {
    const refused = await erase({ dryRun: true });
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'validation_failed');
    assert.match(refused.body.error.message, /email, phone or customerId/);
  });
});

/** The customer fields besides name, email and phone, as they are. */
function pick(customer: Record<string, unknown>) {
  const { name: _n, email: _e, phone: _p, ...rest } = customer;
  return rest;
}
