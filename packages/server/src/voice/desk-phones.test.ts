import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LIMITS } from '@switchboard/core';
import { sql } from 'kysely';
import { type Database, migrate, openDatabase } from '../db/database.ts';
import { SecretStore } from '../secrets/secret-store.ts';
import { buildApiKey, signInAs } from '../testing/builders.ts';
import { freshPostgresDatabase, postgresForTests } from '../testing/postgres.ts';
import {
  call,
  createTestTenant,
  type Session,
  startTestApp,
  TEST_MASTER_KEYS,
  type TestApp,
} from '../testing/test-app.ts';
import { deskPhonesRepository } from './desk-phones.repository.ts';
import { ha1Of } from './sip/digest-credentials.ts';

const show = (res: { status: number; body: unknown }) => `→ ${res.status} ${JSON.stringify(res.body)}`;
const HA1 = 'desk_phone_ha1';

/** The HA1 the server keeps for the phone now, and the id of the secret holding it. */
async function storedHa1(server: TestApp, tenantId: string, id: string) {
  const phone = await deskPhonesRepository.findById(server.database.db, tenantId, id);
  assert.ok(phone, `phone ${id} is stored`);
  const secret = await new SecretStore(server.database.db, TEST_MASTER_KEYS).get(phone.secretId);
  return { secretId: phone.secretId, ha1: secret?.toString() };
}

const setPattern = (server: TestApp, admin: Session, extensionPattern: string) =>
  call(server, admin, 'PATCH', '/tenant/settings', { voice: { extensionPattern } });

