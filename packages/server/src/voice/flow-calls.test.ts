import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AcdEvent } from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import { buildCalendar, buildChatWidget, buildCsq, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';
import { toneSource } from './audio.ts';
import { answerFromDesk } from './testing/desk-answer.ts';
import { ToneSpeech } from './testing/tone-speech.ts';
import { toneShare, WebPhone } from './testing/web-phone.ts';
import type { VoiceCalls } from './voice-calls.ts';

/** Each prompt is heard as a tone of its own (ToneSpeech), far from the hold music's notes and the callers' tones. */
const PROMPTS = {
  greeting: ['Thank you for calling Acme.', 1800],
  menu: ['For billing, press 1. For anything else, press 2.', 2000],
  account: ['Please enter your account number, then press hash.', 2200],
  welcome: ['All our agents are busy. Please hold.', 2400],
  position: ['You are number 1 in line.', 2600],
  comfort: ['Thank you for waiting.', 2800],
  closed: ['We are closed.', 3000],
  survey: ['How did we do? Press 1 to 5.', 3200],
  thanks: ['Thank you, goodbye.', 3400],
} as const;
type PromptName = keyof typeof PROMPTS;
const text = (name: PromptName) => PROMPTS[name][0];
const tone = (name: PromptName) => PROMPTS[name][1];
const AGENT_TONE = 1500;

describe('calls through a call flow', () => {
  let server: TestApp;
  let admin: Session;
  let tenantId: string;
  let csqId: string;
  let open: string;
  let closed: string;
  let agent: { principal: Principal; session: Session };
  let calls: VoiceCalls;
  const speech = new ToneSpeech(Object.fromEntries(Object.values(PROMPTS)));
  const phones: WebPhone[] = [];
  const phone = () => {
    const made = new WebPhone();
    phones.push(made);
    return made;
  };
  /** Resolves once the phone hears the prompt's tone. */
  const hears = (caller: WebPhone, name: PromptName) =>
    caller.until((window) => toneShare(window, tone(name)) > 0.6, 200);
  const flow = async (definition: object) => {
    const created = await call(server, admin, 'POST', '/call-flows', {
      name: crypto.randomUUID(),
      definition,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body.id as string;
  };
  const contactEvents = (contactId: string) =>
    new Promise<AcdEvent[]>((resolve) => {
      const seen: AcdEvent[] = [];
      server.acd.committed.subscribe(tenantId, (events) => {
        seen.push(...events.filter((e) => 'contactId' in e && e.contactId === contactId));
        if (seen.some((e) => e.type === 'contact.queued')) resolve(seen);
      });
    });
  const dial = async (flowId: string) => {
    const caller = phone();
    const started = await calls.startWebCall(tenantId, { flowId, offerSdp: await caller.offer() });
    await caller.connect(started.answerSdp);
    return { caller, contactId: started.contactId };
  };
  /** Resolves once the server no longer carries the call. */
  const ended = (contactId: string) =>
    new Promise<void>((resolve) => {
      const off = calls.onCallEnded((_tenant, id) => {
        if (id !== contactId) return;
        off();
        resolve();
      });
    });
  const contactRow = (id: string) =>
    server.database.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
  const wrapUp = async (contactId: string) => {
    const wrapped = await call(server, agent.session, 'POST', `/contacts/${contactId}/wrap-up`, {
      reasons: [],
      next: { state: 'not_ready' },
    });
    assert.equal(wrapped.status, 200, JSON.stringify(wrapped.body));
  };
  const voiceReady = async () => {
    const ready = await call(server, agent.session, 'PUT', `/agents/${agent.principal.userId}/state`, {
      domain: 'voice',
      state: 'ready',
    });
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
  };

  before(async () => {
    server = await startTestApp({ speech });
    ({ admin } = await createTestTenant(server, 'flowcalls'));
    tenantId = (await call(server, admin, 'GET', '/tenant')).body.id;
    csqId = (await buildCsq(server, admin, { channel: 'voice', name: 'Phone support' })).id;
    open = (await buildCalendar(server, admin, { mode: '24x7' })).id;
    closed = (await buildCalendar(server, admin, { weekly: {} })).id;
    const { user, session } = await signInAs(server, admin, 'agent', {});
    agent = { principal: { tenantId, userId: user.id, role: 'agent', name: user.username }, session };
    calls = server.voice;
  });
  after(async () => {
    for (const made of phones) await made.hangUp();
    await server.close();
  });

  const mainLine = (calendarId: string, queue: object = {}) => ({
    format: 1,
    start: 'greeting',
    steps: {
      greeting: { type: 'play', prompts: [{ text: text('greeting') }], next: 'hours' },
      hours: { type: 'hours', calendarId, open: 'menu', closed: 'closed' },
      menu: {
        type: 'menu',
        prompt: { text: text('menu') },
        options: { '1': 'account', '2': 'support' },
        otherwise: 'support',
      },
      account: {
        type: 'collect',
        prompt: { text: text('account') },
        variable: 'Account',
        maxDigits: 8,
        next: 'billing',
        otherwise: 'support',
      },
      billing: { type: 'set', variable: 'Topic', value: 'Billing', next: 'support' },
      support: {
        type: 'queue',
        csqId,
        welcome: { text: text('welcome') },
        announcePosition: true,
        ...queue,
      },
      closed: { type: 'hangup', prompt: { text: text('closed') } },
    },
  });

  test('the caller hears the greeting and the menu, keys in an account number, and waits with it for the agent', async () => {
    const flowId = await flow(mainLine(open));
    const { caller, contactId } = await dial(flowId);
    await hears(caller, 'greeting');
    await hears(caller, 'menu');
    assert.equal(await contactRow(contactId), undefined, 'no contact while the caller is in the flow');
    caller.press('1');
    await hears(caller, 'account');
    const events = contactEvents(contactId);
    caller.press('4711#');
    await hears(caller, 'welcome');
    await hears(caller, 'position');
    const row = await contactRow(contactId);
    assert.equal(row?.status, 'queued');
    assert.deepEqual(row?.attributes, { Account: '4711', Topic: 'Billing' });
    const history = await events;
    assert.deepEqual(
      history.map((e) => e.type),
      ['contact.created', 'contact.flow', 'contact.queued'],
    );
    const taken = history.find((e) => e.type === 'contact.flow');
    assert.ok(taken?.type === 'contact.flow');
    assert.deepEqual(
      taken.steps.map((s) => `${s.step}:${s.result}`),
      ['greeting:played', 'hours:open', 'menu:key', 'account:collected', 'billing:set', 'support:queued'],
    );
    assert.ok(!JSON.stringify(taken).includes('4711'), 'the digits are not kept in the history');

    await voiceReady();
    const desk = phone();
    await answerFromDesk(server, agent.session, contactId, desk);
    desk.speak(toneSource(AGENT_TONE));
    await caller.until((window) => toneShare(window, AGENT_TONE) > 0.6);
    await call(server, agent.session, 'POST', `/contacts/${contactId}/complete`);
    await wrapUp(contactId);
  });

  test('out of hours the caller hears the closed message and the call ends, leaving no contact', async () => {
    const flowId = await flow(mainLine(closed));
    const { caller, contactId } = await dial(flowId);
    const over = ended(contactId);
    await hears(caller, 'closed');
    await over;
    assert.equal(await contactRow(contactId), undefined);
    assert.equal(calls.carries(tenantId, contactId), false);
  });

  test('a caller who hangs up in the menu leaves nothing behind', async () => {
    const flowId = await flow(mainLine(open));
    const { caller, contactId } = await dial(flowId);
    await hears(caller, 'menu');
    await calls.callerHangUp(tenantId, contactId);
    assert.equal(calls.carries(tenantId, contactId), false);
    assert.equal(await contactRow(contactId), undefined);
    await caller.hangUp();
  });

  test('when the agent hangs up first the caller answers the survey, kept in the contact’s history after it ended', async () => {
    const flowId = await flow({
      format: 1,
      start: 'support',
      steps: {
        support: { type: 'queue', csqId, welcome: { text: text('welcome') }, afterCall: 'survey' },
        survey: {
          type: 'collect',
          prompt: { text: text('survey') },
          variable: 'Rating',
          maxDigits: 1,
          next: 'bye',
          otherwise: 'bye',
        },
        bye: { type: 'hangup', prompt: { text: text('thanks') } },
      },
    });
    const { caller, contactId } = await dial(flowId);
    await hears(caller, 'welcome');
    await voiceReady();
    const desk = phone();
    await answerFromDesk(server, agent.session, contactId, desk);
    const surveyed = new Promise<AcdEvent>((resolve) =>
      server.acd.committed.subscribe(tenantId, (events) => {
        const flowEvent = events.find((e) => e.type === 'contact.flow' && e.contactId === contactId);
        if (flowEvent) resolve(flowEvent);
      }),
    );
    await call(server, agent.session, 'POST', `/contacts/${contactId}/complete`);
    await hears(caller, 'survey');
    // The agent's wrap-up ends the contact in the router while the caller still answers.
    await wrapUp(contactId);
    assert.equal((await contactRow(contactId))?.status, 'ended');
    caller.press('5');
    await hears(caller, 'thanks');
    const steps = await surveyed;
    assert.ok(steps.type === 'contact.flow');
    assert.deepEqual(
      steps.steps.map((s) => `${s.step}:${s.result}`),
      ['survey:collected', 'bye:hangup'],
    );
  });

  test('a widget’s calls go through its flow, and the page hangs up in it; the flow stays while a widget uses it', async () => {
    const flowId = await flow(mainLine(open));
    const chatCsq = (await buildCsq(server, admin, { channel: 'chat' })).id;
    const both = await call(server, admin, 'POST', '/chat-widgets', {
      name: 'Both',
      problemStatements: [{ label: 'Billing', csqId: chatCsq }],
      calls: { csqId, flowId },
    });
    assert.equal(both.status, 400, JSON.stringify(both.body));
    assert.match(both.body.error.message, /not both/);
    const widget = await buildChatWidget(server, admin, chatCsq, { calls: { flowId } });
    const shown = await call(server, undefined, 'GET', `/public/widgets/${widget.id}`);
    assert.equal(shown.body.calls.enabled, true);
    assert.equal(JSON.stringify(shown.body).includes(flowId), false, 'the page never learns the flow');

    const caller = phone();
    const started = await call(server, undefined, 'POST', `/public/widgets/${widget.id}/calls`, {
      sdp: await caller.offer(),
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    await caller.connect(started.body.sdp);
    await hears(caller, 'menu');
    const as = { headers: { authorization: `Call ${started.body.token}` } } as unknown as Session;
    const over = ended(started.body.callId);
    assert.equal((await call(server, as, 'POST', `/public/calls/${started.body.callId}/hangup`)).status, 204);
    await over;
    assert.equal(await contactRow(started.body.callId), undefined);

    const inUse = await call(server, admin, 'DELETE', `/call-flows/${flowId}`);
    assert.equal(inUse.status, 409);
    assert.match(inUse.body.error.message, /chat widget\(s\) ".+" send calls through it/);
  });

  test('while waiting the caller hears the comfort message with their place in line, between music', async () => {
    const flowId = await flow(
      mainLine(open, {
        welcome: undefined,
        comfort: { prompt: { text: text('comfort') }, everySeconds: 10 },
      }),
    );
    const { caller, contactId } = await dial(flowId);
    await hears(caller, 'menu');
    caller.press('2');
    await hears(caller, 'position');
    await hears(caller, 'comfort');
    await hears(caller, 'position');
    await calls.callerHangUp(tenantId, contactId);
    assert.equal((await contactRow(contactId))?.outcome, 'abandoned');
  });
});
