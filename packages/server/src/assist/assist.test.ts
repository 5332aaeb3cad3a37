import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LIMITS } from '@switchboard/core';
import { AcdRuntime } from '../acd/acd-runtime.ts';
import { buildApp } from '../app.ts';
import { BossJobQueue } from '../jobs/boss-queue.ts';
import { buildWorld, contactOf, signInAs, type World } from '../testing/builders.ts';
import {
  call,
  ManualRepeat,
  type Session,
  startTestApp,
  TEST_MASTER_KEYS,
  type TestApp,
} from '../testing/test-app.ts';
import { connect, eventsUrl, type Message } from '../testing/websocket.ts';
import { AssistDesk } from './assist-desk.ts';

const HELP_MS = LIMITS.assistEscalationMs.help.default;
const EMERGENCY_MS = LIMITS.assistEscalationMs.emergency.default;
type Res = Awaited<ReturnType<typeof call>>;
const show = (res: Res) => `→ ${res.status} ${JSON.stringify(res.body)}`;

let server: TestApp;
let base: string;
let n = 0;
const sockets: ReturnType<typeof connect>[] = [];

before(async () => {
  server = await startTestApp();
  base = (await server.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
});
after(async () => {
  for (const socket of sockets) socket.close();
  await server.close();
});

/** A desktop connected to the event stream (so its user counts as connected), once it has said hello. */
async function desktop(session: Session) {
  const socket = connect(await eventsUrl(server, base, session));
  sockets.push(socket);
  await socket.next((m) => m.type === 'hello');
  const of = (type: string) => socket.received.filter((m) => m.type === type);
  return { socket, of, next: (type: string) => socket.next((m) => m.type === type) };
}

/** A world whose team also has a secondary supervisor; its agent holds an active contact. */
async function world(): Promise<World & { secondary: { id: string; session: Session }; contactId: string }> {
  const w = await buildWorld(server, `assist-${++n}`);
  const { user, session } = await signInAs(server, w.admin.session, 'supervisor', {
    displayName: 'Sasha Second',
  });
  const patched = await call(server, w.admin.session, 'PATCH', `/teams/${w.team.id}`, {
    secondarySupervisorId: user.id,
  });
  assert.equal(patched.status, 200, show(patched));
  const secondary = { id: user.id, session };
  return { ...w, secondary, contactId: w.contacts.active.id };
}

const ask = (w: World, contactId: string, kind = 'help') =>
  call(server, w.agent.session, 'POST', `/contacts/${contactId}/assist`, { kind });
const openList = async (session: Session) =>
  ((await call(server, session, 'GET', '/assist-requests?open=true')).body as { id: string }[]).map(
    (r) => r.id,
  );
const request = (m: Message) => m.request as { id: string; status: string; alerted: string[] };

describe('who is asked, and when the secondary is', () => {
  test('the primary first; the secondary too once the escalation time has passed, once', async () => {
    const w = await world();
    const [primary, secondary, agent] = await Promise.all([
      desktop(w.supervisor.session),
      desktop(w.secondary.session),
      desktop(w.agent.session),
    ]);
    const asked = await ask(w, w.contactId);
    assert.equal(asked.status, 201, show(asked));
    assert.deepEqual(asked.body.alerted, [w.supervisor.id]);
    assert.equal(asked.body.escalatedAt, null);
    assert.equal(request(await primary.next('assist.requested')).id, asked.body.id);
    await agent.next('assist.requested');
    assert.deepEqual(await openList(w.secondary.session), [], 'not yet alerted to the secondary');

    server.clock.advance(HELP_MS - 1);
    await server.assist.tick();
    assert.equal((await call(server, w.agent.session, 'GET', '/assist-requests')).body[0].escalatedAt, null);

    server.clock.advance(1);
    await server.assist.tick();
    const escalated = request(await secondary.next('assist.escalated'));
    assert.deepEqual(escalated.alerted, [w.supervisor.id, w.secondary.id]);
    await primary.next('assist.escalated');
    await agent.next('assist.escalated');
    assert.deepEqual(await openList(w.secondary.session), [asked.body.id]);

    server.clock.advance(HELP_MS);
    await server.assist.tick();
    const answered = await call(
      server,
      w.secondary.session,
      'POST',
      `/assist-requests/${asked.body.id}/answer`,
    );
    assert.equal(answered.status, 200, show(answered));
    await agent.next('assist.answered');
    assert.equal(secondary.of('assist.escalated').length, 1, 'escalated once');
  });

  test('a primary without a connected desktop is passed over: the secondary at once', async () => {
    const w = await world();
    const secondary = await desktop(w.secondary.session);
    const asked = await ask(w, w.contactId, 'emergency');
    assert.equal(asked.status, 201, show(asked));
    assert.equal(asked.body.escalatedAt, asked.body.createdAt);
    assert.deepEqual(asked.body.alerted, [w.supervisor.id, w.secondary.id]);
    assert.equal(request(await secondary.next('assist.requested')).id, asked.body.id);
    server.clock.advance(EMERGENCY_MS);
    await server.assist.tick();
    assert.equal(secondary.of('assist.escalated').length, 0);
  });

  test('answered: no escalation; the agent sees who answered; a second answer is refused', async () => {
    const w = await world();
    const [secondary, agent] = await Promise.all([desktop(w.secondary.session), desktop(w.agent.session)]);
    await desktop(w.supervisor.session);
    const asked = await ask(w, w.contactId);
    const answer = await call(
      server,
      w.supervisor.session,
      'POST',
      `/assist-requests/${asked.body.id}/answer`,
    );
    assert.equal(answer.status, 200, show(answer));
    assert.equal(answer.body.status, 'answered');
    assert.equal(answer.body.answeredAt, new Date(server.clock.now()).toISOString());
    const seen = request(await agent.next('assist.answered')) as unknown as { answeredBy: { id: string } };
    assert.equal(seen.answeredBy.id, w.supervisor.id);
    server.clock.advance(HELP_MS * 2);
    await server.assist.tick();
    const again = await call(server, w.secondary.session, 'POST', `/assist-requests/${asked.body.id}/answer`);
    assert.equal(again.status, 409, show(again));
    assert.equal(secondary.of('assist.escalated').length + secondary.of('assist.requested').length, 0);
  });

  test('a team without supervisors: the agent is told plainly', async () => {
    const w = await world();
    await call(server, w.admin.session, 'PATCH', `/teams/${w.team.id}`, {
      primarySupervisorId: null,
      secondarySupervisorId: null,
    });
    const asked = await ask(w, w.contactId);
    assert.equal(asked.status, 409, show(asked));
    assert.equal(asked.body.error.code, 'no_supervisor');
    assert.match(asked.body.error.message, /no supervisor/);
  });
});

describe('closing a request', () => {
  test('the agent cancels: closed for everyone, and it never escalates', async () => {
    const w = await world();
    const [primary, secondary] = await Promise.all([
      desktop(w.supervisor.session),
      desktop(w.secondary.session),
    ]);
    const asked = await ask(w, w.contactId);
    const cancelled = await call(server, w.agent.session, 'POST', `/assist-requests/${asked.body.id}/cancel`);
    assert.equal(cancelled.status, 200, show(cancelled));
    assert.equal(request(await primary.next('assist.closed')).status, 'cancelled');
    server.clock.advance(HELP_MS);
    await server.assist.tick();
    assert.equal(secondary.of('assist.escalated').length, 0);
    const late = await call(server, w.supervisor.session, 'POST', `/assist-requests/${asked.body.id}/answer`);
    assert.equal(late.status, 409, show(late));
    assert.match(late.body.error.message, /cancelled/);
  });

  test('a contact that ends closes its open request as ended', async () => {
    const w = await world();
    const primary = await desktop(w.supervisor.session);
    const asked = await ask(w, w.contactId);
    const done = await call(server, w.agent.session, 'POST', `/contacts/${w.contactId}/complete`);
    assert.equal(done.status, 200, show(done));
    const closed = request(await primary.next('assist.closed'));
    assert.equal(closed.id, asked.body.id);
    assert.equal(closed.status, 'ended');
    assert.deepEqual(await openList(w.supervisor.session), []);
  });

  test('a contact handed back to a queue closes its open request as ended', async () => {
    const w = await world();
    const agent = await desktop(w.agent.session);
    const asked = await ask(w, w.contactId);
    const requeued = await call(server, w.agent.session, 'POST', `/contacts/${w.contactId}/requeue`, {
      csqId: w.parking.id,
    });
    assert.equal(requeued.status, 200, show(requeued));
    const closed = request(await agent.next('assist.closed'));
    assert.deepEqual([closed.id, closed.status], [asked.body.id, 'ended']);
  });

  test('an emergency replaces an open request for help; a second request is refused', async () => {
    const w = await world();
    await desktop(w.supervisor.session);
    const help = await ask(w, w.contactId);
    assert.equal((await ask(w, w.contactId)).status, 409);
    server.clock.advance(1); // newest first: the emergency is the later one
    const emergency = await ask(w, w.contactId, 'emergency');
    assert.equal(emergency.status, 201, show(emergency));
    const list = (await call(server, w.agent.session, 'GET', '/assist-requests')).body as {
      id: string;
      status: string;
    }[];
    // Both were asked at the same instant of the test's clock, so the list's order between them is not set.
    const byId = (a: string[], b: string[]) => String(a[0]).localeCompare(String(b[0]));
    assert.deepEqual(
      list.map((r) => [r.id, r.status]).sort(byId),
      [
        [emergency.body.id, 'open'],
        [help.body.id, 'cancelled'],
      ].sort(byId),
    );
  });
});

describe('scope', () => {
  test("only one's own contacts, only while active; only the supervisors named answer; tenants apart", async () => {
    const w = await world();
    const other = await world();
    const offered = await contactOf(server, w, w.agent, 'offered');
    assert.equal((await ask(w, offered)).status, 409, 'offered, not yet handled');
    assert.equal((await ask(w, other.contactId)).status, 404, "another tenant's contact");
    const asked = await ask(w, w.contacts.active.id);
    // contactOf handed the active contact back; take a fresh one.
    const active = asked.status === 201 ? asked : await ask(w, await contactOf(server, w, w.agent, 'active'));
    assert.equal(active.status, 201, show(active));
    const id = active.body.id;
    const strangerSession = (await signInAs(server, w.admin.session, 'supervisor')).session;
    assert.deepEqual(await openList(strangerSession), []);
    assert.equal((await call(server, strangerSession, 'POST', `/assist-requests/${id}/answer`)).status, 404);
    assert.equal(
      (await call(server, other.supervisor.session, 'POST', `/assist-requests/${id}/answer`)).status,
      404,
    );
    assert.equal(
      (await call(server, other.agent.session, 'POST', `/assist-requests/${id}/cancel`)).status,
      404,
    );
    assert.deepEqual(await openList(other.admin.session), []);
    assert.deepEqual(await openList(w.admin.session), [id]);
    assert.equal((await call(server, w.writer.session, 'GET', '/assist-requests')).status, 403);
    const otherSocket = await desktop(other.supervisor.session);
    const answered = await call(server, w.supervisor.session, 'POST', `/assist-requests/${id}/answer`);
    assert.equal(answered.status, 200, show(answered));
    assert.equal(otherSocket.socket.received.filter((m) => m.type.startsWith('assist.')).length, 0);
  });
});

test('a restart schedules the open requests again: escalated once, not lost, not twice', async () => {
  const w = await world();
  await desktop(w.supervisor.session);
  const asked = await ask(w, w.contactId);
  assert.equal(asked.status, 201, show(asked));
  assert.equal(asked.body.escalatedAt, null);
  // A second server on the same database, as after a restart (the first stands in for a node that lingers).
  const desk = new AssistDesk(server.database.db, server.clock);
  const restarted = await buildApp({
    db: server.database.db,
    jobs: new BossJobQueue({ database: server.database }),
    clock: server.clock,
    acd: new AcdRuntime(server.database.db, server.clock),
    assist: desk,
    masterKeys: TEST_MASTER_KEYS,
    repeat: new ManualRepeat().repeat,
  });
  try {
    server.clock.advance(HELP_MS);
    await desk.tick();
    const [stored] = (await call(server, w.agent.session, 'GET', '/assist-requests')).body;
    assert.equal(
      stored.escalatedAt,
      new Date(server.clock.now()).toISOString(),
      'the new server escalated it',
    );
    // The old server's timer fires too: the request is already escalated, so nothing changes or is sent.
    const secondary = await desktop(w.secondary.session);
    server.clock.advance(1);
    await server.assist.tick();
    const [after] = (await call(server, w.agent.session, 'GET', '/assist-requests')).body;
    assert.equal(after.escalatedAt, stored.escalatedAt);
    await call(server, w.secondary.session, 'POST', `/assist-requests/${asked.body.id}/answer`);
    await secondary.next('assist.answered');
    assert.equal(secondary.of('assist.escalated').length, 0);
  } finally {
    await restarted.close();
  }
});
