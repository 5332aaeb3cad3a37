import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { freshPostgresDatabase, postgresForTests } from '@switchboard/server/testing';
import { login, startSwitchboard } from './testing.ts';

interface Contact {
  id: string;
  externalId: string;
  status: string;
  agentId: string | null;
  queuedAt: string;
}

const PASSWORD = 'recovery-admin-pw';

function client(base: string, token: string) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

/**
 * Drives traffic at a real server process, kills it with SIGKILL in the middle, restarts it on the same
 * storage, retries what was in flight, and checks that no contact was lost or duplicated and that each
 * kept its place and its agent.
 */
async function killAndRestart(env: Record<string, string>) {
  const first = await startSwitchboard({
    ...env,
    SWITCHBOARD_ADMIN_PASSWORD: PASSWORD,
    SWITCHBOARD_DEMO: '0',
  });
  const signedIn = await login(first.url, 'demo', 'admin', PASSWORD);
  const admin = client(first.url, signedIn.body.accessToken as string);
  const skill = await admin('POST', '/skills', { name: 'General' });
  const csq = await admin('POST', '/csqs', {
    name: 'Chat',
    channel: 'chat',
    criterion: 'longest_available',
    skills: [{ skillId: skill.body.id, minCompetence: 1 }],
  });
  const service = await admin('POST', '/users', {
    username: 'widget',
    displayName: 'Widget',
    role: 'service',
  });
  const key = await admin('POST', `/users/${service.body.id}/api-keys`, { name: 'widget', scope: 'write' });
  const agents: { id: string; call: ReturnType<typeof client> }[] = [];
  for (let i = 0; i < 4; i++) {
    const user = await admin('POST', '/users', {
      username: `agent${i}`,
      displayName: `Agent ${i}`,
      role: 'agent',
      password: PASSWORD,
      skills: [{ skillId: skill.body.id, competence: 5 }],
    });
    const session = await login(first.url, 'demo', `agent${i}`, PASSWORD);
    const call = client(first.url, session.body.accessToken as string);
    await call('PUT', `/agents/${user.body.id}/state`, { domain: 'digital', state: 'ready' });
    agents.push({ id: user.body.id, call });
  }
  const widget = client(first.url, key.body.key);

  const acknowledged = new Map<string, Contact>();
  const attempted: string[] = [];
  const accepted = new Map<string, string>();
  let killed = false;
  const create = async (n: number) => {
    const externalId = `chat-${n}`;
    attempted.push(externalId);
    try {
      const response = await widget('POST', '/contacts', { channel: 'chat', csqId: csq.body.id, externalId });
      if (response.status === 201 || response.status === 200) acknowledged.set(externalId, response.body);
    } catch {
      // In flight when the process died: unknown whether it was stored. It is retried after the restart.
    }
  };
  const work = async (agent: (typeof agents)[number]) => {
    while (!killed) {
      try {
        const mine = await agent.call('GET', '/contacts?open=true');
        for (const contact of (mine.body ?? []) as Contact[]) {
          if (contact.status === 'offered' && contact.agentId === agent.id) {
            const response = await agent.call('POST', `/contacts/${contact.id}/accept`);
            if (response.status === 200) accepted.set(contact.id, agent.id);
          } else if (contact.status === 'active' && Number.parseInt(contact.id.slice(0, 2), 16) % 2 === 0) {
            await agent.call('POST', `/contacts/${contact.id}/complete`);
          } else if (contact.status === 'wrap_up') {
            await agent.call('POST', `/contacts/${contact.id}/wrap-up`, { reasons: [] });
          }
        }
      } catch {
        return;
      }
    }
  };
  const workers = agents.map(work);
  let n = 0;
  while (acknowledged.size < 60 && n < 300) await Promise.all(Array.from({ length: 10 }, () => create(n++)));
  assert.ok(acknowledged.size >= 60, `only ${acknowledged.size} of ${n} creates were acknowledged`);
  // Kill while a burst of creates is in flight.
  const burst = Array.from({ length: 20 }, () => create(n++));
  first.child.kill('SIGKILL');
  killed = true;
  await Promise.all([...burst, ...workers]);
  await first.stop();

  const second = await startSwitchboard({ ...env });
  try {
    const adminAgain = client(
      second.url,
      (await login(second.url, 'demo', 'admin', PASSWORD)).body.accessToken as string,
    );
    const widgetAgain = client(second.url, key.body.key);
    for (const externalId of attempted) {
      const response = await widgetAgain('POST', '/contacts', {
        channel: 'chat',
        csqId: csq.body.id,
        externalId,
      });
      assert.ok(
        response.status === 200 || response.status === 201,
        `retry of ${externalId}: ${response.status}`,
      );
      const known = acknowledged.get(externalId);
      if (known) {
        assert.equal(
          response.status,
          200,
          `${externalId} was acknowledged before the kill, so it must exist`,
        );
        assert.equal(response.body.id, known.id);
        assert.equal(response.body.queuedAt, known.queuedAt, `${externalId} kept its place in the queue`);
      }
    }
    const all = await adminAgain('GET', '/contacts?open=false&limit=500');
    const ids = (all.body as Contact[]).map((c) => c.externalId);
    assert.equal(ids.length, new Set(ids).size, 'no contact is duplicated');
    assert.deepEqual([...new Set(ids)].sort(), [...new Set(attempted)].sort(), 'no contact is lost');
    const byId = new Map((all.body as Contact[]).map((c) => [c.id, c]));
    for (const [contactId, agentId] of accepted) {
      const contact = byId.get(contactId);
      if (contact?.status === 'active')
        assert.equal(contact.agentId, agentId, 'work in progress stays with its agent');
    }
    const states = await adminAgain('GET', '/agents');
    for (const agent of states.body as { id: string; digital: { state: string }; contacts: string[] }[]) {
      for (const contactId of agent.contacts)
        assert.equal(byId.get(contactId)?.agentId ?? agent.id, agent.id);
    }
    const open = (all.body as Contact[]).filter((c) => c.status !== 'ended');
    assert.ok(open.every((c) => ['queued', 'offered', 'active', 'wrap_up'].includes(c.status)));
    return { acknowledged: acknowledged.size, attempted: attempted.length, accepted: accepted.size };
  } finally {
    await second.stop();
  }
}

describe('a crash in the middle of traffic loses and duplicates nothing', () => {
  test('on the embedded database', { timeout: 180_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-crash-'));
    try {
      const figures = await killAndRestart({ SWITCHBOARD_DATA: dataDir });
      assert.ok(figures.acknowledged >= 60);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  const postgres = postgresForTests();
  test('on PostgreSQL', {
    skip: postgres.available ? false : postgres.reason,
    timeout: 180_000,
  }, async () => {
    if (!postgres.available) return;
    const database = await freshPostgresDatabase(postgres.url);
    try {
      const figures = await killAndRestart({ DATABASE_URL: database.url });
      assert.ok(figures.acknowledged >= 60);
    } finally {
      await database.drop();
    }
  });
});
