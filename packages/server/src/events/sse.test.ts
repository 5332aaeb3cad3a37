import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { buildApiKey, buildCsq, buildSkill, setAgentState, signInAs } from '../testing/builders.ts';
import { openSse, type SseFrame } from '../testing/sse.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { encodeCursor } from './cursor.ts';
import { latestPosition, purgeEvents } from './event-log.ts';

describe('the event log as Server-Sent Events', () => {
  let server: TestApp;
  let base: string;
  let admin: Session;
  let tenantId: string;
  let channel: Session;
  let reader: Awaited<ReturnType<typeof buildApiKey>>;
  let csqId: string;
  let agent: Awaited<ReturnType<typeof signInAs>>;

  before(async () => {
    server = await startTestApp();
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    ({ admin, tenantId } = await createTestTenant(server, 'acme'));
    const skillId = (await buildSkill(server, admin)).id;
    csqId = (await buildCsq(server, admin, { skills: [{ skillId, minCompetence: 1 }] })).id;
    agent = await signInAs(server, admin, 'agent', { skills: [{ skillId, competence: 5 }] });
    channel = (await buildApiKey(server, admin, 'write')).session;
    reader = await buildApiKey(server, admin, 'read');
  });
  after(() => server.close());

  const sse = (query = '', headers: Record<string, string> = {}, session: Session = reader.session) =>
    openSse(`${base}/api/v1/events/sse${query}`, { ...session.headers, ...headers });
  const position = (cursor: unknown) => Number(String(cursor).split('.')[1]);
  const latest = async () => latestPosition(server.database.db, tenantId);
  /** Frames whose id reached `at`: everything up to it has been sent. */
  const reached = (at: number) => (f: SseFrame) => f.id !== undefined && position(f.id) >= at;

  /** Agent state changes, then contacts queueing: events a read key reads. */
  async function work(contacts: number): Promise<void> {
    for (const state of ['not_ready', 'logged_out', 'not_ready'] as const)
      await setAgentState(server, agent.session, agent.user.id, state);
    for (let i = 0; i < contacts; i++) {
      const created = await call(server, channel, 'POST', '/contacts', { channel: 'chat', csqId });
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
  }

  test('a read key streams each event as id, event and the feed’s JSON', async () => {
    const stream = await sse();
    assert.equal(stream.status, 200);
    assert.match(stream.headers.get('content-type') ?? '', /^text\/event-stream/);
    const opening = await stream.next((f) => f.id !== undefined);
    assert.equal(
      opening.id,
      encodeCursor(tenantId, await latest()),
      'it opens with the position it starts at',
    );
    await work(1);
    await stream.next(reached(await latest()));
    const events = stream.frames.filter((f) => f.data !== undefined);
    assert.ok(events.some((f) => f.event === 'agent.state_changed'));
    assert.ok(events.some((f) => f.event === 'contact.queued'));
    for (const frame of events) {
      const data = JSON.parse(frame.data ?? '');
      assert.equal(data.type, frame.event);
      assert.equal(data.cursor, frame.id);
    }
    const page = await call(server, reader.session, 'GET', `/events/feed?after=${opening.id}&limit=1000`);
    assert.deepEqual(stream.events(), page.body.events, 'the same events and JSON as the feed');
    const changed = stream.events().find((e) => e.type === 'agent.state_changed');
    assert.equal(changed.externalState, 'NOT_READY');
    stream.close();
  });

  test('after a disconnect, Last-Event-ID (or ?after=) resumes with nothing missed or repeated', async () => {
    const witness = await sse();
    const first = await sse();
    await Promise.all([witness, first].map((s) => s.next((f) => f.id !== undefined)));
    await work(2);
    const seen = await latest();
    await first.next(reached(seen));
    const kept = first.frames.filter((f) => f.data !== undefined).at(-1)?.id ?? '';
    first.close();
    await first.ended;

    await work(3);
    const missedUpTo = await latest();
    await witness.next(reached(missedUpTo));
    const expected = witness.events().filter((e) => position(e.cursor) > position(kept));
    assert.ok(expected.length >= 5, 'events were committed while it was away');
    // EventSource sends Last-Event-ID and keeps its original URL: the header wins over a stale ?after=.
    const opening = witness.frames.find((f) => f.id !== undefined)?.id ?? '';
    const resumed = await sse(`?after=${opening}`, { 'last-event-id': kept });
    const byQuery = await sse(`?after=${kept}`);
    for (const stream of [resumed, byQuery]) {
      await stream.next(reached(missedUpTo));
      const events = stream.events().filter((e) => position(e.cursor) <= missedUpTo);
      assert.deepEqual(events, expected);
      stream.close();
    }
    witness.close();
  });

  test('bad cursors are refused as JSON before the stream begins', async () => {
    const tag = encodeCursor(tenantId, 0).split('.')[0];
    const { admin: other, tenantId: otherId } = await createTestTenant(server, 'globex');
    const cases = [
      ['banana', 400, 'cursor_malformed'],
      [encodeCursor(otherId, 1), 400, 'cursor_wrong_tenant'],
      [`${tag}.${(await latest()) + 1000}`, 409, 'cursor_ahead'],
    ] as const;
    for (const [cursor, status, code] of cases) {
      for (const stream of [await sse(`?after=${cursor}`), await sse('', { 'last-event-id': cursor })]) {
        assert.equal(stream.status, status, cursor);
        assert.equal(stream.body.error.code, code);
        assert.match(stream.body.error.message, /cursor/);
      }
    }
    const before = encodeCursor(tenantId, await latest());
    await work(1);
    await purgeEvents(server.database.db, tenantId, new Date(Date.now() + 86_400_000), 1_000_000);
    const expired = await sse(`?after=${before}`);
    assert.equal(expired.status, 410);
    assert.equal(expired.body.error.code, 'cursor_expired');
    const types = await sse('?types=,,');
    assert.equal(types.status, 400);
    assert.equal(types.body.error.code, 'validation_failed');
    assert.equal((await sse('', {}, other)).status, 200, 'another tenant streams its own log');
  });

  test('a types filter sends only events of those prefixes, and heartbeats move the id past the rest', async () => {
    const stream = await sse('?types=contact.queued,contact.cre');
    await stream.next((f) => f.id !== undefined);
    await work(1);
    await stream.next((f) => f.event === 'contact.queued');
    await setAgentState(server, agent.session, agent.user.id, 'ready');
    const at = await latest();
    // Only an id-only block can carry the stream past the state change it does not send.
    const movedOn = (f: SseFrame) => f.event === undefined && reached(at)(f);
    while (!stream.frames.some(movedOn)) {
      const seen = stream.frames.length;
      server.beats.fire();
      await stream.next((f) => stream.frames.indexOf(f) >= seen && f.comment === 'keep-alive');
    }
    const types = new Set(stream.frames.flatMap((f) => (f.event ? [f.event] : [])));
    assert.deepEqual([...types].sort(), ['contact.created', 'contact.queued']);
    stream.close();
  });

  test('revoking the key ends the stream with stream.ended', async () => {
    const key = await buildApiKey(server, admin, 'read');
    const stream = await sse('', {}, key.session);
    await stream.next((f) => f.id !== undefined);
    assert.equal((await call(server, admin, 'POST', `/api-keys/${key.keyId}/revoke`)).status, 200);
    const ended = await stream.next((f) => f.event === 'stream.ended');
    assert.equal(JSON.parse(ended.data ?? '').error.code, 'unauthenticated');
    await stream.ended;
    assert.equal((await sse('', {}, key.session)).status, 401);
  });

  test('a client that goes away stops its stream: heartbeat and log following end with it', async () => {
    const sockets: Socket[] = [];
    const collect = (request: IncomingMessage) => sockets.push(request.socket);
    server.app.server.on('request', collect);
    const idle = server.beats.count;
    const stream = await sse();
    await stream.next((f) => f.id !== undefined);
    server.app.server.off('request', collect);
    assert.equal(server.beats.count, idle + 1);
    const socket = sockets.at(-1) as Socket;
    stream.close();
    if (!socket.destroyed) await once(socket, 'close');
    assert.equal(server.beats.count, idle);
  });
});

test('SSE streams count against the per-client connection cap like any connection', async () => {
  const capped = await startTestApp({ connections: { maxConnectionsPerClient: 2 } });
  try {
    const url = `${await capped.app.listen({ port: 0, host: '127.0.0.1' })}/api/v1/events/sse`;
    const { admin } = await createTestTenant(capped, 'capped');
    const held = [await openSse(url, admin.headers), await openSse(url, admin.headers)];
    await Promise.all(held.map((s) => s.next((f) => f.id !== undefined)));
    await assert.rejects(openSse(url, admin.headers), 'a third connection from the address is cut off');
    for (const stream of held) stream.close();
  } finally {
    capped.app.server.closeAllConnections();
    await capped.close();
  }
});
