import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { MINUTE_MS, type SwitchboardError } from '@switchboard/core';
import { changeOwnPassword } from '../directory/users.service.ts';
import { buildUser } from '../testing/builders.ts';
import {
  call,
  createTestTenant,
  type Session,
  signIn,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/test-app.ts';

const refresh = (test_: TestApp, session: Session, refreshToken = session.refreshToken) =>
  call(test_, session, 'POST', '/auth/refresh', { refreshToken });

describe('sessions end when they should', () => {
  let test_: TestApp;
  let admin: Session;

  before(async () => {
    test_ = await startTestApp();
    ({ admin } = await createTestTenant(test_, 'acme'));
  });
  beforeEach(async () => {
    admin = await signIn(test_, 'acme', 'admin');
  });
  after(() => test_.close());

  test('changing one’s own password ends every other session, refresh included, and keeps this one', async () => {
    const agent = await buildUser(test_, admin);
    const here = await signIn(test_, 'acme', agent.username);
    const elsewhere = await signIn(test_, 'acme', agent.username);
    const changed = await call(test_, here, 'PUT', '/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'another password',
    });
    assert.equal(changed.status, 204);
    assert.equal((await call(test_, elsewhere, 'GET', '/me')).status, 401);
    assert.equal((await refresh(test_, elsewhere)).status, 401);
    assert.equal((await call(test_, here, 'GET', '/me')).status, 200);
    const audit = await call(test_, admin, 'GET', '/audit-log?entityType=user&limit=5');
    assert.ok(
      audit.body.some(
        (e: { action: string; entityId: string }) =>
          e.action === 'password_change' && e.entityId === agent.id,
      ),
    );
  });

  test('a password change whose checked password was replaced meanwhile stores nothing', async () => {
    const agent = await buildUser(test_, admin);
    const row = await test_.database.db
      .selectFrom('users')
      .select(['password_hash', 'tenant_id'])
      .where('id', '=', agent.id)
      .executeTakeFirstOrThrow();
    const principal = {
      tenantId: row.tenant_id,
      userId: agent.id,
      role: 'agent' as const,
      name: agent.username,
    };
    // As if an administrator reset the password between the check and the change.
    await assert.rejects(
      changeOwnPassword(
        test_.database.db,
        { ...principal, tenantId: row.tenant_id },
        'a racing password',
        'scrypt$stale',
      ),
      (error: SwitchboardError) => error.code === 'conflict',
    );
    const after = await test_.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', agent.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.password_hash, row.password_hash);
  });

  test('an administrator setting a password ends all of that user’s sessions', async () => {
    const agent = await buildUser(test_, admin);
    const session = await signIn(test_, 'acme', agent.username);
    assert.equal(
      (await call(test_, admin, 'PUT', `/users/${agent.id}/password`, { password: 'reset by admin' })).status,
      204,
    );
    assert.equal((await call(test_, session, 'GET', '/me')).status, 401);
    assert.equal((await refresh(test_, session)).status, 401);
  });

  test('a replayed refresh token ends the session: the newer tokens stop working too', async () => {
    const session = await signIn(test_, 'acme', 'admin');
    const first = await refresh(test_, session);
    assert.equal(first.status, 200);
    const replay = await refresh(test_, session);
    assert.equal(replay.status, 401);
    const newer: Session = {
      ...session,
      token: first.body.accessToken,
      refreshToken: first.body.refreshToken,
      headers: { authorization: `Bearer ${first.body.accessToken}` },
    };
    assert.equal((await call(test_, newer, 'GET', '/me')).status, 401);
    assert.equal((await refresh(test_, newer)).status, 401);
  });

  test('a session past its own expiry no longer authenticates, even with an unexpired access token', async () => {
    const session = await signIn(test_, 'acme', 'admin');
    await test_.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(test_.clock.now() - MINUTE_MS) })
      .where('revoked_at', 'is', null)
      .execute();
    const refused = await call(test_, session, 'GET', '/me');
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error.code, 'unauthenticated');
  });
});
