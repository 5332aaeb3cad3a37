import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EXAMPLE_FLOW } from '@switchboard/core/testing/example-flow';
import { buildApiKey, buildCalendar, buildCsq, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { ToneSpeech } from './testing/tone-speech.ts';

/** The documented example, pointed at this tenant's CSQ and calendar. */
const exampleWith = (csqId: string, calendarId: string) =>
  JSON.parse(
    JSON.stringify(EXAMPLE_FLOW)
      .replaceAll(EXAMPLE_FLOW.steps.support.csqId, csqId)
      .replaceAll(EXAMPLE_FLOW.steps.hours.calendarId, calendarId),
  );

describe('call flows', () => {
  let server: TestApp;
  let admin: Session;
  let voice: { id: string; name: string };
  let chat: { id: string; name: string };
  let calendar: { id: string };
  let definition: ReturnType<typeof exampleWith>;

  before(async () => {
    server = await startTestApp({ speech: new ToneSpeech({}) });
    ({ admin } = await createTestTenant(server, 'flows'));
    voice = await buildCsq(server, admin, { name: 'Phone support', channel: 'voice' });
    chat = await buildCsq(server, admin, { name: 'Web chat' });
    calendar = await buildCalendar(server, admin);
    definition = exampleWith(voice.id, calendar.id);
  });
  after(() => server.close());

  const create = (name: string, body = definition) =>
    call(server, admin, 'POST', '/call-flows', { name, definition: body });

  test('an administrator saves the documented example; it reads back with its defaults, version 1', async () => {
    const created = await create('Main line');
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.version, 1);
    assert.equal(created.body.definition.steps.menu.attempts, 3);
    const read = await call(server, admin, 'GET', `/call-flows/${created.body.id}`);
    assert.deepEqual(read.body, created.body);
    const listed = await call(server, admin, 'GET', '/call-flows');
    assert.deepEqual(
      listed.body.map((f: { name: string }) => f.name),
      ['Main line'],
    );
    const audit = await call(server, admin, 'GET', '/audit-log?entityType=call_flow');
    assert.deepEqual(
      audit.body.map((e: { action: string; entityId: string }) => [e.action, e.entityId]),
      [['create', created.body.id]],
    );
  });

  test('refused with the step and the field: what it names must be this tenant’s, and a CSQ must take calls', async () => {
    const { admin: otherAdmin } = await createTestTenant(server, 'flows-other');
    const theirs = await buildCsq(server, otherAdmin, { channel: 'voice' });
    const cases: [object, string, RegExp][] = [
      [
        exampleWith(chat.id, calendar.id),
        'steps/support/csqId',
        /the CSQ "Web chat" takes chat contacts, not calls/,
      ],
      [exampleWith(theirs.id, calendar.id), 'steps/support/csqId', /names no CSQ of this tenant/],
      [
        exampleWith(voice.id, crypto.randomUUID()),
        'steps/hours/calendarId',
        /names no calendar of this tenant/,
      ],
      [
        {
          ...definition,
          steps: {
            ...definition.steps,
            greeting: { ...definition.steps.greeting, prompts: [{ promptId: crypto.randomUUID() }] },
          },
        },
        'steps/greeting/prompts/0',
        /names no uploaded prompt/,
      ],
      [
        {
          ...definition,
          steps: {
            ...definition.steps,
            closed: { type: 'play', prompts: [{ text: 'Closed.' }], next: 'greeting' },
          },
        },
        'steps/greeting',
        /loop with no menu or collect/,
      ],
    ];
    for (const [body, field, message] of cases) {
      const refused = await create('Broken', body as typeof definition);
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.equal(refused.body.error.code, 'validation_failed');
      assert.match(refused.body.error.message, message);
      assert.equal(refused.body.error.details.field, field);
      assert.equal(refused.body.error.details.step, field.split('/')[1]);
    }
    assert.equal((await call(server, admin, 'GET', '/call-flows')).body.length, 1);
  });

  test('each save is a version; a save from an old version is refused; of simultaneous saves one wins', async () => {
    const { body: flow } = await create('Versions');
    const save = (version: number, name = 'Versions') =>
      call(server, admin, 'PUT', `/call-flows/${flow.id}`, { name, definition, version });
    const second = await save(1, 'Versions renamed');
    assert.equal(second.status, 200, JSON.stringify(second.body));
    assert.equal(second.body.version, 2);
    const stale = await save(1);
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.details.version, 2);
    const racing = await Promise.all([save(2), save(2), save(2), save(2)]);
    assert.deepEqual(racing.map((r) => r.status).sort(), [200, 409, 409, 409]);
    const versions = await call(server, admin, 'GET', `/call-flows/${flow.id}/versions`);
    assert.deepEqual(
      versions.body.map((v: { version: number; name: string }) => [v.version, v.name]),
      [
        [3, 'Versions'],
        [2, 'Versions renamed'],
        [1, 'Versions'],
      ],
    );
    const first = await call(server, admin, 'GET', `/call-flows/${flow.id}/versions/1`);
    assert.equal(first.body.definition.start, 'greeting');
    assert.equal((await call(server, admin, 'GET', `/call-flows/${flow.id}/versions/9`)).status, 404);
  });

  test('a CSQ or calendar a flow uses is not deleted until the flow lets go', async () => {
    const csq = await buildCsq(server, admin, { name: 'Sales line', channel: 'voice' });
    const hours = await buildCalendar(server, admin, { name: 'Sales hours' });
    const { body: flow } = await create('Sales', exampleWith(csq.id, hours.id));
    const deleteCsq = await call(server, admin, 'DELETE', `/csqs/${csq.id}`);
    assert.equal(deleteCsq.status, 409);
    assert.match(deleteCsq.body.error.message, /call flow\(s\) "Sales" send calls to it/);
    const deleteHours = await call(server, admin, 'DELETE', `/calendars/${hours.id}`);
    assert.equal(deleteHours.status, 409);
    assert.match(deleteHours.body.error.message, /"Sales" check their hours by it/);
    assert.equal((await call(server, admin, 'DELETE', `/call-flows/${flow.id}`)).status, 204);
    assert.equal((await call(server, admin, 'DELETE', `/csqs/${csq.id}`)).status, 204);
    assert.equal((await call(server, admin, 'DELETE', `/calendars/${hours.id}`)).status, 204);
  });

  test('a server that cannot speak refuses flows with text prompts, naming the step; flows without text it takes', async () => {
    const mute = await startTestApp({
      speech: { available: async () => false, speak: async () => assert.fail('nothing is spoken') },
    });
    try {
      const { admin: muteAdmin } = await createTestTenant(mute, 'mute');
      const csq = await buildCsq(mute, muteAdmin, { channel: 'voice' });
      const calendarId = (await buildCalendar(mute, muteAdmin)).id;
      const refused = await call(mute, muteAdmin, 'POST', '/call-flows', {
        name: 'Spoken',
        definition: exampleWith(csq.id, calendarId),
      });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'speech_unavailable');
      assert.equal(refused.body.error.details.step, 'greeting');
      assert.match(refused.body.error.message, /apt-get install espeak-ng/);
      const silent = await call(mute, muteAdmin, 'POST', '/call-flows', {
        name: 'Silent',
        definition: { format: 1, start: 'q', steps: { q: { type: 'queue', csqId: csq.id } } },
      });
      assert.equal(silent.status, 201, JSON.stringify(silent.body));
    } finally {
      await mute.close();
    }
  });

  test('supervisors and read keys read flows; only administrators change them; agents see none', async () => {
    const supervisor = await signInAs(server, admin, 'supervisor');
    const agent = await signInAs(server, admin, 'agent');
    const key = await buildApiKey(server, admin, 'write');
    assert.equal((await call(server, supervisor.session, 'GET', '/call-flows')).status, 200);
    assert.equal((await call(server, key.session, 'GET', '/call-flows')).status, 200);
    assert.equal((await call(server, agent.session, 'GET', '/call-flows')).status, 403);
    for (const who of [supervisor.session, key.session]) {
      const refused = await call(server, who, 'POST', '/call-flows', { name: 'Mine', definition });
      assert.equal(refused.status, 403);
    }
  });
});
