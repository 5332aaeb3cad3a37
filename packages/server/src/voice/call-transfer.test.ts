import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Principal } from '../auth/principal.ts';
import { buildCsq, buildSkill, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { toneSource } from './audio.ts';
import { answerFromDesk } from './testing/desk-answer.ts';
import { loudness, toneShare, WebPhone } from './testing/web-phone.ts';

const CALLER_TONE = 1000;
const FIRST_AGENT_TONE = 1500;
const SECOND_AGENT_TONE = 2200;
const TONES = [CALLER_TONE, FIRST_AGENT_TONE, SECOND_AGENT_TONE];

/** Music on hold: sound, and nobody's tone. */
const music = (window: Int16Array) =>
  loudness(window) > 300 && TONES.every((tone) => toneShare(window, tone) < 0.2);

type Agent = { principal: Principal; session: Session };

describe('transferring a call', () => {
  let server: TestApp;
  let admin: Session;
  let tenantId: string;
  let csqId: string;
  let otherCsqId: string;
  let first: Agent;
  let second: Agent;
  const phones: WebPhone[] = [];

  const phone = () => {
    const made = new WebPhone();
    phones.push(made);
    return made;
  };
  const contact = async (id: string) => (await call(server, admin, 'GET', `/contacts/${id}`)).body;
  const voiceReady = async (agent: Agent) => {
    const response = await call(server, agent.session, 'PUT', `/agents/${agent.principal.userId}/state`, {
      domain: 'voice',
      state: 'ready',
    });
    assert.equal(response.status, 200, JSON.stringify(response.body));
  };
  const agent = async (name: string, skills: object[] = []): Promise<Agent> => {
    const { user, session } = await signInAs(server, admin, 'agent', { displayName: name, skills });
    return { principal: { tenantId, userId: user.id, role: 'agent', name: user.username }, session };
  };

  const untilEndedAnswer = (contactId: string, token: string) =>
    call(
      server,
      { headers: { authorization: `Call ${token}` } } as unknown as Session,
      'POST',
      `/public/calls/${contactId}/wait`,
    );
  const untilEnded = async (contactId: string, token: string) => {
    const answer = await untilEndedAnswer(contactId, token);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body.ended as boolean;
  };

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'acme'));
    tenantId = (await call(server, admin, 'GET', '/tenant')).body.id;
    csqId = (await buildCsq(server, admin, { channel: 'voice', recording: 'always' })).id;
    // Only the second agent has the second line's skill: a call sent there waits for them.
    const secondLine = await buildSkill(server, admin);
    otherCsqId = (
      await buildCsq(server, admin, {
        channel: 'voice',
        name: 'Second line',
        skills: [{ skillId: secondLine.id, minCompetence: 1 }],
      })
    ).id;
    first = await agent('Ann First');
    second = await agent('Bob Second', [{ skillId: secondLine.id, competence: 5 }]);
  });
  after(async () => {
    for (const made of phones) await made.hangUp();
    await server.close();
  });

  test('to an agent: the caller hears music, then the agent who answers; each agent’s part is recorded', async () => {
    const caller = phone();
    const started = await server.voice.startWebCall(tenantId, { csqId, offerSdp: await caller.offer() });
    await caller.connect(started.answerSdp);
    const { contactId } = started;
    // The caller's page waits for the call's end: a transfer is not one, the last agent's hang-up is.
    let ended: boolean | undefined;
    const waiting = untilEnded(contactId, started.token).then((answer) => {
      ended = answer;
    });
    await voiceReady(first);
    const firstDesk = phone();
    await answerFromDesk(server, first.session, contactId, firstDesk);
    caller.speak(toneSource(CALLER_TONE));
    firstDesk.speak(toneSource(FIRST_AGENT_TONE));
    await caller.hearsTone(FIRST_AGENT_TONE);
    caller.quiet();

    await voiceReady(second);
    const moved = await call(server, first.session, 'POST', `/contacts/${contactId}/transfer`, {
      agentId: second.principal.userId,
      note: 'Wants a refund of the March bill',
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    await caller.until(music);
    assert.equal((await contact(contactId)).status, 'offered');
    assert.equal(server.voice.carries(tenantId, contactId), true, 'the call stays up while it rings');

    const secondDesk = phone();
    await answerFromDesk(server, second.session, contactId, secondDesk);
    caller.speak(toneSource(CALLER_TONE));
    secondDesk.speak(toneSource(SECOND_AGENT_TONE));
    await secondDesk.hearsTone(CALLER_TONE);
    await caller.hearsTone(SECOND_AGENT_TONE);
    await caller.until((window) => toneShare(window, FIRST_AGENT_TONE) < 0.05 && loudness(window) > 300);

    assert.equal(ended, undefined, 'the call is still on after the transfer');
    const completed = await call(server, second.session, 'POST', `/contacts/${contactId}/complete`);
    assert.equal(completed.body.status, 'wrap_up', JSON.stringify(completed.body));
    await waiting;
    assert.equal(ended, true, "the caller's page learns the call ended");
    assert.equal((await untilEndedAnswer(contactId, started.token)).status, 404, 'the call is gone');
    assert.equal(server.voice.carries(tenantId, contactId), false);
    const recordings = (await call(server, admin, 'GET', `/contacts/${contactId}/recordings`)).body as {
      recordedUser: string;
    }[];
    assert.deepEqual(
      recordings.map((r) => r.recordedUser),
      [`Ann First(${first.principal.name})`, `Bob Second(${second.principal.name})`],
    );
    await wrapUp(second, contactId);
  });

  test('to a CSQ: the call waits there with music and the next agent answers it', async () => {
    const caller = phone();
    const started = await server.voice.startWebCall(tenantId, { csqId, offerSdp: await caller.offer() });
    await caller.connect(started.answerSdp);
    const { contactId } = started;
    await voiceReady(first);
    const firstDesk = phone();
    await answerFromDesk(server, first.session, contactId, firstDesk);

    const moved = await call(server, first.session, 'POST', `/contacts/${contactId}/transfer`, {
      csqId: otherCsqId,
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    await caller.until(music);
    const waiting = await contact(contactId);
    assert.deepEqual([waiting.status, waiting.csqId], ['queued', otherCsqId]);

    await voiceReady(second);

    const offered = await contact(contactId);
    assert.deepEqual([offered.status, offered.agentId], ['offered', second.principal.userId]);
    const secondDesk = phone();
    await answerFromDesk(server, second.session, contactId, secondDesk);
    caller.speak(toneSource(CALLER_TONE));
    secondDesk.speak(toneSource(SECOND_AGENT_TONE));
    await secondDesk.hearsTone(CALLER_TONE);
    await caller.hearsTone(SECOND_AGENT_TONE);

    await server.voice.callerHangUp(tenantId, contactId);
    assert.equal((await contact(contactId)).status, 'wrap_up');
    const types = (
      (await call(server, admin, 'GET', `/contacts/${contactId}/events`)).body as { type: string }[]
    )
      .map((event) => event.type)
      .filter((type) => ['contact.accepted', 'contact.transferred', 'contact.queued'].includes(type));
    assert.deepEqual(types, [
      'contact.queued',
      'contact.accepted',
      'contact.transferred',
      'contact.queued',
      'contact.accepted',
    ]);
    await wrapUp(second, contactId);
  });

  /** The agent who ended the call wraps it up and takes no more calls for now. */
  async function wrapUp(agent: Agent, contactId: string) {
    const wrapped = await call(server, agent.session, 'POST', `/contacts/${contactId}/wrap-up`, {
      reasons: [],
      next: { state: 'not_ready' },
    });
    assert.equal(wrapped.status, 200, JSON.stringify(wrapped.body));
  }
});
