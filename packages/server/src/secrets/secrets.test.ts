import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../db/database.ts';
import { openMigratedDatabase } from '../testing/migrated-database.ts';
import { open, rewrap, seal } from './envelope.ts';
import { generateMasterKeyring, MasterKeyError, parseMasterKeys } from './master-keys.ts';
import { SecretStore } from './secret-store.ts';

const keyText = () => randomBytes(32).toString('base64');

describe('envelope encryption', () => {
  test('a sealed secret opens with its master key and its place, and nothing else', () => {
    const keyring = generateMasterKeyring();
    const secret = Buffer.from('the signing key');
    const sealed = seal(secret, keyring, 'purpose|-|id-1');
    assert.ok(!sealed.ciphertext.includes(secret.toString('base64url')));
    assert.deepEqual(open(sealed, keyring, 'purpose|-|id-1'), secret);
    assert.throws(() => open(sealed, keyring, 'purpose|-|id-2'), 'copied to another row, it does not open');
    assert.throws(() => open(sealed, generateMasterKeyring(), 'purpose|-|id-1'), MasterKeyError);
  });

  test('rotating the master key: the old key listed second still opens, and rewrap moves the secret over', () => {
    const oldKey = keyText();
    const newKey = keyText();
    const before = parseMasterKeys(oldKey);
    const sealed = seal(Buffer.from('mail password'), before, 'a');
    const during = parseMasterKeys(`${newKey},${oldKey}`);
    assert.equal(open(sealed, during, 'a').toString(), 'mail password');
    const moved = rewrap(sealed, during, 'a');
    assert.equal(moved.masterKeyId, during.current.id);
    assert.equal(open(moved, parseMasterKeys(newKey), 'a').toString(), 'mail password');
  });

  test('a master key of the wrong length is refused with what to do', () => {
    assert.throws(() => parseMasterKeys('c2hvcnQ='), /32 random bytes/);
    assert.throws(() => parseMasterKeys(' , '), /empty/);
  });
});

describe('SecretStore', () => {
  let database: Database;
  before(async () => {
    database = await openMigratedDatabase();
  });
  after(() => database.close());

  test('keeps secrets sealed in the database and re-wraps them under a new master key', async () => {
    const oldKey = keyText();
    const store = new SecretStore(database.db, parseMasterKeys(oldKey));
    const value = randomBytes(32);
    const id = await store.add('test_secret', value, new Date());
    const row = await database.db
      .selectFrom('sealed_secrets')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(row).includes(value.toString('base64url')));
    assert.ok(!JSON.stringify(row).includes(value.toString('base64')));

    const rotated = new SecretStore(database.db, parseMasterKeys(`${keyText()},${oldKey}`));
    assert.equal(await rotated.rewrapAll(), 1);
    assert.equal(await rotated.rewrapAll(), 0);
    const listed = await rotated.list('test_secret');
    assert.deepEqual(listed[0]?.value, value);
    await assert.rejects(
      new SecretStore(database.db, parseMasterKeys(oldKey)).list('test_secret'),
      MasterKeyError,
    );
  });
});
