import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { MINUTE_MS, type SwitchboardError } from '@switchboard/core';
import { buildApp } from '../app.ts';
import { BossJobQueue } from '../jobs/boss-queue.ts';
import { buildUser } from '../testing/builders.ts';
import {
  call,
  createTestTenant,
  type Session,
  signIn,
  startTestApp,
  TEST_MASTER_KEYS,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/test-app.ts';
import { HashSlots } from './hash-slots.ts';

const statuses = (responses: { statusCode: number }[]) => {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
  return counts;
};

describe('sign-in cannot be raced or used to lock people out', () => {
  let test_: TestApp;
  let admin: Session;

  before(async () => {
    test_ = await startTestApp({ trustProxy: ['127.0.0.1'] });
    ({ admin } = await createTestTenant(test_, 'acme'));
  });
  beforeEach(async () => {
    admin = await signIn(test_, 'acme', 'admin');
  });
  after(() => test_.close());

  const login = (username: string, password: string, remoteAddress: string, forwardedFor?: string) =>
    test_.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { tenant: 'acme', username, password },
      remoteAddress,
      ...(forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {}),
    });

  test('60 parallel guesses at one user: at most 5 are tried, and the right one among the rest is refused', async () => {
    const agent = await buildUser(test_, admin);
    const guesses = Array.from({ length: 60 }, (_, i) => (i === 40 ? TEST_PASSWORD : `wrong-guess-${i}`));
    const responses = await Promise.all(guesses.map((g) => login(agent.username, g, '10.20.0.1')));
    const counts = statuses(responses);
    assert.ok((counts[401] ?? 0) + (counts[200] ?? 0) <= 5, `tried: ${JSON.stringify(counts)}`);
    assert.equal(responses[40]?.statusCode, 429, 'the right password came after the free attempts');
    assert.equal((counts[401] ?? 0) + (counts[429] ?? 0) + (counts[200] ?? 0), 60);
  });

  test('275 parallel attempts from one address across users: at most 50 are tried', async () => {
    const responses = await Promise.all(
      Array.from({ length: 275 }, (_, i) => login(`nobody${i}`, 'wrong-password', '10.21.0.1')),
    );
    const counts = statuses(responses);
    assert.ok((counts[401] ?? 0) <= 50, JSON.stringify(counts));
    assert.equal((counts[401] ?? 0) + (counts[429] ?? 0), 275);
  });

  test('failures from one address do not hold up the same user signing in from another', async () => {
    const agent = await buildUser(test_, admin);
    for (let i = 0; i < 8; i++) {
      test_.clock.advance(20 * MINUTE_MS);
      await login(agent.username, 'wrong-password', '10.22.0.1');
    }
    assert.equal((await login(agent.username, TEST_PASSWORD, '10.22.0.2')).statusCode, 200);
  });

  test('behind a trusted proxy each client is counted by its own address', async () => {
    const agent = await buildUser(test_, admin);
    for (let i = 0; i < 6; i++) await login(agent.username, 'wrong-password', '127.0.0.1', '198.51.100.7');
    assert.equal((await login(agent.username, TEST_PASSWORD, '127.0.0.1', '198.51.100.7')).statusCode, 429);
    assert.equal((await login(agent.username, TEST_PASSWORD, '127.0.0.1', '198.51.100.8')).statusCode, 200);
    // An untrusted peer's X-Forwarded-For is ignored: it cannot pick a fresh address per guess.
    for (let i = 0; i < 6; i++) await login(agent.username, 'wrong', '10.23.0.1', `203.0.113.${i}`);
    assert.equal((await login(agent.username, TEST_PASSWORD, '10.23.0.1', '203.0.113.99')).statusCode, 429);
  });

  test('every spelling of a name that finds the same user counts against that user', async () => {
    const agent = await buildUser(test_, admin);
    const spellings = [agent.username.toUpperCase(), agent.username, ` ${agent.username}`.trim()];
    for (let i = 0; i < 5; i++) await login(spellings[i % 3] ?? '', 'wrong-password', '10.26.0.1');
    assert.equal((await login(agent.username.toUpperCase(), TEST_PASSWORD, '10.26.0.1')).statusCode, 429);
  });

  test('an IPv6 client is counted by its /64: a fresh address per guess gains nothing', async () => {
    const agent = await buildUser(test_, admin);
    for (let i = 1; i <= 5; i++) await login(agent.username, 'wrong-password', `2001:db8:7:7::${i}`);
    assert.equal((await login(agent.username, TEST_PASSWORD, '2001:db8:7:7::99')).statusCode, 429);
    assert.equal((await login(agent.username, TEST_PASSWORD, '2001:db8:7:8::1')).statusCode, 200);
  });

  test('the counts live in the database: a second server on the same database sees them', async () => {
    const agent = await buildUser(test_, admin);
    const other = await buildApp({
      db: test_.database.db,
      clock: test_.clock,
      masterKeys: TEST_MASTER_KEYS,
      jobs: new BossJobQueue({ database: test_.database }),
    });
    try {
      for (let i = 0; i < 5; i++) await login(agent.username, 'wrong-password', '10.24.0.1');
      const refused = await other.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { tenant: 'acme', username: agent.username, password: TEST_PASSWORD },
        remoteAddress: '10.24.0.1',
      });
      assert.equal(refused.statusCode, 429);
    } finally {
      await other.close();
    }
  });

  test('sign-ins, failures and the start of a delay are in the audit log, with the address', async () => {
    const agent = await buildUser(test_, admin);
    for (let i = 0; i < 5; i++) await login(agent.username, 'wrong-password', '10.25.0.1');
    await login(agent.username, TEST_PASSWORD, '10.25.0.2');
    const audit = await call(test_, admin, 'GET', '/audit-log?entityType=user&limit=20');
    const mine = audit.body.filter((e: { entityId: string }) => e.entityId === agent.id);
    const actions = mine.map((e: { action: string }) => e.action);
    assert.equal(actions.filter((a: string) => a === 'sign_in_failed').length, 5);
    assert.equal(actions.filter((a: string) => a === 'sign_in_delayed').length, 1);
    assert.equal(actions[0], 'sign_in');
    assert.deepEqual(mine[0].after, { address: '10.25.0.2' });
  });

  test('wrong current passwords on a password change are limited like sign-ins', async () => {
    const agent = await buildUser(test_, admin);
    const session = await signIn(test_, 'acme', agent.username);
    const change = (currentPassword: string) =>
      call(test_, session, 'PUT', '/me/password', { currentPassword, newPassword: 'a brand new password' });
    for (let i = 0; i < 5; i++) assert.equal((await change(`guess-${i}`)).status, 401);
    assert.equal((await change(TEST_PASSWORD)).status, 429);
    const audit = await call(test_, admin, 'GET', '/audit-log?entityType=user&limit=10');
    assert.ok(audit.body.some((e: { action: string }) => e.action === 'password_check_failed'));
  });
});

describe('the password hashes one address runs at once are capped', () => {
  test('two run, the next waits in line, beyond the line it is refused at once; other addresses go on', async () => {
    const slots = new HashSlots(2, 1);
    const started: string[] = [];
    const gates = new Map<string, () => void>();
    const work = (name: string) => () =>
      new Promise<string>((resolve) => {
        started.push(name);
        gates.set(name, () => resolve(name));
      });
    const first = slots.run('10.30.0.1', work('first'));
    const second = slots.run('10.30.0.1', work('second'));
    const third = slots.run('10.30.0.1', work('third'));
    await assert.rejects(
      slots.run('10.30.0.1', work('fourth')),
      (error: SwitchboardError) =>
        error.code === 'too_many_attempts' && /at once from your address/.test(error.message),
    );
    assert.equal(await slots.run('10.30.0.2', async () => 'elsewhere'), 'elsewhere');
    assert.deepEqual(started, ['first', 'second'], 'the third waits for a slot');
    gates.get('first')?.();
    assert.equal(await first, 'first');
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.deepEqual(started, ['first', 'second', 'third']);
    gates.get('second')?.();
    gates.get('third')?.();
    assert.deepEqual(await Promise.all([second, third]), ['second', 'third']);
  });
});
