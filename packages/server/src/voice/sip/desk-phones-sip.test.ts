import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildCsq, signInAs } from '../../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../../testing/test-app.ts';
import { toneSource } from '../audio.ts';
import { freeUdpPort } from '../testing/free-port.ts';
import { SipPhone } from '../testing/sip-phone.ts';
import { SipIngress } from './sip-ingress.ts';
import { ingressDeps } from './testing/ingress-deps.ts';

const CALLER_TONE = 1000;
const AGENT_TONE = 1500;

describe('desk phones on SIP', () => {
  let server: TestApp;
  let tenantId: string;
  let admin: Session;
  let csqId: string;
  let ingress: SipIngress;
  const sipAt = { address: '127.0.0.1', port: 0 };
  const closers: (() => unknown)[] = [];
  const sipPhone = async () => {
    const phone = await SipPhone.open();
    closers.push(() => phone.close());
    return phone;
  };
  /** A desk phone of the tenant, added by the administrator: its credentials. */
  const deskPhone = async (extension: string) => {
    const added = await call(server, admin, 'POST', '/desk-phones', { extension, name: `Desk ${extension}` });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const { sipUsername, password } = added.body.credentials;
    return { extension, username: sipUsername as string, password: password as string };
  };

  /** An agent Ready for calls, signed in with the desk phone of `extension`, which is registered. */
  const agentAtDeskPhone = async (extension: string) => {
    const desk = await deskPhone(extension);
    const { user, session } = await signInAs(server, admin, 'agent', {});
    const agent = { userId: user.id, session };
    const signedIn = () => call(server, session, 'PUT', `/agents/${user.id}/desk-phone`, { extension });
    const before = await signedIn();
    assert.deepEqual(before.body, { extension, registered: false }, JSON.stringify(before.body));
    const phone = await sipPhone();
    assert.equal((await phone.register(sipAt, desk)).status, 200);
    const after = await call(server, session, 'GET', `/agents/${user.id}/desk-phone`);
    assert.deepEqual(after.body, { extension, registered: true });
    await voiceReady(agent);
    return { agent, desk, deskPhone: phone };
  };
  const voiceReady = async (agent: { userId: string; session: Session }) => {
    const changed = await call(server, agent.session, 'PUT', `/agents/${agent.userId}/state`, {
      domain: 'voice',
      state: 'ready',
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
  };
  const wrapUp = async (agent: { session: Session }, contactId: string) => {
    const wrapped = await call(server, agent.session, 'POST', `/contacts/${contactId}/wrap-up`, {
      reasons: [],
      next: { state: 'not_ready' },
    });
    assert.equal(wrapped.status, 200, JSON.stringify(wrapped.body));
  };
  /** A number whose calls wait in the voice CSQ. */
  const number = async () => {
    const digits = `+1555${Math.floor(Math.random() * 1e7)
      .toString()
      .padStart(7, '0')}`;
    const created = await call(server, admin, 'POST', '/phone-numbers', {
      number: digits,
      name: digits,
      csqId,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return digits;
  };
  const openContact = async () =>
    server.database.db
      .selectFrom('contacts')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('status', '<>', 'ended')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
  const contactRow = (id: string) =>
    server.database.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  /** Waits on the router's events until `check` holds. */
  const until = async (check: () => Promise<boolean>) => {
    for (;;) {
      let stop = () => {};
      const next = new Promise<void>((resolve) => {
        stop = server.acd.committed.subscribe(tenantId, () => resolve());
      });
      const holds = await check();
      if (!holds) await next;
      stop();
      if (holds) return;
    }
  };

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'deskphones'));
    tenantId = (await call(server, admin, 'GET', '/tenant')).body.id;
    csqId = (await buildCsq(server, admin, { channel: 'voice', name: 'Desk line', recording: 'always' })).id;
    sipAt.port = await freeUdpPort();
    ingress = await SipIngress.start(ingressDeps(server), sipAt);
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

  test('a call offered to an agent signed in with a desk phone rings it; they talk, and the phone hangs up into wrap-up', async () => {
    const { agent, desk, deskPhone: phone } = await agentAtDeskPhone('2101');
    const dialled = await number();
    const caller = await sipPhone();
    const answered = caller.call(sipAt, dialled, (invite) => {
      invite.headers.from.uri = invite.headers.from.uri.replace('+15557654321', '+15550001111');
    });
    const invite = await phone.ringing();
    assert.match(invite.headers.from.uri, /^sip:\+15550001111@/, "the phone shows the caller's number");
    assert.equal((await answered).status, 200);
    const contactId = (await openContact()).id;
    assert.equal((await contactRow(contactId)).status, 'offered');
    phone.pickUp(invite);
    await until(async () => (await contactRow(contactId)).status === 'active');
    assert.equal((await contactRow(contactId)).agent_id, agent.userId);
    caller.speak(toneSource(CALLER_TONE));
    phone.speak(toneSource(AGENT_TONE));
    await phone.hearsTone(CALLER_TONE);
    await caller.hearsTone(AGENT_TONE);
    // The desktop learns from the server where the recording of a call on the phone stands, and pauses it.
    const recordingNow = () => call(server, agent.session, 'GET', `/contacts/${contactId}/recording`);
    assert.deepEqual(
      { ...(await recordingNow()).body, recordingId: undefined },
      { policy: 'always', state: 'recording', recordingId: undefined },
    );
    const paused = await call(server, agent.session, 'POST', `/contacts/${contactId}/recording`, {
      action: 'pause',
    });
    assert.equal(paused.body.state, 'paused', JSON.stringify(paused.body));
    assert.equal((await recordingNow()).body.state, 'paused');

    assert.equal((await phone.hangUp()).status, 200);
    await caller.hungUp();
    assert.equal((await contactRow(contactId)).status, 'wrap_up', 'the agent hung up: wrap-up');
    await wrapUp(agent, contactId);
    const [recording] = (await call(server, admin, 'GET', `/contacts/${contactId}/recordings`)).body;
    assert.match(recording.recordedUser, /\(2101\)$/, 'the agent is known by the desk phone’s extension');
    assert.equal(recording.dnis, desk.extension);
    assert.equal(recording.ani, '+15550001111');
  });

  test('the phone stops ringing when the caller hangs up; a phone that refuses declines the offer; a hang-up in the desktop reaches the phone', async () => {
    const { agent, deskPhone: phone } = await agentAtDeskPhone('2102');
    const dialled = await number();
    const first = await sipPhone();
    await first.call(sipAt, dialled);
    const cancelled = phone.cancelled();
    await phone.ringing();
    await first.hangUp();
    await cancelled;

    const second = await sipPhone();
    await second.call(sipAt, dialled);
    phone.decline(await phone.ringing());
    const refused = await openContact();
    await until(async () => (await contactRow(refused.id)).agent_id === null);
    assert.equal(
      (await contactRow(refused.id)).status,
      'queued',
      'the offer was declined: the call waits again',
    );
    await second.hangUp();

    await voiceReady(agent);
    const third = await sipPhone();
    await third.call(sipAt, dialled);
    const invite = await phone.ringing();
    phone.pickUp(invite);
    const contactId = (await openContact()).id;
    await until(async () => (await contactRow(contactId)).status === 'active');
    const ended = await call(server, agent.session, 'POST', `/contacts/${contactId}/complete`);
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    await phone.hungUp();
    await third.hungUp();
    await wrapUp(agent, contactId);
  });

  test('a call taken on one desk phone and transferred to an agent at another rings that phone at once', async () => {
    const first = await agentAtDeskPhone('2103');
    const second = await agentAtDeskPhone('2104');
    const dialled = await number();
    const caller = await sipPhone();
    await caller.call(sipAt, dialled);
    const contactId = (await openContact()).id;
    await until(async () => (await contactRow(contactId)).agent_id !== null);
    const offeredTo = (await contactRow(contactId)).agent_id;
    const rung = { at: offeredTo === first.agent.userId ? first : second };
    const other = rung.at === first ? second : first;
    rung.at.deskPhone.pickUp(await rung.at.deskPhone.ringing());
    await until(async () => (await contactRow(contactId)).status === 'active');
    const moved = await call(server, rung.at.agent.session, 'POST', `/contacts/${contactId}/transfer`, {
      agentId: other.agent.userId,
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    await rung.at.deskPhone.hungUp();
    other.deskPhone.pickUp(await other.deskPhone.ringing());
    await until(async () => (await contactRow(contactId)).agent_id === other.agent.userId);
    caller.speak(toneSource(CALLER_TONE));
    other.deskPhone.speak(toneSource(AGENT_TONE));
    await other.deskPhone.hearsTone(CALLER_TONE);
    await caller.hearsTone(AGENT_TONE);
    await caller.hangUp();
    await other.deskPhone.hungUp();
    await wrapUp(other.agent, contactId);
  });

  test('an agent signs in only with an extension a desk phone has, that fits the pattern, and that no one else holds', async () => {
    await deskPhone('2201');
    const agents = await Promise.all([1, 2].map(() => signInAs(server, admin, 'agent', {})));
    const take = (i: number, extension: string | null) => {
      const agent = agents[i];
      assert.ok(agent);
      return call(server, agent.session, 'PUT', `/agents/${agent.user.id}/desk-phone`, { extension });
    };
    const both = await Promise.all([take(0, '2201'), take(1, '2201')]);
    assert.deepEqual(both.map((answer) => answer.status).sort(), [200, 409], 'one of two at once wins');
    const loser = both[0]?.status === 409 ? 1 : 0;
    assert.equal((await take(loser, '2299')).status, 404, 'no desk phone has it');
    const misfit = await take(loser, '9');
    assert.equal(misfit.status, 400, JSON.stringify(misfit.body));
    assert.match(misfit.body.error.message, /pattern/);
    assert.equal((await take(loser, '22#01x')).status, 400);
    const winner = 1 - loser;
    assert.deepEqual((await take(winner, null)).body, { extension: null, registered: false });
    assert.equal((await take(loser, '2201')).status, 200, 'free again');
    const other = agents[winner];
    assert.ok(other);
    const peek = await call(server, other.session, 'GET', `/agents/${agents[loser]?.user.id}/desk-phone`);
    assert.equal(peek.status, 403, "another agent's desk phone is not theirs to see");
    const leaving = agents[loser];
    assert.ok(leaving);
    const out = await call(server, leaving.session, 'PUT', `/agents/${leaving.user.id}/state`, {
      domain: 'voice',
      state: 'logged_out',
    });
    assert.equal(out.status, 200, JSON.stringify(out.body));
    const left = await call(server, leaving.session, 'GET', `/agents/${leaving.user.id}/desk-phone`);
    assert.deepEqual(
      left.body,
      { extension: null, registered: false },
      'logging out of voice leaves the phone',
    );
  });

  test("an office's phones behind one address register at the same moment", async () => {
    const office = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => ({
        desk: await deskPhone(String(2300 + i)),
        phone: await sipPhone(),
      })),
    );
    const answers = await Promise.all(office.map(({ desk, phone }) => phone.register(sipAt, desk)));
    assert.deepEqual(
      answers.map((answer) => answer.status),
      office.map(() => 200),
    );
    for (const { desk } of office)
      assert.ok(ingress.registrar.bindingOf(tenantId, desk.extension), desk.extension);
  });

  test('one address guessing passwords, even all at once, is turned away after ten failures', async () => {
    const desk = await deskPhone('2002');
    const guardedAt = { address: '127.0.0.1', port: await freeUdpPort() };
    const guarded = await SipIngress.start(ingressDeps(server), {
      ...guardedAt,
      registers: { burst: 100, perSecond: 100 },
    });
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
