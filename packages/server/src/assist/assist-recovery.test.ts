import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type AcdEvent, LIMITS } from '@switchboard/core';
import { Fanout, type Notice } from '../acd/fanout.ts';
import { buildWorld, contactOf, signInAs, type World } from '../testing/builders.ts';
import { call, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { connect, eventsUrl } from '../testing/websocket.ts';
import { assistRepository } from './assist.repository.ts';
import { AssistDesk } from './assist-desk.ts';

const HELP_MS = LIMITS.assistEscalationMs.help.default;
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

/** A desktop connected to the event stream, so that its user counts as connected. */
async function desktop(session: Session) {
  const socket = connect(await eventsUrl(server, base, session));
  sockets.push(socket);
  await socket.next((m) => m.type === 'hello');
  return socket;
}

/** A world whose team also has a secondary supervisor; its agent holds an active contact. */
async function world(): Promise<World & { secondary: { id: string; session: Session }; contactId: string }> {
  const w = await buildWorld(server, `assist-recovery-${++n}`);
  const { user, session } = await signInAs(server, w.admin.session, 'supervisor');
  const patched = await call(server, w.admin.session, 'PATCH', `/teams/${w.team.id}`, {
    secondarySupervisorId: user.id,
  });
  assert.equal(patched.status, 200, show(patched));
  return { ...w, secondary: { id: user.id, session }, contactId: w.contacts.active.id };
}

const ask = (session: Session, contactId: string, kind = 'help') =>
  call(server, session, 'POST', `/contacts/${contactId}/assist`, { kind });
const stored = async (w: World, id: string) => {
  const request = await assistRepository.find(server.database.db, w.tenantId, id);
  assert.ok(request);
  return request;
};

/** A desk as a freshly started server has it: its own event streams, nothing in memory. */
async function restartedDesk() {
  const desk = new AssistDesk(server.database.db, server.clock);
  const notices = new Fanout<Notice>();
  const contacts = new Fanout<AcdEvent>();
  const closed = (tenantId: string, id: string) =>
    new Promise<void>((resolve) => {
      notices.subscribe(tenantId, (messages) => {
        if (
          messages.some(
            (m) => m.message.type === 'assist.closed' && (m.message.request as { id: string }).id === id,
          )
        )
          resolve();
      });
    });
  return { desk, contacts, closed, start: () => desk.start(notices, contacts) };
}

test('after a restart, a request alerted to everyone at once still closes when its contact ends', async () => {
  const w = await world();
  const asked = await ask(w.agent.session, w.contactId);
  assert.equal(asked.status, 201, show(asked));
  assert.equal(
    asked.body.escalatedAt,
    asked.body.createdAt,
    'the primary was offline: nothing left to escalate',
  );
  const restarted = await restartedDesk();
  await restarted.start();
  try {
    const closed = restarted.closed(w.tenantId, asked.body.id);
    restarted.contacts.publish(w.tenantId, [
      {
        type: 'contact.ended',
        contactId: w.contactId,
        outcome: 'handled',
        endedBy: 'agent',
        agentId: w.agent.id,
        at: server.clock.now(),
      } as AcdEvent,
    ]);
    await closed;
    assert.notEqual((await stored(w, asked.body.id)).endedAt, null);
  } finally {
    restarted.desk.stop();
  }
});

test('a starting server closes the requests whose contact ended while no server was watching', async () => {
  const w = await world();
  const asked = await ask(w.agent.session, w.contactId);
  assert.equal(asked.status, 201, show(asked));
  await server.database.db
    .updateTable('contacts')
    .set({ status: 'ended' })
    .where('tenant_id', '=', w.tenantId)
    .where('id', '=', w.contactId)
    .execute();
  const restarted = await restartedDesk();
  const closed = restarted.closed(w.tenantId, asked.body.id);
  await restarted.start();
  try {
    await closed;
    assert.equal((await stored(w, asked.body.id)).endedAt, server.clock.now());
  } finally {
    restarted.desk.stop();
  }
});

test('a contact that ends while the request is being stored leaves no open request', async () => {
  const w = await world();
  const insert = assistRepository.insert;
  assistRepository.insert = async (...args) => {
    const done = await call(server, w.agent.session, 'POST', `/contacts/${w.contactId}/complete`);
    assert.equal(done.status, 200, show(done));
    return insert(...args);
  };
  try {
    const asked = await ask(w.agent.session, w.contactId);
    assert.ok(asked.status === 409 || asked.body.status === 'ended', show(asked));
  } finally {
    assistRepository.insert = insert;
  }
  const open = await call(server, w.admin.session, 'GET', '/assist-requests?open=true');
  assert.deepEqual(open.body, []);
});

test('an escalation the database fails to record is tried again, and the secondary is alerted', async () => {
  const w = await world();
  await desktop(w.supervisor.session);
  const asked = await ask(w.agent.session, w.contactId);
  assert.equal(asked.status, 201, show(asked));
  assert.equal(asked.body.escalatedAt, null);
  const update = assistRepository.update;
  let failures = 0;
  assistRepository.update = async (db, tenantId, id, change) => {
    if (id === asked.body.id && change.escalated_at) {
      failures++;
      throw new Error('connection lost');
    }
    return update(db, tenantId, id, change);
  };
  try {
    server.clock.advance(HELP_MS);
    await server.assist.tick().catch(() => undefined);
    assert.equal(failures, 1);
  } finally {
    assistRepository.update = update;
  }
  assert.equal((await stored(w, asked.body.id)).escalatedAt, null);
  server.clock.advance(5_000);
  await server.assist.tick();
  assert.equal((await stored(w, asked.body.id)).escalatedAt, server.clock.now());
});

test('a supervisor who asks for help on their own team is not asked: the secondary is, at once', async () => {
  const w = await world();
  const joined = await call(server, w.admin.session, 'PATCH', `/users/${w.supervisor.id}`, {
    teamId: w.team.id,
  });
  assert.equal(joined.status, 200, show(joined));
  await Promise.all([desktop(w.supervisor.session), desktop(w.secondary.session)]);
  const contactId = await contactOf(server, w, w.supervisor, 'active');
  const asked = await ask(w.supervisor.session, contactId);
  assert.equal(asked.status, 201, show(asked));
  assert.deepEqual(asked.body.alerted, [w.secondary.id]);
  assert.equal(asked.body.primarySupervisor, null);
  assert.equal(asked.body.escalatedAt, asked.body.createdAt);

  const cancelled = await call(
    server,
    w.supervisor.session,
    'POST',
    `/assist-requests/${asked.body.id}/cancel`,
  );
  assert.equal(cancelled.status, 200, show(cancelled));
  await call(server, w.admin.session, 'PATCH', `/teams/${w.team.id}`, { secondarySupervisorId: null });
  const alone = await ask(w.supervisor.session, contactId);
  assert.equal(alone.status, 409, show(alone));
  assert.equal(alone.body.error.code, 'no_supervisor');
});
