import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LIMITS, RESPONSE_FORBIDDEN_CHARACTERS } from '@switchboard/core';
import fc from 'fast-check';
import { sql } from 'kysely';
import {
  buildApiKey,
  buildCsq,
  buildPredefinedResponse,
  buildSkill,
  contactWith,
  signInAs,
} from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';

type Res = Awaited<ReturnType<typeof call>>;
const show = (res: Res) => `→ ${res.status} ${JSON.stringify(res.body ?? null).slice(0, 400)}`;
let n = 0;
const title = () => `Reply ${++n}`;

describe('predefined responses', () => {
  let server: TestApp;
  let tenantId: string;
  let admin: Session;
  let agent: { id: string; session: Session };
  let channel: Session;
  /** Only the agent qualifies for `chat`: its contacts go to them. */
  const csqs = { chat: '', otherChat: '', parking: '', email: '', voice: '' };

  const post = (body: Record<string, unknown>) => call(server, admin, 'POST', '/predefined-responses', body);
  const chat = (extra: Record<string, unknown> = {}) => ({
    channel: 'chat',
    title: title(),
    body: 'Thanks for waiting',
    csqIds: [],
    ...extra,
  });
  const refused = (res: Res, status: number, code: string, field: string) => {
    assert.equal(res.status, status, show(res));
    assert.equal(res.body.error.code, code, show(res));
    assert.ok(JSON.stringify(res.body.error.details).includes(`body/${field}`), show(res));
  };

  before(async () => {
    server = await startTestApp();
    ({ tenantId, admin } = await createTestTenant(server, 'acme'));
    const skill = await buildSkill(server, admin);
    const { user, session } = await signInAs(server, admin, 'agent', {
      skills: [{ skillId: skill.id, competence: 5 }],
    });
    agent = { id: user.id, session };
    channel = (await buildApiKey(server, admin, 'write')).session;
    csqs.chat = (await buildCsq(server, admin, { skills: [{ skillId: skill.id, minCompetence: 1 }] })).id;
    csqs.otherChat = (await buildCsq(server, admin)).id;
    const rare = await buildSkill(server, admin);
    csqs.parking = (await buildCsq(server, admin, { skills: [{ skillId: rare.id, minCompetence: 1 }] })).id;
    csqs.email = (await buildCsq(server, admin, { channel: 'email' })).id;
    csqs.voice = (await buildCsq(server, admin, { channel: 'voice' })).id;
  });
  after(() => server.close());

  test('an administrator creates, reads, changes and deletes a response; each change is audited', async () => {
    const created = await post(chat({ title: 'Greeting', body: 'Hello! How can I help?' }));
    assert.equal(created.status, 201, show(created));
    const { id, createdAt, updatedAt, ...rest } = created.body;
    assert.deepEqual(rest, {
      channel: 'chat',
      title: 'Greeting',
      body: 'Hello! How can I help?',
      global: true,
      csqIds: [],
    });
    assert.deepEqual(
      (await call(server, agent.session, 'GET', `/predefined-responses/${id}`)).body,
      created.body,
    );

    const changed = await call(server, admin, 'PATCH', `/predefined-responses/${id}`, {
      csqIds: [csqs.otherChat, csqs.chat],
    });
    assert.equal(changed.status, 200, show(changed));
    assert.equal(changed.body.global, false);
    assert.deepEqual(changed.body.csqIds, [csqs.otherChat, csqs.chat].sort());

    const listed = await call(server, admin, 'GET', '/predefined-responses?channel=chat');
    assert.ok(listed.body.some((r: { id: string }) => r.id === id));
    assert.equal((await call(server, admin, 'DELETE', `/predefined-responses/${id}`)).status, 204);
    assert.equal((await call(server, admin, 'GET', `/predefined-responses/${id}`)).status, 404);

    const log = await call(server, admin, 'GET', '/audit-log?limit=500');
    const entries = log.body.filter((e: { entityId: string }) => e.entityId === id);
    assert.deepEqual(entries.map((e: { action: string }) => e.action).sort(), ['create', 'delete', 'update']);
  });

  test('property: a title, or a chat body, with any of < > ( ) " | is refused naming the field; email bodies take them', async () => {
    const around = fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.replace(/[<>()"|\s]/g, 'x'));
    await fc.assert(
      fc.asyncProperty(
        around,
        fc.constantFrom(...RESPONSE_FORBIDDEN_CHARACTERS),
        around,
        async (before, character, after) => {
          const text = `${before}${character}${after}`;
          refused(await post(chat({ title: text })), 400, 'validation_failed', 'title');
          refused(await post(chat({ body: text })), 400, 'validation_failed', 'body');
          const email = await post({ ...chat({ body: text }), channel: 'email' });
          assert.equal(email.status, 201, show(email));
        },
      ),
      { numRuns: 15 },
    );
  });

  test('email bodies are sanitised: scripts, event handlers and javascript: links go, the formatting stays', async () => {
    const html =
      '<p onclick="steal()">Dear customer,<script>alert(1)</script></p><img src="x" onerror="alert(1)">' +
      '<a href="javascript:alert(1)">here</a> <a href="https://example.com/help">help</a><b>Thanks</b>';
    const created = await post({ channel: 'email', title: title(), body: html, csqIds: [csqs.email] });
    assert.equal(created.status, 201, show(created));
    const { body } = created.body as { body: string };
    for (const gone of ['script', 'onerror', 'onclick', 'javascript:', 'alert']) {
      assert.ok(!body.includes(gone), `${gone} in ${body}`);
    }
    assert.equal(
      body,
      '<p>Dear customer,</p><img src="x" /><a>here</a> <a href="https://example.com/help">help</a><b>Thanks</b>',
    );
    const empty = await post({
      channel: 'email',
      title: title(),
      body: '<script>alert(1)</script>',
      csqIds: [],
    });
    refused(empty, 400, 'validation_failed', 'body');
  });

  test('bodies hold 1500 characters (code points), titles 100', async () => {
    const { max } = LIMITS.predefinedResponseBody;
    assert.equal((await post(chat({ body: '😀'.repeat(max) }))).status, 201);
    refused(await post(chat({ body: '😀'.repeat(max + 1) })), 400, 'validation_failed', 'body');
    const titleMax = LIMITS.predefinedResponseTitle.max;
    assert.equal((await post(chat({ title: 't'.repeat(titleMax) }))).status, 201);
    refused(await post(chat({ title: 't'.repeat(titleMax + 1) })), 400, 'validation_failed', 'title');
    // Sanitising escapes text: a body that grows past the limit that way is refused too.
    const grows = await post({ ...chat({ body: '&'.repeat(max) }), channel: 'email' });
    refused(grows, 400, 'validation_failed', 'body');
  });

  test('titles are unique in the tenant without regard to case, across chat and email', async () => {
    assert.equal((await post(chat({ title: 'Closing' }))).status, 201);
    refused(await post(chat({ title: 'CLOSING' })), 409, 'conflict', 'title');
    refused(await post({ ...chat({ title: 'closing' }), channel: 'email' }), 409, 'conflict', 'title');
    const other = await buildPredefinedResponse(server, admin);
    const renamed = await call(server, admin, 'PATCH', `/predefined-responses/${other.id}`, {
      title: 'Closing',
    });
    refused(renamed, 409, 'conflict', 'title');
  });

  test('tags: global or 1–10 CSQs of the channel, each once, of this tenant', async () => {
    const tenCsqs = [];
    for (let i = 0; i < LIMITS.predefinedResponseCsqs.max; i++)
      tenCsqs.push((await buildCsq(server, admin)).id);
    assert.equal((await post(chat({ csqIds: tenCsqs }))).status, 201);
    const eleven = await post(chat({ csqIds: [...tenCsqs, csqs.chat] }));
    assert.equal(eleven.status, 400, show(eleven));
    refused(await post(chat({ csqIds: [csqs.chat, csqs.email] })), 400, 'validation_failed', 'csqIds/1');
    refused(await post(chat({ csqIds: [csqs.voice] })), 400, 'validation_failed', 'csqIds/0');
    refused(await post(chat({ csqIds: [csqs.chat, csqs.chat] })), 400, 'validation_failed', 'csqIds/1');
    const stranger = await createTestTenant(server, 'globex');
    const theirs = (await buildCsq(server, stranger.admin)).id;
    refused(await post(chat({ csqIds: [theirs] })), 400, 'validation_failed', 'csqIds/0');
  });

  test('a change is checked as a whole: a new channel must suit the body and the CSQs', async () => {
    const html = await post({ channel: 'email', title: title(), body: '<p>Hi</p>', csqIds: [] });
    const toChat = await call(server, admin, 'PATCH', `/predefined-responses/${html.body.id}`, {
      channel: 'chat',
    });
    refused(toChat, 400, 'validation_failed', 'body');
    const tagged = await post(chat({ csqIds: [csqs.chat] }));
    const toEmail = await call(server, admin, 'PATCH', `/predefined-responses/${tagged.body.id}`, {
      channel: 'email',
    });
    refused(toEmail, 400, 'validation_failed', 'csqIds/0');
    const both = await call(server, admin, 'PATCH', `/predefined-responses/${tagged.body.id}`, {
      channel: 'email',
      csqIds: [csqs.email],
    });
    assert.equal(both.status, 200, show(both));
  });

  test("an agent gets the responses for their contact: its channel's global ones and those of its CSQ", async () => {
    const mine = await post(chat({ csqIds: [csqs.chat] }));
    const elsewhere = await post(chat({ csqIds: [csqs.otherChat] }));
    const global = await post(chat());
    const email = await post({ ...chat(), channel: 'email' });
    const desk = { admin, channel, agent, csqId: csqs.chat };
    const contact = await contactWith(server, desk, 'active');
    const res = await call(server, agent.session, 'GET', `/contacts/${contact}/predefined-responses`);
    assert.equal(res.status, 200, show(res));
    const ids = res.body.map((r: { id: string }) => r.id);
    assert.ok(ids.includes(mine.body.id) && ids.includes(global.body.id));
    assert.ok(!ids.includes(elsewhere.body.id) && !ids.includes(email.body.id));
    assert.ok(
      res.body.every(
        (r: { channel: string; global: boolean; csqIds: string[] }) =>
          r.channel === 'chat' && (r.global || r.csqIds.includes(csqs.chat)),
      ),
    );

    // Someone else's contact, or one waiting for no one: not found for the agent.
    const waiting = await call(server, channel, 'POST', '/contacts', {
      channel: 'chat',
      csqId: csqs.parking,
    });
    const theirs = await call(
      server,
      agent.session,
      'GET',
      `/contacts/${waiting.body.id}/predefined-responses`,
    );
    assert.equal(theirs.status, 404, show(theirs));
  });

  test('at most 500 per tenant, chat and email together: 409 limit_reached beyond, room again after a delete', async () => {
    const max = LIMITS.predefinedResponsesPerTenant.max;
    const count = async () =>
      Number(
        (
          await sql<{
            n: string;
          }>`select count(*) as n from predefined_responses where tenant_id = ${tenantId}`.execute(
            server.database.db,
          )
        ).rows[0]?.n,
      );
    await sql`
      insert into predefined_responses (id, tenant_id, channel, title, body, global)
      select gen_random_uuid(), ${tenantId}, case when i % 2 = 0 then 'chat' else 'email' end,
        'Seeded ' || i, 'Body', true
      from generate_series(1, ${max - 1 - (await count())}) as i`.execute(server.database.db);
    const last = await post(chat());
    assert.equal(last.status, 201, show(last));
    const over = await post({ ...chat(), channel: 'email' });
    assert.equal(over.status, 409, show(over));
    assert.equal(over.body.error.code, 'limit_reached');
    assert.deepEqual(over.body.error.details, { limit: max, what: 'predefinedResponsesPerTenant' });
    assert.equal(await count(), max);
    assert.equal((await call(server, admin, 'DELETE', `/predefined-responses/${last.body.id}`)).status, 204);
    assert.equal((await post(chat())).status, 201);
  });
});
