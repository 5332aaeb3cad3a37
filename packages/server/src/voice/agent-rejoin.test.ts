import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Principal } from '../auth/principal.ts';
import { buildCsq, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { toneSource } from './audio.ts';
import { answerFromDesk } from './testing/desk-answer.ts';
import { loudness, toneShare, WebPhone } from './testing/web-phone.ts';

const CALLER_TONE = 1000;
const AGENT_TONE = 1500;
/** Short, so the test sees a call its agent never rejoins end; the product waits 30 s. */
const REJOIN_MS = 1500;

const music = (window: Int16Array) =>
  loudness(window) > 300 && toneShare(window, CALLER_TONE) < 0.2 && toneShare(window, AGENT_TONE) < 0.2;

describe('an agent whose connection drops mid-call', () => {
  let server: TestApp;
  let admin: Session;
  let tenantId: string;
  let csqId: string;
  let agent: { principal: Principal; session: Session };
  const phones: WebPhone[] = [];
  const phone = () => {
    const made = new WebPhone();
    phones.push(made);
    return made;
  };
  const contact = async (id: string) => (await call(server, admin, 'GET', `/contacts/${id}`)).body;
  const talking = async () => {
    const ready = await call(server, agent.session, 'PUT', `/agents/${agent.principal.userId}/state`, {
      domain: 'voice',
      state: 'ready',
    });
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    const caller = phone();
    const started = await server.voice.startWebCall(tenantId, { csqId, offerSdp: await caller.offer() });
    await caller.connect(started.answerSdp);
    const desk = phone();
    await answerFromDesk(server, agent.session, started.contactId, desk);
    caller.speak(toneSource(CALLER_TONE));
    desk.speak(toneSource(AGENT_TONE));
    await desk.hearsTone(CALLER_TONE);
    return { caller, desk, contactId: started.contactId };
  };
  const rejoin = async (contactId: string, from: WebPhone) => {
    const rejoined = await call(server, agent.session, 'POST', `/contacts/${contactId}/voice/rejoin`, {
      sdp: await from.offer(),
    });
    assert.equal(rejoined.status, 200, JSON.stringify(rejoined.body));
    await from.connect(rejoined.body.sdp);
  };
  /** A rejoin refused before any offer is read (a test phone's offer that never connects would linger). */
  const refusedRejoin = async (contactId: string, as: Session) =>
    (await call(server, as, 'POST', `/contacts/${contactId}/voice/rejoin`, { sdp: 'v=0' })).status;
  const wrapUp = async (contactId: string) => {
    const wrapped = await call(server, agent.session, 'POST', `/contacts/${contactId}/wrap-up`, {
      reasons: [],
      next: { state: 'not_ready' },
    });
    assert.equal(wrapped.status, 200, JSON.stringify(wrapped.body));
  };

  before(async () => {
    server = await startTestApp({ agentRejoinMs: REJOIN_MS });
    ({ admin } = await createTestTenant(server, 'rejoin'));
    tenantId = (await call(server, admin, 'GET', '/tenant')).body.id;
    csqId = (await buildCsq(server, admin, { channel: 'voice', name: 'Phone support' })).id;
    const { user, session } = await signInAs(server, admin, 'agent', {});
    agent = { principal: { tenantId, userId: user.id, role: 'agent', name: user.username }, session };
  });
  after(async () => {
    for (const made of phones) await made.hangUp();
    await server.close();
  });

  test('the caller hears music, and the agent rejoins from a new connection: they hear each other again', async () => {
    const { caller, desk, contactId } = await talking();
    // The server learns of the drop from ICE consent, about 30 s later (a closed werift peer sends no alert).
    await desk.hangUp();
    await caller.until(music);
    assert.equal((await contact(contactId)).status, 'active', 'the call is still the agent’s');

    const other = await signInAs(server, admin, 'agent', {});
    assert.equal(await refusedRejoin(contactId, other.session), 404, 'only the agent on the call rejoins');

    const again = phone();
    await rejoin(contactId, again);
    again.speak(toneSource(AGENT_TONE));
    await again.hearsTone(CALLER_TONE);
    await caller.hearsTone(AGENT_TONE);

    // Rejoining from yet another tab moves the call there; the tab it leaves is closed.
    const moved = phone();
    await rejoin(contactId, moved);
    await moved.hearsTone(CALLER_TONE);
    assert.equal((await contact(contactId)).status, 'active');
    assert.equal((await call(server, agent.session, 'POST', `/contacts/${contactId}/complete`)).status, 200);
    await wrapUp(contactId);
  });

  test('an agent who does not rejoin in time has hung up: the call goes to wrap-up', async () => {
    const { caller, desk, contactId } = await talking();
    const wrapping = new Promise<void>((resolve) =>
      server.acd.committed.subscribe(tenantId, (events) => {
        if (events.some((e) => e.type === 'contact.wrap_up_started' && e.contactId === contactId)) resolve();
      }),
    );
    await desk.hangUp();
    await caller.until(music);
    await wrapping;
    assert.equal((await contact(contactId)).status, 'wrap_up');
    assert.equal(server.voice.carries(tenantId, contactId), false);
    assert.equal(await refusedRejoin(contactId, agent.session), 404);
    await wrapUp(contactId);
  });
});