describe('desk phones', () => {
  let server: TestApp;
  let admin: Session;
  let tenantId: string;

  before(async () => {
    server = await startTestApp();
    ({ tenantId, admin } = await createTestTenant(server, 'desk'));
  });
  after(() => server.close());

  const add = (body: object, who = admin) => call(server, who, 'POST', '/desk-phones', body);

  test('an administrator adds a phone and sees its credentials once; renames and deletes it, each change audited', async () => {
    const created = await add({ extension: '2001', name: 'Front desk' });
    assert.equal(created.status, 201, show(created));
    const { credentials, ...phone } = created.body;
    assert.deepEqual(Object.keys(credentials).sort(), ['password', 'realm', 'sipUsername']);
    assert.equal(credentials.sipUsername, 'desk-2001');
    assert.equal(credentials.realm, 'switchboard');
    assert.match(credentials.password, /^[A-Z2-9]{24}$/);
    assert.deepEqual(
      [phone.extension, phone.name, phone.sipUsername, phone.agentId],
      ['2001', 'Front desk', 'desk-2001', null],
    );
    assert.deepEqual(Object.keys(phone).sort(), [
      'agentId',
      'createdAt',
      'extension',
      'id',
      'name',
      'sipUsername',
      'updatedAt',
    ]);
    const { id } = phone;
    const stored = await storedHa1(server, tenantId, id);
    assert.equal(
      stored.ha1,
      ha1Of('desk-2001', credentials.password),
      'the HA1 of the password shown is kept',
    );
    assert.deepEqual((await call(server, admin, 'GET', `/desk-phones/${id}`)).body, phone);
    assert.deepEqual((await call(server, admin, 'GET', '/desk-phones')).body, [phone]);

    const renamed = await call(server, admin, 'PATCH', `/desk-phones/${id}`, { name: 'Reception' });
    assert.equal(renamed.status, 200, show(renamed));
    assert.deepEqual([renamed.body.name, renamed.body.extension], ['Reception', '2001']);
    const moved = await call(server, admin, 'PATCH', `/desk-phones/${id}`, { name: 'R', extension: '2002' });
    assert.equal(moved.status, 400, `the extension does not change ${show(moved)}`);

    assert.equal((await call(server, admin, 'DELETE', `/desk-phones/${id}`)).status, 204);
    assert.equal((await call(server, admin, 'GET', `/desk-phones/${id}`)).status, 404);
    assert.equal((await call(server, admin, 'DELETE', `/desk-phones/${id}`)).status, 404);
    const store = new SecretStore(server.database.db, TEST_MASTER_KEYS);
    assert.equal(await store.get(stored.secretId), undefined, 'its secret went with it');
    const audit = await call(server, admin, 'GET', '/audit-log?entityType=desk_phone');
    assert.deepEqual(audit.body.map((e: { action: string }) => e.action).sort(), [
      'create',
      'delete',
      'update',
    ]);
    assert.ok(!JSON.stringify(audit.body).includes(credentials.password), 'the audit log holds no password');
  });

  test('a new password replaces the old: the HA1 kept is the new one, the old secret is gone', async () => {
    const created = await add({ extension: '2100', name: 'Back office' });
    const { id } = created.body;
    const first = await storedHa1(server, tenantId, id);
    const renewed = await call(server, admin, 'POST', `/desk-phones/${id}/password`);
    assert.equal(renewed.status, 200, show(renewed));
    assert.deepEqual(Object.keys(renewed.body).sort(), ['password', 'realm', 'sipUsername']);
    assert.equal(renewed.body.sipUsername, 'desk-2100');
    assert.notEqual(renewed.body.password, created.body.credentials.password);
    const now = await storedHa1(server, tenantId, id);
    assert.equal(now.ha1, ha1Of('desk-2100', renewed.body.password));
    assert.notEqual(now.ha1, first.ha1);
    const store = new SecretStore(server.database.db, TEST_MASTER_KEYS);
    assert.equal(await store.get(first.secretId), undefined, 'the old password stops working');
    assert.deepEqual(
      (await store.list(HA1, tenantId)).map((s) => s.id),
      [now.secretId],
      'one HA1 for the one phone',
    );
    const missing = await call(server, admin, 'POST', `/desk-phones/${crypto.randomUUID()}/password`);
    assert.equal(missing.status, 404, show(missing));
    assert.equal((await call(server, admin, 'DELETE', `/desk-phones/${id}`)).status, 204);
  });

  test('refused with the field at fault: the extension’s form, the name, fields that are not there', async () => {
    const ok = { extension: '3000', name: 'Desk' };
    const cases: [object, string, RegExp][] = [
      [{ ...ok, extension: '' }, 'extension', /./],
      [{ ...ok, extension: '30a' }, 'extension', /only digits, \*, # and \+/],
      [{ ...ok, extension: '30 1' }, 'extension', /only digits, \*, # and \+/],
      [{ ...ok, extension: '1'.repeat(LIMITS.extension.max + 1) }, 'extension', /at most 20/],
      [{ ...ok, name: '' }, 'name', /empty/],
      [{ ...ok, name: ' Desk' }, 'name', /space/],
      [{ ...ok, name: 'x'.repeat(LIMITS.deskPhoneName.max + 1) }, 'name', /at most 100/],
      [{ extension: '3000' }, 'name', /./],
      [{ ...ok, sipUsername: 'mine' }, 'sipUsername', /./],
    ];
    for (const [body, field, message] of cases) {
      const refused = await add(body);
      assert.equal(refused.status, 400, `${JSON.stringify(body)} ${show(refused)}`);
      assert.equal(refused.body.error.code, 'validation_failed');
      assert.match(refused.body.error.message, message, show(refused));
      assert.equal(refused.body.error.details[0].field, field, show(refused));
    }
    assert.deepEqual((await call(server, admin, 'GET', '/desk-phones')).body, []);
  });

  test('an extension another phone of the tenant has is 409 extension_taken; another tenant may have it', async () => {
    const first = await add({ extension: '4000', name: 'One' });
    assert.equal(first.status, 201, show(first));
    const again = await add({ extension: '4000', name: 'Two' });
    assert.equal(again.status, 409, show(again));
    assert.equal(again.body.error.code, 'extension_taken');
    assert.equal(again.body.error.details[0].field, 'extension');
    const other = await createTestTenant(server, 'desk-other');
    const theirs = await add({ extension: '4000', name: 'Theirs' }, other.admin);
    assert.equal(theirs.status, 201, show(theirs));
    assert.equal(theirs.body.sipUsername, 'desk-other-4000');
    const found = await deskPhonesRepository.findBySipUsername(server.database.db, 'desk-other-4000');
    assert.deepEqual([found?.id, found?.tenantId], [theirs.body.id, other.tenantId]);
    // Neither sees, renames, renews or deletes the other's.
    const id = first.body.id;
    assert.deepEqual(
      (await call(server, other.admin, 'GET', '/desk-phones')).body,
      [theirs.body].map(({ credentials: _, ...phone }) => phone),
    );
    for (const [method, url, body] of [
      ['GET', `/desk-phones/${id}`],
      ['PATCH', `/desk-phones/${id}`, { name: 'Taken' }],
      ['POST', `/desk-phones/${id}/password`],
      ['DELETE', `/desk-phones/${id}`],
    ] as const) {
      const res = await call(server, other.admin, method, url, body);
      assert.equal(res.status, 404, `${method} ${url} ${show(res)}`);
    }
    const mine = await call(server, admin, 'GET', `/desk-phones/${id}`);
    assert.deepEqual(mine.body.name, 'One');
    const store = new SecretStore(server.database.db, TEST_MASTER_KEYS);
    assert.equal(
      (await storedHa1(server, tenantId, id)).ha1,
      ha1Of('desk-4000', first.body.credentials.password),
    );
    assert.equal((await store.list(HA1, other.tenantId)).length, 1);
    assert.equal((await call(server, admin, 'DELETE', `/desk-phones/${id}`)).status, 204);
  });

  test("the tenant's extension pattern: extensions must fit it, and it must fit every phone", async () => {
    const tenant = await call(server, admin, 'GET', '/tenant');
    assert.equal(tenant.body.settings.voice.extensionPattern, 'X!');
    const single = await add({ extension: '5', name: 'One digit' });
    assert.equal(single.status, 400, `X! is two or more digits ${show(single)}`);
    assert.equal((await add({ extension: '5*', name: 'Star' })).status, 400);

    for (const [pattern, message] of [
      ['2X!X', /"!" at position 3/],
      ['2x', /"x" at position 2: write X/],
      ['[5-1]XX', /range 5-1 at position 2 runs backwards/],
      ['', /./],
      ['X'.repeat(LIMITS.dialPattern.max + 1), /./],
    ] as const) {
      const refused = await setPattern(server, admin, pattern);
      assert.equal(refused.status, 400, `${pattern} ${show(refused)}`);
      assert.equal(refused.body.error.code, 'validation_failed');
      assert.match(refused.body.error.message, message);
      assert.equal(refused.body.error.details[0].field, 'voice/extensionPattern', show(refused));
    }

    const set = await setPattern(server, admin, '2.XXX');
    assert.equal(set.status, 200, show(set));
    assert.equal(set.body.settings.voice.extensionPattern, '2.XXX');
    const fits = await add({ extension: '2001', name: 'Fits' });
    assert.equal(fits.status, 201, show(fits));
    const misfit = await add({ extension: '3001', name: 'Misfit' });
    assert.equal(misfit.status, 400, show(misfit));
    assert.equal(misfit.body.error.details[0].field, 'extension');
    assert.match(misfit.body.error.message, /3001 does not fit the tenant's extension pattern "2\.XXX"/);
    const second = await add({ extension: '2999', name: 'Also fits' });

    const narrower = await setPattern(server, admin, '2[0-5]XX');
    assert.equal(narrower.status, 409, show(narrower));
    assert.equal(narrower.body.error.code, 'conflict');
    assert.match(narrower.body.error.message, /extension\(s\) 2999 do not fit the pattern "2\[0-5\]XX"/);
    assert.deepEqual(narrower.body.error.details.extensions, ['2999']);
    const none = await setPattern(server, admin, '9XX');
    assert.deepEqual(none.body.error.details.extensions, ['2001', '2999']);
    assert.equal((await call(server, admin, 'GET', '/tenant')).body.settings.voice.extensionPattern, '2.XXX');
    const audits = await call(server, admin, 'GET', '/audit-log?entityType=tenant&action=update');
    assert.deepEqual(
      audits.body.map(
        (e: { after: { settings: { voice: { extensionPattern: string } } } }) =>
          e.after.settings.voice.extensionPattern,
      ),
      ['2.XXX'],
      'one change of the pattern, the one that was made',
    );

    assert.equal((await call(server, admin, 'DELETE', `/desk-phones/${second.body.id}`)).status, 204);
    assert.equal((await setPattern(server, admin, '2[0-5]XX')).status, 200);
    assert.equal((await setPattern(server, admin, 'X!')).status, 200);
    assert.equal((await call(server, admin, 'DELETE', `/desk-phones/${fits.body.id}`)).status, 204);
  });

  test('supervisors and read keys read phones; only administrators change them; agents see none', async () => {
    const { body: phone } = await add({ extension: '6000', name: 'Desk' });
    const supervisor = await signInAs(server, admin, 'supervisor');
    const agent = await signInAs(server, admin, 'agent');
    const key = await buildApiKey(server, admin, 'write');
    for (const who of [supervisor.session, key.session]) {
      assert.equal((await call(server, who, 'GET', '/desk-phones')).status, 200);
      assert.equal((await call(server, who, 'GET', `/desk-phones/${phone.id}`)).status, 200);
    }
    const attempts = [
      ['GET', '/desk-phones'],
      ['GET', `/desk-phones/${phone.id}`],
      ['POST', '/desk-phones', { extension: '6001', name: 'Mine' }],
      ['PATCH', `/desk-phones/${phone.id}`, { name: 'Mine' }],
      ['POST', `/desk-phones/${phone.id}/password`],
      ['DELETE', `/desk-phones/${phone.id}`],
    ] as const;
    for (const [who, session, writesOnly] of [
      ['agent', agent.session, false],
      ['supervisor', supervisor.session, true],
      ['write key', key.session, true],
    ] as const) {
      for (const [method, url, body] of attempts) {
        if (writesOnly && method === 'GET') continue;
        const refused = await call(server, session, method, url, body);
        assert.equal(refused.status, 403, `${who} ${method} ${url} ${show(refused)}`);
        assert.equal(refused.body.error.code, 'forbidden');
      }
    }
    const after = await storedHa1(server, tenantId, phone.id);
    assert.equal(after.ha1, ha1Of('desk-6000', phone.credentials.password), 'nothing changed');
    assert.deepEqual(
      (await call(server, admin, 'GET', '/desk-phones')).body.map((p: { name: string }) => p.name),
      ['Desk'],
    );
  });
});

/**
 * Phones added at the same moment: the unique constraint decides who gets an extension, and the tenant's lock
 * keeps the cap and the pattern. PGlite runs one transaction at a time; PostgreSQL runs them side by side, where
 * the locks are put to the test (set SWITCHBOARD_TEST_DATABASE_URL).
 */
function phonesAddedAtOnce(label: string, openDb?: () => Promise<Database>) {
  describe(`desk phones added at once (${label})`, () => {
    let server: TestApp;
    before(async () => {
      server = await startTestApp({}, undefined, openDb);
    });
    after(() => server.close());

    test('the same extension added twice at once: one phone gets it, the other 409 extension_taken', async () => {
      const { tenantId, admin } = await createTestTenant(server, 'race-twice');
      const add = (name: string) => call(server, admin, 'POST', '/desk-phones', { extension: '100', name });
      const answers = await Promise.all([add('Left'), add('Right')]);
      assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409], answers.map(show).join(' '));
      const refused = answers.find((a) => a.status === 409);
      assert.equal(refused?.body.error.code, 'extension_taken');
      const listed = (await call(server, admin, 'GET', '/desk-phones')).body;
      assert.equal(listed.length, 1);
      const store = new SecretStore(server.database.db, TEST_MASTER_KEYS);
      const secrets = await store.list(HA1, tenantId);
      assert.equal(secrets.length, 1, "the refused phone's secret was not kept");
      assert.equal((await storedHa1(server, tenantId, listed[0].id)).secretId, secrets[0]?.id);
    });

    test(`a tenant has at most ${LIMITS.deskPhonesPerTenant.max} desk phones, however many are added at once`, async () => {
      const { tenantId, admin } = await createTestTenant(server, 'race-busy');
      const max = LIMITS.deskPhonesPerTenant.max;
      const secretId = await new SecretStore(server.database.db, TEST_MASTER_KEYS).add(
        HA1,
        Buffer.from('seeded'),
        new Date(),
        tenantId,
      );
      await sql`
        insert into desk_phones (id, tenant_id, extension, name, sip_username, secret_id, created_at, updated_at)
        select gen_random_uuid(), ${tenantId}, (10000 + i)::text, 'Seeded ' || i, 'race-busy-' || (10000 + i),
          ${secretId}, now(), now()
        from generate_series(1, ${max - 2}) as i`.execute(server.database.db);
      const answers = await Promise.all(
        [1, 2, 3, 4, 5].map((i) =>
          call(server, admin, 'POST', '/desk-phones', { extension: `9${i}`, name: `Desk ${i}` }),
        ),
      );
      assert.deepEqual(
        answers.map((a) => a.status).sort(),
        [201, 201, 409, 409, 409],
        answers.map(show).join(' '),
      );
      const full = answers.find((a) => a.status === 409);
      assert.equal(full?.body.error.details.what, 'deskPhonesPerTenant');
      assert.match(full?.body.error.message, /at most 5000 desk phones/);
      assert.equal((await call(server, admin, 'GET', '/desk-phones')).body.length, max);
    });

    test('a phone added while the pattern changes: never a phone outside the pattern', async () => {
      const { admin } = await createTestTenant(server, 'race-pattern');
      for (let round = 0; round < 5; round++) {
        const extension = `3${round}0`;
        const [pattern, phone] = await Promise.all([
          call(server, admin, 'PATCH', '/tenant/settings', { voice: { extensionPattern: '2XX' } }),
          call(server, admin, 'POST', '/desk-phones', { extension, name: `Desk ${round}` }),
        ]);
        const outcome = [pattern.status, phone.status];
        assert.ok(
          (outcome[0] === 200 && outcome[1] === 400) || (outcome[0] === 409 && outcome[1] === 201),
          `${show(pattern)} ${show(phone)}`,
        );
        if (phone.status === 201) {
          assert.deepEqual(pattern.body.error.details.extensions, [extension]);
          assert.equal((await call(server, admin, 'DELETE', `/desk-phones/${phone.body.id}`)).status, 204);
        }
        const reset = await call(server, admin, 'PATCH', '/tenant/settings', {
          voice: { extensionPattern: 'X!' },
        });
        assert.equal(reset.status, 200, show(reset));
      }
    });
  });
}

phonesAddedAtOnce('PGlite');
const postgres = postgresForTests();
if (postgres.available) {
  phonesAddedAtOnce('PostgreSQL', async () => {
    const fresh = await freshPostgresDatabase(postgres.url);
    const database = await openDatabase({ databaseUrl: fresh.url });
    await migrate(database.db);
    return {
      ...database,
      close: async () => {
        await database.close();
        await fresh.drop();
      },
    };
  });
} else {
  test('desk phones added at once (PostgreSQL)', { skip: postgres.reason }, () => {});
}
