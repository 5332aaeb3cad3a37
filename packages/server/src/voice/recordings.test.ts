import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AcdEvent } from '@switchboard/core';
import wavefile from 'wavefile';
import type { Principal } from '../auth/principal.ts';
import { buildApiKey, buildCsq, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { SAMPLE_RATE, toneSource } from './audio.ts';
import { answerFromDesk } from './testing/desk-answer.ts';
import { loudness, toneShare, WebPhone } from './testing/web-phone.ts';

const { WaveFile } = wavefile;
/** The format chunk of a parsed WAV file (typed as a bare object by the library). */
const formatOf = (file: InstanceType<typeof WaveFile>) =>
  file.fmt as { audioFormat: number; numChannels: number; sampleRate: number };
const CALLER_TONE = 700;
const AGENT_TONE = 1300;
/** Frames of a side's tone the other side hears between two steps: about 0.8 s of audio through the engine. */
const FRAMES_BETWEEN_STEPS = 40;
const WINDOW = 160;

describe('call recording', () => {
  let server: TestApp;
  let admin: Session;
  let tenantId: string;
  let agent: { principal: Principal; session: Session };
  const phones: WebPhone[] = [];

  const phone = () => {
    const made = new WebPhone();
    phones.push(made);
    return made;
  };
  /** Resolves once `listener` has heard `frames` more frames of the tone: audio really passed the engine. */
  const hears = (listener: WebPhone, tone: number, frames = FRAMES_BETWEEN_STEPS) => {
    let heard = 0;
    return listener.until((window) => toneShare(window, tone) > 0.6 && ++heard >= frames, 20);
  };
  const recordingEvent = (contactId: string, action: string) =>
    new Promise<AcdEvent>((resolve) =>
      server.acd.committed.subscribe(tenantId, (events) => {
        const found = events.find(
          (e) => e.type === 'contact.recording' && e.contactId === contactId && e.action === action,
        );
        if (found) resolve(found);
      }),
    );

  /** A call in a CSQ with this policy, answered by the agent, each side sending its tone. */
  async function answeredCall(recording: 'off' | 'always' | 'on_demand') {
    const csq = await buildCsq(server, admin, { channel: 'voice', recording });
    const caller = phone();
    const started = await server.voice.startWebCall(tenantId, {
      csqId: csq.id,
      offerSdp: await caller.offer(),
    });
    await caller.connect(started.answerSdp);
    const ready = await call(server, agent.session, 'PUT', `/agents/${agent.principal.userId}/state`, {
      domain: 'voice',
      state: 'ready',
    });
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    const desk = phone();
    await answerFromDesk(server, agent.session, started.contactId, desk);
    caller.speak(toneSource(CALLER_TONE));
    desk.speak(toneSource(AGENT_TONE));
    await hears(desk, CALLER_TONE, 5);
    await hears(caller, AGENT_TONE, 5);
    return { contactId: started.contactId, caller, desk };
  }

  async function endCall(contactId: string, recorded = true) {
    const stopped = recorded ? recordingEvent(contactId, 'stopped') : Promise.resolve();
    const ended = await call(server, agent.session, 'POST', `/contacts/${contactId}/complete`);
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    await stopped;
    const wrapped = await call(server, agent.session, 'POST', `/contacts/${contactId}/wrap-up`, {
      reasons: [],
      next: { state: 'not_ready' },
    });
    assert.equal(wrapped.status, 200, JSON.stringify(wrapped.body));
  }

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'acme'));
    tenantId = (await call(server, admin, 'GET', '/tenant')).body.id;
    const { user, session } = await signInAs(server, admin, 'agent', { displayName: 'Phil Jones' });
    agent = { principal: { tenantId, userId: user.id, role: 'agent', name: user.username }, session };
  });
  after(async () => {
    for (const made of phones) await made.hangUp();
    await server.close();
  });

  test('on demand: the customer on the left, the agent on the right, a span paused by an API key silent, metadata for QM', async () => {
    const { contactId, caller, desk } = await answeredCall('on_demand');
    // Two starts at the same moment (a double click): one recording.
    const startRecording = () =>
      call(server, agent.session, 'POST', `/contacts/${contactId}/recording`, { action: 'start' });
    const [start, again] = await Promise.all([startRecording(), startRecording()]);
    assert.equal(start.status, 200, JSON.stringify(start.body));
    assert.equal(start.body.state, 'recording');
    assert.equal(again.body.recordingId, start.body.recordingId);
    await Promise.all([hears(desk, CALLER_TONE), hears(caller, AGENT_TONE)]);

    const payments = (await buildApiKey(server, admin, 'write')).session;
    const paused = await call(server, payments, 'POST', `/contacts/${contactId}/recording`, {
      action: 'pause',
    });
    assert.equal(paused.status, 200, JSON.stringify(paused.body));
    assert.equal(paused.body.state, 'paused');
    await Promise.all([hears(desk, CALLER_TONE), hears(caller, AGENT_TONE)]);
    const resumed = await call(server, agent.session, 'POST', `/contacts/${contactId}/recording`, {
      action: 'resume',
    });
    assert.equal(resumed.body.state, 'recording');
    await Promise.all([hears(desk, CALLER_TONE), hears(caller, AGENT_TONE)]);
    await endCall(contactId);

    const listed = await call(server, admin, 'GET', `/contacts/${contactId}/recordings`);
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    assert.equal(listed.body.length, 1);
    const [recording] = listed.body;
    assert.equal(recording.id, start.body.recordingId);
    assert.equal(recording.recordedUser, `Phil Jones(${agent.principal.name})`);
    assert.equal(recording.recordingId, `${recording.id}~Phil Jones(${agent.principal.name})`);
    assert.equal(recording.direction, 'inbound');
    assert.equal(recording.dnis, agent.principal.name);
    assert.equal(recording.callDirection, 'Incoming');
    assert.equal(recording.extension, agent.principal.name);
    assert.equal(recording.otherPartyNumber, 'anonymous');
    assert.equal(recording.pauses.length, 1);
    const [pause] = recording.pauses;

    const audio = await server.app.inject({
      method: 'GET',
      url: `/api/v1/recordings/${recording.id}/audio`,
      headers: admin.headers,
    });
    assert.equal(audio.statusCode, 200, audio.body.slice(0, 500));
    assert.equal(audio.headers['content-type'], 'audio/wav');
    const wav = new WaveFile(audio.rawPayload);
    assert.equal(formatOf(wav).numChannels, 2);
    assert.equal(formatOf(wav).sampleRate, SAMPLE_RATE);
    assert.equal(wav.bitDepth, '16');
    const [left, right] = wav.getSamples(false, Int16Array) as unknown as [Int16Array, Int16Array];
    assert.ok(Math.abs((left.length / SAMPLE_RATE) * 1000 - recording.durationMs) <= 1);
    const margin = 100;
    let talking = 0;
    let silent = 0;
    for (let at = 0; at + WINDOW <= left.length; at += WINDOW) {
      const fromMs = (at / SAMPLE_RATE) * 1000;
      const toMs = ((at + WINDOW) / SAMPLE_RATE) * 1000;
      const near = (ms: number) => fromMs < ms + margin && toMs > ms - margin;
      if ([0, pause.fromMs, pause.toMs, recording.durationMs].some(near)) continue;
      const l = left.subarray(at, at + WINDOW);
      const r = right.subarray(at, at + WINDOW);
      if (fromMs >= pause.fromMs && toMs <= pause.toMs) {
        assert.ok(loudness(l) < 50 && loudness(r) < 50, `silent while paused at ${fromMs} ms`);
        silent++;
      } else {
        assert.ok(toneShare(l, CALLER_TONE) > 0.8, `the customer's tone on the left at ${fromMs} ms`);
        assert.ok(toneShare(r, AGENT_TONE) > 0.8, `the agent's tone on the right at ${fromMs} ms`);
        talking++;
      }
    }
    assert.ok(silent >= 10 && talking >= 40, `${silent} silent and ${talking} talking windows checked`);

    const g711 = await server.app.inject({
      method: 'GET',
      url: `/api/v1/recordings/${recording.id}/audio?format=g711`,
      headers: admin.headers,
    });
    const stranger = (await createTestTenant(server, 'globex')).admin;
    const elsewhere = await server.app.inject({
      method: 'GET',
      url: `/api/v1/recordings/${recording.id}/audio`,
      headers: stranger.headers,
    });
    assert.equal(elsewhere.statusCode, 404, "another tenant's administrator finds no such recording");
    const listedElsewhere = await call(server, stranger, 'GET', `/contacts/${contactId}/recordings`);
    assert.equal(listedElsewhere.status, 404);
    const file = new WaveFile(g711.rawPayload);
    assert.equal(formatOf(file).audioFormat, 7, 'G.711 μ-law');
    assert.equal(formatOf(file).numChannels, 2);
  });

  test('a CSQ that records every call starts with the answer and refuses to stop; one that records none refuses to start', async () => {
    const always = await answeredCall('always');
    const stop = await call(server, agent.session, 'POST', `/contacts/${always.contactId}/recording`, {
      action: 'stop',
    });
    assert.equal(stop.status, 409, JSON.stringify(stop.body));
    assert.match(stop.body.error.message, /pause/);
    await hears(always.desk, CALLER_TONE);
    await endCall(always.contactId);
    const recorded = await call(server, admin, 'GET', `/contacts/${always.contactId}/recordings`);
    assert.equal(recorded.body.length, 1);
    assert.deepEqual(recorded.body[0].pauses, []);

    const off = await answeredCall('off');
    const start = await call(server, agent.session, 'POST', `/contacts/${off.contactId}/recording`, {
      action: 'start',
    });
    assert.equal(start.status, 409, JSON.stringify(start.body));
    await endCall(off.contactId, false);
    const none = await call(server, admin, 'GET', `/contacts/${off.contactId}/recordings`);
    assert.deepEqual(none.body, []);
  });

  test('only the agent on the call controls it; agents cannot listen; a chat CSQ cannot record', async () => {
    const other = await signInAs(server, admin, 'agent', {});
    const refused = await call(server, other.session, 'POST', `/contacts/${crypto.randomUUID()}/recording`, {
      action: 'start',
    });
    assert.equal(refused.status, 404);
    const listen = await call(server, agent.session, 'GET', `/contacts/${crypto.randomUUID()}/recordings`);
    assert.equal(listen.status, 403);
    const chat = await call(server, admin, 'POST', '/csqs', {
      name: 'Chat recorded',
      channel: 'chat',
      criterion: 'longest_available',
      skills: [],
      recording: 'always',
    });
    assert.equal(chat.status, 400, JSON.stringify(chat.body));
    assert.equal(chat.body.error.details.field, 'recording');
  });
});
