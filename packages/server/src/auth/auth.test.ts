import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HOUR_MS, MINUTE_MS } from '@switchboard/core';
import { buildApiKey, buildUser } from '../testing/builders.ts';
import {
  call,
  createTestTenant,
  type Session,
  signIn,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/test-app.ts';

describe('sign-in and tokens', () => {
  let test_: TestApp;
  let admin: Session;

  before(async () => {
    test_ = await startTestApp();
    ({ admin } = await createTestTenant(test_, 'acme'));
  });
  after(() => test_.close());

  const login = (body: unknown, remoteAddress = '10.0.0.1') =>
    test_.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body as object, remoteAddress });

  test('a correct password returns an access token, a refresh token and the lifetimes', async () => {
    const response = await login({ tenant: 'acme', username: 'ADMIN', password: TEST_PASSWORD });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.expiresIn, 60 * 60);
    assert.equal(body.refreshExpiresIn, 10 * 60 * 60);
    const me = await call(
      test_,
      { ...admin, headers: { authorization: `Bearer ${body.accessToken}` } },
      'GET',
      '/me',
    );
    assert.equal(me.body.username, 'admin');
  });

  test('a wrong password, user or tenant gives the same answer', async () => {
    for (const body of [
      { tenant: 'acme', username: 'admin', password: 'not the password' },
      { tenant: 'acme', username: 'nobody', password: TEST_PASSWORD },
      { tenant: 'nowhere', username: 'admin', password: TEST_PASSWORD },
    ]) {
      const response = await login(body, '10.0.0.2');
      assert.equal(response.statusCode, 401);
      assert.equal(response.json().error.code, 'invalid_credentials');
    }
  });

  test('after five wrong passwords for a user at one address, attempts there wait, longer each time', async () => {
    const agent = await buildUser(test_, admin);
    const attempt = (password: string) =>
      login({ tenant: 'acme', username: agent.username, password }, '10.1.0.1');
    for (let i = 0; i < 5; i++) assert.equal((await attempt('wrong-password')).statusCode, 401);
    const refused = await attempt(TEST_PASSWORD);
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.json().error.code, 'too_many_attempts');
    assert.equal(refused.headers['retry-after'], '1');
    test_.clock.advance(1000);
    assert.equal((await attempt('wrong-password')).statusCode, 401);
    assert.equal((await attempt(TEST_PASSWORD)).headers['retry-after'], '2');
    test_.clock.advance(2000);
    assert.equal((await attempt(TEST_PASSWORD)).statusCode, 200);
  });

  test('wrong passwords are limited per address across users', async () => {
    for (let i = 0; i < 50; i++) {
      await login({ tenant: 'acme', username: `guess${i}`, password: 'wrong-password' }, '10.9.9.9');
    }
    const refused = await login({ tenant: 'acme', username: 'admin', password: TEST_PASSWORD }, '10.9.9.9');
    assert.equal(refused.statusCode, 429);
    assert.equal(
      (await login({ tenant: 'acme', username: 'admin', password: TEST_PASSWORD }, '10.9.9.10')).statusCode,
      200,
    );
    test_.clock.advance(60 * MINUTE_MS);
  });

  test('an access token past its lifetime is refused with token_expired', async () => {
    const session = await signIn(test_, 'acme', 'admin');
    test_.clock.advance(60 * MINUTE_MS + 1000);
    const response = await call(test_, session, 'GET', '/me');
    assert.equal(response.status, 401);
    assert.equal(response.body.error.code, 'token_expired');
  });

  test('a refresh works while both tokens are valid, once per refresh token', async () => {
    const session = await signIn(test_, 'acme', 'admin');
    test_.clock.advance(30 * MINUTE_MS);
    const refreshed = await call(test_, session, 'POST', '/auth/refresh', {
      refreshToken: session.refreshToken,
    });
    assert.equal(refreshed.status, 200);
    assert.notEqual(refreshed.body.refreshToken, session.refreshToken);
    const again = await call(test_, session, 'POST', '/auth/refresh', { refreshToken: session.refreshToken });
    assert.equal(again.status, 401, 'a used refresh token is refused');
  });

  test('no refresh once the access token has expired', async () => {
    const session = await signIn(test_, 'acme', 'admin');
    test_.clock.advance(61 * MINUTE_MS);
    const response = await call(test_, session, 'POST', '/auth/refresh', {
      refreshToken: session.refreshToken,
    });
    assert.equal(response.status, 401);
    assert.equal(response.body.error.code, 'token_expired');
  });

  test('no refresh after the refresh token expires: the user signs in again', async () => {
    let session = await signIn(test_, 'acme', 'admin');
    // Keep refreshing every 50 minutes: the session still ends 10 hours after sign-in.
    for (let elapsed = 0; elapsed + 50 * MINUTE_MS < 10 * HOUR_MS; elapsed += 50 * MINUTE_MS) {
      test_.clock.advance(50 * MINUTE_MS);
      const refreshed = await call(test_, session, 'POST', '/auth/refresh', {
        refreshToken: session.refreshToken,
      });
      assert.equal(refreshed.status, 200, `refresh after ${elapsed / MINUTE_MS + 50} min`);
      session = {
        ...session,
        token: refreshed.body.accessToken,
        refreshToken: refreshed.body.refreshToken,
        headers: { authorization: `Bearer ${refreshed.body.accessToken}` },
      };
    }
    test_.clock.advance(50 * MINUTE_MS);
    const response = await call(test_, session, 'POST', '/auth/refresh', {
      refreshToken: session.refreshToken,
    });
    assert.equal(response.status, 401);
    assert.equal(response.body.error.code, 'token_expired');
  });

  test('lifetimes follow the tenant settings, within the bounds of 5–120 minutes', async () => {
    const session = await signIn(test_, 'acme', 'admin');
    const tooShort = await call(test_, session, 'PATCH', '/tenant/settings', {
      tokens: { accessTokenMinutes: 4 },
    });
    assert.equal(tooShort.status, 400);
    const changed = await call(test_, session, 'PATCH', '/tenant/settings', {
      tokens: { accessTokenMinutes: 5 },
    });
    assert.equal(changed.status, 200);
    const short = await signIn(test_, 'acme', 'admin');
    test_.clock.advance(5 * MINUTE_MS + 1000);
    assert.equal((await call(test_, short, 'GET', '/me')).body.error.code, 'token_expired');
    const fresh = await signIn(test_, 'acme', 'admin');
    await call(test_, fresh, 'PATCH', '/tenant/settings', { tokens: { accessTokenMinutes: 60 } });
  });

  test('sign-out ends the session at once', async () => {
    const session = await signIn(test_, 'acme', 'admin');
    assert.equal((await call(test_, session, 'POST', '/auth/logout')).status, 204);
    assert.equal((await call(test_, session, 'GET', '/me')).status, 401);
  });

  test('deactivating a user ends their sessions and stops sign-in', async () => {
    const agent = await buildUser(test_, await signIn(test_, 'acme', 'admin'));
    const session = await signIn(test_, 'acme', agent.username);
    const fresh = await signIn(test_, 'acme', 'admin');
    assert.equal((await call(test_, fresh, 'PATCH', `/users/${agent.id}`, { active: false })).status, 200);
    assert.equal((await call(test_, session, 'GET', '/me')).status, 401);
    assert.equal(
      (await login({ tenant: 'acme', username: agent.username, password: TEST_PASSWORD }, '10.5.5.5'))
        .statusCode,
      401,
    );
  });

  test('a user changes their own password with the current one', async () => {
    const agent = await buildUser(test_, await signIn(test_, 'acme', 'admin'));
    const session = await signIn(test_, 'acme', agent.username);
    const wrong = await call(test_, session, 'PUT', '/me/password', {
      currentPassword: 'nope-nope',
      newPassword: 'a new password',
    });
    assert.equal(wrong.status, 401);
    const ok = await call(test_, session, 'PUT', '/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a new password',
    });
    assert.equal(ok.status, 204);
    await signIn(test_, 'acme', agent.username, 'a new password');
  });

  test('the last active administrator cannot be demoted or deactivated', async () => {
    const session = await signIn(test_, 'acme', 'admin');
    const me = await call(test_, session, 'GET', '/me');
    const response = await call(test_, session, 'PATCH', `/users/${me.body.id}`, { role: 'agent' });
    assert.equal(response.status, 409);
    assert.equal(response.body.error.code, 'conflict');
  });
});

