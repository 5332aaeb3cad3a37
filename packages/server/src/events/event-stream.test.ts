import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApiKey, buildSkill, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { connect, eventsUrl, type Message } from '../testing/websocket.ts';
import { encodeCursor } from './cursor.ts';
import { latestPosition, purgeEvents } from './event-log.ts';

describe('resuming the event stream from a cursor', () => {
  let server: TestApp;
  let base: string;
  let admin: Session;
  let tenantId: string;
  let channel: Session;
  let csqId: string;
  let agent: Awaited<ReturnType<typeof signInAs>>;
  let supervisor: Awaited<ReturnType<typeof signInAs>>;

  before(async () => {
    server = await startTestApp();
    base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    ({ admin } = await createTestTenant(server, 'acme'));
    tenantId = (await call(server, admin, 'GET', '/tenant')).body.id;
    const skillId = (await buildSkill(server, admin)).id;
    csqId = (
      await call(server, admin, 'POST', '/csqs', {
        name: 'Chat',
        channel: 'chat',
        criterion: 'longest_available',
        skills: [{ skillId, minCompetence: 1 }],
      })
    ).body.id;
    agent = await signInAs(server, admin, 'agent', { skills: [{ skillId, competence: 5 }] });
    supervisor = await signInAs(server, admin, 'supervisor');
    channel = (await buildApiKey(server, admin, 'write')).session;
  });
  after(() => server.close());

  const stream = async (session: Session, cursor?: string) =>
    connect(
      `${await eventsUrl(server, base, session)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
  const events = (messages: Message[]) => messages.filter((m) => m.type !== 'hello');
  const position = (cursor: unknown) => Number(String(cursor).split('.')[1]);

  /** Events a desktop hears: the agent signing in and out, contacts arriving and queueing. */
  async function work(contacts: number): Promise<string[]> {
    const ids: string[] = [];
    for (const state of ['not_ready', 'logged_out', 'not_ready']) {
      const set = await call(server, agent.session, 'PUT', `/agents/${agent.user.id}/state`, {
        domain: 'digital',
        state,
      });
      assert.equal(set.status, 200, JSON.stringify(set.body));
    }
    for (let i = 0; i < contacts; i++)
      ids.push((await call(server, channel, 'POST', '/contacts', { channel: 'chat', csqId })).body.id);
    return ids;
  }
  const caughtUp = (s: ReturnType<typeof connect>, cursor: unknown) =>
    s.next((m) => m.cursor !== undefined && position(m.cursor) >= position(cursor));
  /** The log's last position now (the work above ends with events every supervisor reads). */
  const latest = async () => encodeCursor(tenantId, await latestPosition(server.database.db, tenantId));

  test('a stream that reconnects with its last cursor receives exactly the events it missed, in order', async () => {
    const witness = await stream(supervisor.session);
    await witness.next((m) => m.type === 'hello');
    const first = await stream(supervisor.session);
    const hello = await first.next((m) => m.type === 'hello');
    assert.equal(hello.resync, true, 'a stream without a cursor starts by reloading');
    await work(2);
    await caughtUp(first, await latest());
    const kept = events(first.received).at(-1)?.cursor as string;
    first.close();
    await first.closed;

    await work(3);
    const missedUpTo = await latest();
    await caughtUp(witness, missedUpTo);
    const second = await stream(supervisor.session, kept);
    const resumed = await second.next((m) => m.type === 'hello');
    assert.equal(resumed.resync, false);
    assert.equal(resumed.cursor, kept);
    await caughtUp(second, missedUpTo);
    const expected = events(witness.received).filter((m) => position(m.cursor) > position(kept));
    assert.ok(expected.length >= 5, 'the missed part holds events');
    assert.deepEqual(events(second.received), expected, 'nothing missed, nothing repeated, same order');
    for (const s of [witness, second]) s.close();
  });

  test('every event a desktop receives carries a cursor, increasing, and an agent reads only their own', async () => {
    const mine = await stream(agent.session);
    const all = await stream(supervisor.session);
    await Promise.all([mine, all].map((s) => s.next((m) => m.type === 'hello')));
    const [contactId] = await work(1);
    await all.next((m) => m.type === 'contact.queued' && m.contactId === contactId);
    await call(server, agent.session, 'PUT', `/agents/${agent.user.id}/state`, {
      domain: 'digital',
      state: 'not_ready',
    });
    await mine.next((m) => m.type === 'agent.state_changed' && m.state === 'not_ready');
    for (const s of [mine, all]) {
      const cursors = events(s.received).map((m) => position(m.cursor));
      assert.ok(
        cursors.every((c, i) => Number.isSafeInteger(c) && (i === 0 || c > (cursors[i - 1] as number))),
      );
    }
    assert.ok(events(mine.received).every((m) => m.agentId === agent.user.id));
    for (const s of [mine, all]) s.close();
  });

  test('the integrators’ feed pages through the same events with the same cursors', async () => {
    const witness = await stream(supervisor.session);
    const hello = await witness.next((m) => m.type === 'hello');
    await work(2);
    const last = await latest();
    await caughtUp(witness, last);
    const paged: Message[] = [];
    let after = hello.cursor as string;
    for (;;) {
      const page = await call(server, supervisor.session, 'GET', `/events/feed?after=${after}&limit=3`);
      assert.equal(page.status, 200);
      paged.push(...page.body.events);
      after = page.body.cursor;
      if (!page.body.more || position(after) >= position(last)) break;
    }
    assert.deepEqual(
      paged.filter((m) => position(m.cursor) <= position(last)),
      events(witness.received),
    );
    witness.close();
  });

  test('a configuration change is an event administrators read, and agents do not', async () => {
    const adminStream = await stream(admin);
    const agentStream = await stream(agent.session);
    await Promise.all([adminStream, agentStream].map((s) => s.next((m) => m.type === 'hello')));
    const skill = await buildSkill(server, admin, { name: 'Spanish' });
    // A configuration change is committed by its own transaction: streams find it when they next look.
    server.beats.fire();
    const changed = await adminStream.next((m) => m.type === 'config.changed');
    assert.deepEqual(
      { entityType: changed.entityType, entityId: changed.entityId, action: changed.action },
      { entityType: 'skill', entityId: skill.id, action: 'create' },
    );
    await work(0);
    await agentStream.next(
      (m) => m.type === 'agent.state_changed' && position(m.cursor) > position(changed.cursor),
    );
    assert.ok(!agentStream.received.some((m) => m.type === 'config.changed'));
    for (const s of [adminStream, agentStream]) s.close();
  });

  test('a cursor older than the log keeps gets a resync; a bad one a clear error on the stream and the feed', async () => {
    const witness = await stream(supervisor.session);
    const hello = await witness.next((m) => m.type === 'hello');
    await work(1);
    await purgeEvents(server.database.db, tenantId, new Date(Date.now() + 86_400_000), 1_000_000);
    const late = await stream(supervisor.session, hello.cursor as string);
    const again = await late.next((m) => m.type === 'hello');
    assert.equal(again.resync, true);
    assert.ok(position(again.cursor) > position(hello.cursor));
    const expired = await call(server, supervisor.session, 'GET', `/events/feed?after=${hello.cursor}`);
    assert.equal(expired.status, 410);
    assert.equal(expired.body.error.code, 'cursor_expired');

    const { admin: other } = await createTestTenant(server, 'globex');
    const foreign = events(witness.received)[0]?.cursor as string;
    const tag = String(hello.cursor).split('.')[0];
    const cases = [
      ['banana', 'cursor_malformed', 400],
      [`${tag}.${position(again.cursor) + 1000}`, 'cursor_ahead', 409],
    ] as const;
    for (const [cursor, code, status] of cases) {
      const bad = await stream(supervisor.session, cursor);
      const error = await bad.next((m) => m.type === 'error');
      assert.equal((error.error as { code: string }).code, code);
      assert.equal(await bad.closed, 4400);
      const page = await call(
        server,
        supervisor.session,
        'GET',
        `/events/feed?after=${encodeURIComponent(cursor)}`,
      );
      assert.equal(page.status, status);
      assert.equal(page.body.error.code, code);
    }
    const theirs = await stream(other, foreign);
    assert.equal(
      ((await theirs.next((m) => m.type === 'error')).error as { code: string }).code,
      'cursor_wrong_tenant',
    );
    const page = await call(server, other, 'GET', `/events/feed?after=${foreign}`);
    assert.equal(page.status, 400);
    assert.equal(page.body.error.code, 'cursor_wrong_tenant');
    for (const s of [witness, late]) s.close();
  });
});
