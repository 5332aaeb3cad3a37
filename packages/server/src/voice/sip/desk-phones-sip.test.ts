import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SecretStore } from '../../secrets/secret-store.ts';
import {
  call,
  createTestTenant,
  startTestApp,
  TEST_MASTER_KEYS,
  type TestApp,
} from '../../testing/test-app.ts';
import { deskPhonesRepository } from '../desk-phones.repository.ts';
import { freeUdpPort } from '../testing/free-port.ts';
import { SipPhone } from '../testing/sip-phone.ts';
import { ha1Of, newSipPassword, sipUsernameOf } from './digest-credentials.ts';
import { SipIngress } from './sip-ingress.ts';

describe('desk phones on SIP', () => {
  let server: TestApp;
  let tenantId: string;
  let ingress: SipIngress;
  const sipAt = { address: '127.0.0.1', port: 0 };
  const closers: (() => unknown)[] = [];
  const secrets = () => new SecretStore(server.database.db, TEST_MASTER_KEYS);
  const sipDeps = () => ({
    db: server.database.db,
    secrets: secrets(),
    calls: server.voice,
    now: () => server.clock.now(),
  });
  const sipPhone = async () => {
    const phone = await SipPhone.open();
    closers.push(() => phone.close());
    return phone;
  };
  /** A desk phone of the tenant, stored as an administrator's add would: its credentials. */
  const deskPhone = async (extension: string) => {
    const username = sipUsernameOf('deskphones', extension);
    const password = newSipPassword();
    const at = new Date(server.clock.now());
    const secretId = await secrets().add(
      'desk_phone_ha1',
      Buffer.from(ha1Of(username, password)),
      at,
      tenantId,
    );
    const id = crypto.randomUUID();
    await deskPhonesRepository.insert(
      server.database.db,
      tenantId,
      { id, extension, name: `Desk ${extension}`, sipUsername: username, secretId },
      at,
    );
    return { id, extension, username, password };
  };

  before(async () => {
    server = await startTestApp();
    const { admin } = await createTestTenant(server, 'deskphones');
    tenantId = (await call(server, admin, 'GET', '/tenant')).body.id;
    sipAt.port = await freeUdpPort();
    ingress = await SipIngress.start(sipDeps(), sipAt);
  });
  after(async () => {
    for (const close of closers) await close();
    ingress.close();
    await server.close();
  });

  test('a desk phone registers with digest authentication, is refused with a wrong password, and unregisters', async () => {
    const desk = await deskPhone('2001');
    const phone = await sipPhone();
    const registered = await phone.register(sipAt, desk);
    assert.equal(registered.status, 200);
    assert.equal(registered.headers.contact?.[0]?.params.expires, '3600');
    const binding = ingress.registrar.bindingOf(tenantId, '2001');
    assert.ok(binding, 'the extension is reachable');
    assert.match(binding.uri, /^sip:phone@127\.0\.0\.2:\d+$/);

    assert.equal((await phone.register(sipAt, { ...desk, password: 'not-its-password' })).status, 403);
    const stranger = await phone.register(sipAt, { username: 'deskphones-9999', password: desk.password });
    assert.equal(stranger.status, 403, 'a username no phone has');
    const replayed = await phone.register(sipAt, desk, {
      change: (register) => {
        const [signature] = register.headers.authorization as { nc: string }[];
        if (signature) signature.nc = '00000000';
      },
    });
    assert.equal(replayed.status, 403, 'a nonce count is taken once');
    const brief = await phone.register(sipAt, desk, { expires: 20 });
    assert.equal(brief.status, 423);
    assert.equal(brief.headers['min-expires'], '60');

    assert.equal((await phone.register(sipAt, desk, { expires: 0 })).status, 200);
    assert.equal(ingress.registrar.bindingOf(tenantId, '2001'), undefined, 'unregistered');
  });

  test('one address guessing passwords, even all at once, is turned away after ten failures', async () => {
    const desk = await deskPhone('2002');
    const guardedAt = { address: '127.0.0.1', port: await freeUdpPort() };
    const guarded = await SipIngress.start(sipDeps(), { ...guardedAt, registers: { burst: 100, perSecond: 100 } });
    closers.push(() => guarded.close());
    const phone = await sipPhone();
    const guesses = await Promise.all(
      Array.from({ length: 14 }, (_, i) => phone.register(guardedAt, { ...desk, password: `guess-${i}` })),
    );
    const statuses = guesses.map((answer) => answer.status);
    assert.equal(statuses.filter((status) => status === 403).length, 10, statuses.join(' '));
    assert.equal(statuses.filter((status) => status === 503).length, 4, statuses.join(' '));
    const right = await phone.register(guardedAt, desk);
    assert.equal(right.status, 503, 'the right password too, while it is turned away');
    assert.equal(guarded.registrar.bindingOf(tenantId, '2002'), undefined);
  });
});