describe('service user API keys', () => {
  let test_: TestApp;
  let admin: Session;

  before(async () => {
    test_ = await startTestApp();
    ({ admin } = await createTestTenant(test_, 'acme'));
  });
  after(() => test_.close());

  test('a key is shown once, stored only as a hash, and works as a bearer token', async () => {
    const { keyId, session, service } = await buildApiKey(test_, admin);
    assert.match(session.token, /^sbk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    const listed = await call(test_, admin, 'GET', `/users/${service.id}/api-keys`);
    assert.equal(listed.body.length, 1);
    assert.equal(listed.body[0].key, undefined, 'the secret is never listed');
    const stored = await test_.database.db
      .selectFrom('api_keys')
      .select('key_hash')
      .where('id', '=', keyId)
      .executeTakeFirst();
    assert.ok(
      stored &&
        !session.token.includes(stored.key_hash) &&
        !stored.key_hash.includes(session.token.slice(38)),
    );
    assert.equal((await call(test_, session, 'GET', '/skills')).status, 200);
  });

  test('a read-scoped key reads but cannot change anything; a write-scoped key can maintain users', async () => {
    const reader = await buildApiKey(test_, admin, 'read');
    assert.equal((await call(test_, reader.session, 'POST', '/skills', { name: 'Nope' })).status, 403);
    const writer = await buildApiKey(test_, admin, 'write');
    assert.equal((await call(test_, writer.session, 'POST', '/skills', { name: 'Synced' })).status, 201);
    assert.equal((await call(test_, writer.session, 'GET', '/audit-log')).status, 403);
  });

  test('a revoked key is refused at once', async () => {
    const { keyId, session } = await buildApiKey(test_, admin);
    assert.equal((await call(test_, admin, 'POST', `/api-keys/${keyId}/revoke`)).status, 200);
    const refused = await call(test_, session, 'GET', '/skills');
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error.code, 'unauthenticated');
  });

  test('a tampered key is refused', async () => {
    const { session } = await buildApiKey(test_, admin);
    const tampered = `${session.token.slice(0, -1)}${session.token.endsWith('A') ? 'B' : 'A'}`;
    const refused = await call(
      test_,
      { ...session, headers: { authorization: `Bearer ${tampered}` } },
      'GET',
      '/skills',
    );
    assert.equal(refused.status, 401);
  });

  test('service users cannot sign in with a password and agents cannot get keys', async () => {
    const agent = await buildUser(test_, admin);
    const response = await call(test_, admin, 'POST', `/users/${agent.id}/api-keys`, { name: 'x' });
    assert.equal(response.status, 400);
    const withPassword = await call(test_, admin, 'POST', '/users', {
      username: 'svc',
      displayName: 'Svc',
      role: 'service',
      password: TEST_PASSWORD,
    });
    assert.equal(withPassword.status, 400);
  });
});

