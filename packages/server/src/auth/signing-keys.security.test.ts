import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HOUR_MS, MINUTE_MS } from '@switchboard/core';
import { SecretStore } from '../secrets/secret-store.ts';
import {
  call,
  createTestTenant,
  type Session,
  signIn,
  startTestApp,
  TEST_MASTER_KEYS,
  type TestApp,
} from '../testing/test-app.ts';
import { SIGNING_KEY_ROTATE_AFTER_MS, SigningKeys } from './signing-keys.ts';

const kidOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()).kid;

describe('token-signing keys', () => {
  let test_: TestApp;
  let admin: Session;

  before(async () => {
    test_ = await startTestApp();
    ({ admin } = await createTestTenant(test_, 'acme'));
  });
  after(() => test_.close());

  test('no signing key is stored in plain text: only sealed, and not in system_settings', async () => {
    const settings = await test_.database.db.selectFrom('system_settings').selectAll().execute();
    assert.ok(!settings.some((s) => s.key.includes('signing')));
    const sealed = await test_.database.db
      .selectFrom('sealed_secrets')
      .selectAll()
      .where('purpose', '=', 'token_signing_key')
      .execute();
    assert.equal(sealed.length, 1);
    assert.equal(sealed[0]?.id, kidOf(admin.token), 'tokens name their key');
  });

  test('after a rotation new tokens use the new key and old ones verify until they expire', async () => {
    const store = new SecretStore(test_.database.db, TEST_MASTER_KEYS);
    const operator = await SigningKeys.open(store, test_.clock);
    const newKid = await operator.rotate();
    test_.clock.advance(MINUTE_MS);
    const fresh = await signIn(test_, 'acme', 'admin');
    assert.equal(kidOf(fresh.token), newKid, 'every node signs with the new key within a minute');
    assert.notEqual(kidOf(admin.token), newKid);
    assert.equal((await call(test_, admin, 'GET', '/me')).status, 200, 'the old key still verifies');

    await operator.rotate();
    test_.clock.advance(2 * HOUR_MS + 10 * MINUTE_MS);
    // Past its lifetime a token is refused as expired, whichever key signed it; new sign-ins still work.
    assert.equal((await call(test_, fresh, 'GET', '/me')).body.error.code, 'token_expired');
    const latest = await signIn(test_, 'acme', 'admin');
    assert.equal((await call(test_, latest, 'GET', '/me')).status, 200);
  });

  test('a key older than 30 days is replaced when a server starts', async () => {
    const store = new SecretStore(test_.database.db, TEST_MASTER_KEYS);
    const before = await SigningKeys.open(store, test_.clock);
    const current = (await before.current()).kid;
    test_.clock.advance(SIGNING_KEY_ROTATE_AFTER_MS);
    const after = await SigningKeys.open(store, test_.clock);
    assert.notEqual((await after.current()).kid, current);
    assert.ok(await after.find(current), 'the replaced key still verifies for its grace period');
  });

  test('a token whose key is unknown or past its grace period is refused', async () => {
    const store = new SecretStore(test_.database.db, TEST_MASTER_KEYS);
    const keys = await SigningKeys.open(store, test_.clock);
    const retired = (await keys.current()).kid;
    await keys.rotate();
    test_.clock.advance(2 * HOUR_MS + 10 * MINUTE_MS);
    assert.equal(await keys.find(retired), undefined);
    assert.equal(await keys.find('no-such-key'), undefined);
  });
});
