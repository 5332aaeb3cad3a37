import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AcdEvent } from '@switchboard/core';
import { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Principal } from '../auth/principal.ts';
import { buildApiKey, buildChatWidget, buildCsq, buildReasonCode, signInAs } from '../testing/builders.ts';
import {
  call,
  createTestTenant,
  type Session,
  startTestApp,
  TEST_MASTER_KEYS,
  type TestApp,
} from '../testing/test-app.ts';
import { holdMusic, toneSource } from './audio.ts';
import { EmbeddedMedia } from './media/embedded-media.ts';
import { answerFromDesk } from './testing/desk-answer.ts';
import { loudness, toneShare, WebPhone } from './testing/web-phone.ts';
import { VoiceCalls } from './voice-calls.ts';

const CALLER_TONE = 1000;
const AGENT_TONE = 1500;

/** Music on hold: sound, and neither side's tone. */
const music = (window: Int16Array) =>
  loudness(window) > 300 && toneShare(window, CALLER_TONE) < 0.2 && toneShare(window, AGENT_TONE) < 0.2;

describe('voice calls through the embedded media engine', () => {
  let server: TestApp;
  let admin: Session;
  let tenantId: string;
  let csqId: string;
  let agent: { principal: Principal; session: Session };
  let calls: VoiceCalls;
  const phones: WebPhone[] = [];

  const phone = () => {
    const made = new WebPhone();
    phones.push(made);
    return made;
  };
  const contact = async (id: string) => (await call(server, admin, 'GET', `/contacts/${id}`)).body;
  const eventTypes = async (id: string) =>
    ((await call(server, admin, 'GET', `/contacts/${id}/events`)).body as { type: string }[]).map(
      (event) => event.type,
    );
  const voiceState = async (state: 'ready' | 'not_ready', reasonCode?: number) => {
    const response = await call(server, agent.session, 'PUT', `/agents/${agent.principal.userId}/state`, {
      domain: 'voice',
      state,
      ...(reasonCode ? { reasonCode } : {}),
    });
    assert.equal(response.status, 200, JSON.stringify(response.body));
  };

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'acme'));
    tenantId = (await call(server, admin, 'GET', '/tenant')).body.id;
    csqId = (await buildCsq(server, admin, { channel: 'voice', name: 'Phone support' })).id;
    const { user, session } = await signInAs(server, admin, 'agent', {});
    agent = { principal: { tenantId, userId: user.id, role: 'agent', name: user.username }, session };
    calls = server.voice;
  });
  after(async () => {
    for (const made of phones) await made.hangUp();
    await server.close();
  });

  test('a caller hears music while waiting, talks with the agent who answers, hears music on hold; the agent hangs up', async () => {
    const caller = phone();
    const started = await calls.startWebCall(tenantId, { csqId, offerSdp: await caller.offer() });
    await caller.connect(started.answerSdp);
    await caller.until(music);
    assert.equal((await contact(started.contactId)).status, 'queued');

    await voiceState('ready');
    assert.equal((await contact(started.contactId)).status, 'offered');
    const desk = phone();
    const answered = await answerFromDesk(server, agent.session, started.contactId, desk);
    assert.equal(answered.contact.status, 'active');

    caller.speak(toneSource(CALLER_TONE));
    desk.speak(toneSource(AGENT_TONE));
    await desk.hearsTone(CALLER_TONE);
    await caller.hearsTone(AGENT_TONE);

    const held = await call(server, agent.session, 'POST', `/contacts/${started.contactId}/hold`);
    assert.equal(held.status, 200, JSON.stringify(held.body));
    await caller.until(music);
    const resumed = await call(server, agent.session, 'POST', `/contacts/${started.contactId}/resume`);
    assert.equal(resumed.status, 200, JSON.stringify(resumed.body));
    await caller.hearsTone(AGENT_TONE);
    await desk.hearsTone(CALLER_TONE);

    const ended = await call(server, agent.session, 'POST', `/contacts/${started.contactId}/complete`);
    assert.equal(ended.body.status, 'wrap_up');
    assert.equal(calls.size, 0, 'both legs are gone');
    const types = await eventTypes(started.contactId);
    for (const type of [
      'contact.queued',
      'contact.offered',
      'contact.accepted',
      'contact.held',
      'contact.resumed',
    ])
      assert.ok(types.includes(type), `${type} in ${types.join(', ')}`);
    const wrapped = await call(server, agent.session, 'POST', `/contacts/${started.contactId}/wrap-up`, {
      reasons: [],
      next: { state: 'not_ready' },
    });
    assert.equal(wrapped.status, 200, JSON.stringify(wrapped.body));
  });

  test('an answer without a usable offer is refused and the call still rings; a caller who hangs up then has abandoned', async () => {
    await voiceState('ready');
    const caller = phone();
    const started = await calls.startWebCall(tenantId, { csqId, offerSdp: await caller.offer() });
    await caller.connect(started.answerSdp);
    await caller.until(music);
    const refused = await call(server, agent.session, 'POST', `/contacts/${started.contactId}/voice/answer`, {
      sdp: 'v=0 nonsense',
    });
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'validation_failed');
    const bare = await call(server, agent.session, 'POST', `/contacts/${started.contactId}/accept`);
    assert.equal(bare.status, 409, 'a call is answered with audio, never accepted bare');
    assert.match(bare.body.error.message, /voice\/answer/);
    assert.equal((await contact(started.contactId)).status, 'offered');
    await calls.callerHangUp(tenantId, started.contactId);
    const ended = await contact(started.contactId);
    assert.equal(ended.status, 'ended');
    assert.equal(ended.outcome, 'abandoned_while_offered');
    assert.equal(calls.size, 0);
  });

  test('an offer that is not SDP, or a CSQ that takes no calls, is refused and nothing is queued', async () => {
    await assert.rejects(calls.startWebCall(tenantId, { csqId, offerSdp: 'v=0 nonsense' }), {
      code: 'validation_failed',
    });
    const chatCsq = (await buildCsq(server, admin, { channel: 'chat' })).id;
    const caller = phone();
    await assert.rejects(calls.startWebCall(tenantId, { csqId: chatCsq, offerSdp: await caller.offer() }), {
      code: 'validation_failed',
    });
    assert.equal(calls.size, 0);
    const open = await call(server, admin, 'GET', '/contacts?open=true');
    assert.deepEqual(
      (open.body as { channel: string }[]).filter((c) => c.channel === 'voice'),
      [],
      'no voice contact left open',
    );
  });

  test("calls from web pages started at the same moment never pass the tenant's limit; a line freed is taken again", async () => {
    const limited = new VoiceCalls({
      db: server.database.db,
      acd: server.acd,
      media: new EmbeddedMedia(),
      keyring: TEST_MASTER_KEYS,
      now: () => server.clock.now(),
      webCallsPerTenant: 2,
    });
    const callers = [phone(), phone(), phone(), phone()];
    const offers = await Promise.all(callers.map((caller) => caller.offer()));
    const outcomes = await Promise.allSettled(
      offers.map((offerSdp) => limited.startWebCall(tenantId, { csqId, offerSdp })),
    );
    const started = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    assert.equal(started.length, 2);
    assert.equal(refused.length, 2);
    for (const error of refused) {
      assert.equal(error.code, 'limit_reached');
      assert.equal(error.details.what, 'webCallsPerTenant');
    }
    const [first, second] = started.map((call) => call.contactId);
    await limited.callerHangUp(tenantId, first as string);
    const again = await limited.startWebCall(tenantId, { csqId, offerSdp: await phone().offer() });
    for (const contactId of [second as string, again.contactId])
      await limited.callerHangUp(tenantId, contactId);
    await limited.close();
  });

  test('after a restart, a call whose legs were in the stopped process is ended; a channel adapter’s voice contact is not', async () => {
    const writer = (await buildApiKey(server, admin, 'write')).session;
    const reported = await call(server, writer, 'POST', '/contacts', { channel: 'voice', csqId });
    assert.equal(reported.status, 201, JSON.stringify(reported.body));
    const caller = phone();
    const orphan = await calls.startWebCall(tenantId, { csqId, offerSdp: await caller.offer() });
    // As a new process on the same database: its router loads what is stored, and no call of it is here.
    const restarted = new AcdRuntime(server.database.db, server.clock);
    const media = new EmbeddedMedia();
    new VoiceCalls({
      db: server.database.db,
      acd: restarted,
      media,
      keyring: TEST_MASTER_KEYS,
      now: () => server.clock.now(),
    });
    const ended = new Promise<AcdEvent>((resolve) =>
      restarted.committed.subscribe(tenantId, (events) => {
        const end = events.find((e) => e.type === 'contact.ended' && e.contactId === orphan.contactId);
        if (end) resolve(end);
      }),
    );
    await restarted.router(tenantId);
    const end = await ended;
    assert.equal(end.type === 'contact.ended' && end.endedBy, 'customer');
    const status = async (id: string) =>
      (
        await server.database.db
          .selectFrom('contacts')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status;
    assert.equal(await status(orphan.contactId), 'ended');
    assert.notEqual(await status(reported.body.id), 'ended');
    await restarted.stop();
    await media.close();
  });

  test('a customer calls from a widget’s page and hangs up with the call’s secret; widgets without calls refuse', async () => {
    const chatCsq = (await buildCsq(server, admin, { channel: 'chat' })).id;
    const widget = await buildChatWidget(server, admin, chatCsq, { calls: { csqId, buttonText: 'Ring us' } });
    const shown = await call(server, undefined, 'GET', `/public/widgets/${widget.id}`);
    assert.deepEqual(shown.body.calls, {
      enabled: true,
      buttonText: 'Ring us',
      onCallText: 'You are on the line: the next available agent will answer.',
      hangUpText: 'Hang up',
      keypadLabel: 'Keypad',
    });
    assert.equal(JSON.stringify(shown.body).includes(csqId), false, 'the page never learns the CSQ');

    await voiceState('not_ready', (await buildReasonCode(server, admin, {})).code);
    const caller = phone();
    const started = await call(server, undefined, 'POST', `/public/widgets/${widget.id}/calls`, {
      sdp: await caller.offer(),
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    await caller.connect(started.body.sdp);
    await caller.until(music);
    const queued = await contact(started.body.callId);
    assert.equal(queued.status, 'queued');
    assert.equal(queued.callType, widget.name);

    const as = (token: string) => ({ headers: { authorization: `Call ${token}` } }) as unknown as Session;
    const hangUp = (token: string) =>
      call(server, as(token), 'POST', `/public/calls/${started.body.callId}/hangup`);
    assert.equal((await hangUp('not-the-secret')).status, 404);
    const wait = await call(
      server,
      as('not-the-secret'),
      'POST',
      `/public/calls/${started.body.callId}/wait`,
    );
    assert.equal(wait.status, 404, 'nobody else waits on the call');
    assert.equal((await contact(started.body.callId)).status, 'queued', 'a wrong secret changes nothing');
    assert.equal((await hangUp(started.body.token)).status, 204);
    const ended = await contact(started.body.callId);
    assert.equal(ended.outcome, 'abandoned');
    assert.equal((await hangUp(started.body.token)).status, 404, 'the call is gone');

    const plain = await buildChatWidget(server, admin, chatCsq);
    const refused = await call(server, undefined, 'POST', `/public/widgets/${plain.id}/calls`, {
      sdp: await phone().offer(),
    });
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'calls_off');
    const wrongCsq = await call(server, admin, 'POST', '/chat-widgets', {
      name: 'Calls to chat',
      problemStatements: [{ label: 'Billing', csqId: chatCsq }],
      calls: { csqId: chatCsq },
    });
    assert.equal(wrongCsq.status, 400, JSON.stringify(wrongCsq.body));
    const quiet = (await buildCsq(server, admin, { channel: 'voice' })).id;
    const ringing = await buildChatWidget(server, admin, chatCsq, { calls: { csqId: quiet } });
    const inUse = await call(server, admin, 'DELETE', `/csqs/${quiet}`);
    assert.equal(inUse.status, 409, 'a CSQ that takes a widget’s calls is not deleted');
    assert.match(inUse.body.error.message, new RegExp(ringing.name), JSON.stringify(inUse.body));
  });

  test('the music is the same melody for every caller and never silent', () => {
    const source = holdMusic();
    let quiet = 0;
    for (let i = 0; i < 500; i++) {
      const frame = source.next();
      assert.ok(frame);
      if (frame.every((byte) => byte === 0xff || byte === 0x7f)) quiet++;
    }
    assert.ok(quiet < 5, `${quiet} silent frames in 10 s of music`);
  });
});