describe('a write-scoped key cannot reach administrator powers', () => {
  let test_: TestApp;
  let admin: Session;

  before(async () => {
    test_ = await startTestApp();
    ({ admin } = await createTestTenant(test_, 'acme'));
  });
  after(() => test_.close());

  test('it can create agents (without a password) but not administrators, promote no one, and set no passwords', async () => {
    const { session } = await buildApiKey(test_, admin, 'write');
    const agent = await call(test_, session, 'POST', '/users', {
      username: 'synced',
      displayName: 'Synced Agent',
      role: 'agent',
    });
    assert.equal(agent.status, 201);
    const mole = await call(test_, session, 'POST', '/users', {
      username: 'mole',
      displayName: 'Mole',
      role: 'administrator',
      password: TEST_PASSWORD,
    });
    assert.equal(mole.status, 403);
    assert.equal(
      (await call(test_, session, 'PATCH', `/users/${agent.body.id}`, { role: 'administrator' })).status,
      403,
    );
    const me = await call(test_, admin, 'GET', '/me');
    assert.equal(
      (await call(test_, session, 'PUT', `/users/${me.body.id}/password`, { password: 'taken over!' }))
        .status,
      403,
    );
    assert.equal(
      (await call(test_, session, 'PATCH', `/users/${me.body.id}`, { active: false })).status,
      403,
    );
    await signIn(test_, 'acme', 'admin');
  });
});
