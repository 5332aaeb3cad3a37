import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildCsq, signInAs } from '../../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../../testing/test-app.ts';
import { toneSource } from '../audio.ts';
import { freeUdpPort } from '../testing/free-port.ts';
import { SipPhone } from '../testing/sip-phone.ts';
import { WebPhone } from '../testing/web-phone.ts';
import { SipIngress } from './sip-ingress.ts';
import { ingressDeps } from './testing/ingress-deps.ts';

const CUSTOMER_TONE = 1000;
const AGENT_TONE = 1500;
const RINGBACK_TONE = 425;
const EARLY_TONE = 650;
const CALLER_ID = '+15550000001';
const TRUNK_CREDENTIALS = { username: 'center-7', password: 'pa:ss,wörd' };

type Agent = { userId: string; session: Session };

describe('outbound calls through a SIP trunk', () => {
  let server: TestApp;
  let tenantId: string;
  let admin: Session;
  let csqId: string;
  let carrier: SipPhone;
  let ingress: SipIngress;
  const ingressAt = { address: '127.0.0.1', port: 0 };
  const closers: (() => unknown)[] = [];
  const desk = () => {
    const phone = new WebPhone();
    closers.push(() => phone.hangUp());
    return phone;
  };
  const agent = async (): Promise<Agent> => {
    const { user, session } = await signInAs(server, admin, 'agent', {});
    const ready = await call(server, session, 'PUT', `/agents/${user.id}/state`, {
      domain: 'voice',
      state: 'ready',
    });
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    return { userId: user.id, session };
  };
  const place = async (who: Agent, number: string, phone: WebPhone) =>
    call(server, who.session, 'POST', '/calls', { csqId, number, sdp: await phone.offer() });
  const contactRow = (id: string) =>
    server.database.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const eventsOf = async (id: string) =>
    (
      await server.database.db
        .selectFrom('contact_events')
        .select(['type', 'data'])
        .where('contact_id', '=', id)
        .orderBy('id')
        .execute()
    ).map((row) => ({ type: row.type, ...(typeof row.data === 'string' ? JSON.parse(row.data) : row.data) }));
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
  const wrapUp = async (who: Agent, contactId: string) => {
    await until(async () => (await contactRow(contactId)).status === 'wrap_up');
    const done = await call(server, who.session, 'POST', `/contacts/${contactId}/wrap-up`, { reasons: [] });
    assert.equal(done.status, 200, JSON.stringify(done.body));
  };
  const dialPlan = async (outbound: object) => {
    const changed = await call(server, admin, 'PATCH', '/tenant/settings', { voice: { outbound } });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
  };

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'outbound'));
    tenantId = (await call(server, admin, 'GET', '/tenant')).body.id;
    csqId = (await buildCsq(server, admin, { channel: 'voice', name: 'Sales line', recording: 'always' })).id;
    const number = await call(server, admin, 'POST', '/phone-numbers', {
      number: CALLER_ID,
      name: 'Sales',
      csqId,
    });
    assert.equal(number.status, 201, JSON.stringify(number.body));
    carrier = await SipPhone.open();
    closers.push(() => carrier.close());
    ingressAt.port = await freeUdpPort();
    ingress = await SipIngress.start(ingressDeps(server), {
      ...ingressAt,
      trunks: [{ name: 'carrier', ...carrier.sipAt, credentials: TRUNK_CREDENTIALS }],
    });
  });
  after(async () => {
    for (const close of closers) await close();
    ingress.close();
    await server.close();
  });

  test('a CSQ without a caller ID places no call; only a number of the center may be one', async () => {
    const ann = await agent();
    const refused = await place(ann, '02079460000', desk());
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.match(refused.body.error.message, /no caller ID/);
    const foreign = await call(server, admin, 'PATCH', `/csqs/${csqId}`, { callerId: '+15559999999' });
    assert.equal(foreign.status, 400, JSON.stringify(foreign.body));
    const chosen = await call(server, admin, 'PATCH', `/csqs/${csqId}`, { callerId: CALLER_ID });
    assert.equal(chosen.status, 200, JSON.stringify(chosen.body));
    assert.equal(chosen.body.callerId, CALLER_ID);
  });

  test('the trunk gets the number with the CSQ’s caller ID; the agent hears it ring, then the customer; the customer’s hang-up is the end', async () => {
    const ann = await agent();
    const phone = desk();
    const placed = await place(ann, '020 7946-0000', phone);
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    assert.deepEqual(
      { number: placed.body.number, callerId: placed.body.callerId, emergency: placed.body.emergency },
      { number: '02079460000', callerId: CALLER_ID, emergency: false },
    );
    await phone.connect(placed.body.sdp);
    const { contactId } = placed.body;

    const invite = await carrier.ringing();
    assert.match(invite.uri ?? '', /^sip:02079460000@127\.0\.0\.2:\d+$/);
    assert.match(
      String(invite.headers['p-asserted-identity']),
      new RegExp(`<sip:\\${CALLER_ID}@127\\.0\\.0\\.1:\\d+>`),
    );
    assert.match(invite.headers.from.uri, new RegExp(`^sip:\\${CALLER_ID}@`));
    await phone.hearsTone(RINGBACK_TONE);
    const row = await contactRow(contactId);
    assert.deepEqual(
      { direction: row.direction, status: row.status, agent: row.agent_id, attributes: row.attributes },
      {
        direction: 'outbound',
        status: 'active',
        agent: ann.userId,
        attributes: { ANI: CALLER_ID, DNIS: '02079460000' },
      },
    );
    const router = await server.acd.router(tenantId);
    assert.equal(router.engine.agent(ann.userId)?.state.voice, 'active', 'Talking on the call they placed');

    carrier.pickUp(invite);
    carrier.speak(toneSource(CUSTOMER_TONE));
    phone.speak(toneSource(AGENT_TONE));
    await Promise.all([phone.hearsTone(CUSTOMER_TONE), carrier.hearsTone(AGENT_TONE)]);
    // The far end's menu: the agent's keys reach it as telephone events, in order.
    const keys = (body: object, who = ann) =>
      call(server, who.session, 'POST', `/contacts/${contactId}/voice/keys`, body);
    assert.equal((await keys({ keys: '12#' })).status, 204);
    await carrier.hearsKeys('12#');
    assert.equal((await keys({ keys: '1a' })).status, 400);
    assert.equal((await keys({ keys: '1' }, await agent())).status, 404, 'another agent’s call');

    await carrier.hangUp();
    await wrapUp(ann, contactId);
    const events = await eventsOf(contactId);
    assert.deepEqual(
      events.map((event) => event.type),
      [
        'contact.dialled',
        'contact.dial_result',
        'contact.recording',
        'contact.wrap_up_started',
        'contact.recording',
        'contact.wrap_up_ended',
        'contact.ended',
      ],
    );
    assert.equal(events[1]?.result, 'answered');
    assert.equal(events[3]?.endedBy, 'customer');
    const [recording] = (await call(server, admin, 'GET', `/contacts/${contactId}/recordings`)).body;
    assert.deepEqual(
      { direction: recording.direction, dnis: recording.dnis, callDirection: recording.callDirection },
      { direction: 'outbound', dnis: '02079460000', callDirection: 'Outgoing' },
    );
  });

  test('a carrier that asks for credentials gets the INVITE again with the trunk’s digest response; asking again is a refusal', async () => {
    const ida = await agent();
    const phone = desk();
    const placed = await place(ida, '02079460042', phone);
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    await phone.connect(placed.body.sdp);
    const first = await carrier.ringing();
    assert.equal(first.headers['proxy-authorization'], undefined, 'credentials only when asked');
    const challenge = carrier.challenge(first, 'carrier.example');
    const signed = await carrier.ringing();
    assert.equal(signed.headers['call-id'], first.headers['call-id']);
    assert.equal(signed.headers.cseq.seq, first.headers.cseq.seq + 1);
    // A check keeps what it computed (and counts the requests) in the context it is given: the wrong password
    // is tried on a copy.
    assert.ok(
      !carrier.answers(structuredClone(challenge), signed, { ...TRUNK_CREDENTIALS, password: 'wrong' }),
    );
    assert.ok(
      carrier.answers(challenge, signed, TRUNK_CREDENTIALS),
      'the digest response of the trunk’s password',
    );
    carrier.pickUp(signed);
    carrier.speak(toneSource(CUSTOMER_TONE));
    phone.speak(toneSource(AGENT_TONE));
    await Promise.all([phone.hearsTone(CUSTOMER_TONE), carrier.hearsTone(AGENT_TONE)]);
    const ofCall = (method: string) =>
      carrier.inDialog.find(
        (request) => request.method === method && request.headers['call-id'] === signed.headers['call-id'],
      );
    assert.deepEqual(
      ofCall('ACK')?.headers['proxy-authorization'],
      signed.headers['proxy-authorization'],
      'the ACK carries the INVITE’s credentials',
    );
    // The agent hangs up: the BYE is signed too, as the next request under the same challenge.
    const hungUp = carrier.hungUp();
    const done = await call(server, ida.session, 'POST', `/contacts/${placed.body.contactId}/complete`);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    await hungUp;
    const bye = ofCall('BYE');
    assert.ok(bye && carrier.answers(challenge, bye, TRUNK_CREDENTIALS), 'the BYE is signed');
    await wrapUp(ida, placed.body.contactId);
    assert.equal((await eventsOf(placed.body.contactId))[1]?.result, 'answered');

    // Credentials the carrier does not take: its second challenge ends the call.
    const again = desk();
    const refused = await place(ida, '02079460043', again);
    assert.equal(refused.status, 201, JSON.stringify(refused.body));
    await again.connect(refused.body.sdp);
    carrier.challenge(await carrier.ringing(), 'carrier.example');
    carrier.challenge(await carrier.ringing(), 'carrier.example');
    await wrapUp(ida, refused.body.contactId);
    const result = (await eventsOf(refused.body.contactId)).find(
      (event) => event.type === 'contact.dial_result',
    );
    assert.deepEqual(
      { result: result?.result, sipStatus: result?.sipStatus },
      { result: 'failed', sipStatus: 407 },
    );
    // A challenge in an algorithm the trunk cannot answer in (SHA-256 alone) is a refusal too, not a wrong answer.
    const sha = desk();
    const unanswerable = await place(ida, '02079460044', sha);
    await sha.connect(unanswerable.body.sdp);
    carrier.challenge(await carrier.ringing(), 'carrier.example', 'SHA-256');
    await wrapUp(ida, unanswerable.body.contactId);
    const shaResult = (await eventsOf(unanswerable.body.contactId)).find(
      (event) => event.type === 'contact.dial_result',
    );
    assert.equal(shaResult?.sipStatus, 407);
  });

  test('the carrier’s early audio (183 with SDP) is what the agent hears before the answer, and the call goes on after it', async () => {
    const gil = await agent();
    const phone = desk();
    const placed = await place(gil, '02079460009', phone);
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    await phone.connect(placed.body.sdp);
    const invite = await carrier.ringing();
    await phone.hearsTone(RINGBACK_TONE);
    carrier.speak(toneSource(EARLY_TONE));
    carrier.earlyMedia(invite);
    await phone.hearsTone(EARLY_TONE);
    carrier.pickUp(invite);
    carrier.speak(toneSource(CUSTOMER_TONE));
    phone.speak(toneSource(AGENT_TONE));
    await Promise.all([phone.hearsTone(CUSTOMER_TONE), carrier.hearsTone(AGENT_TONE)]);
    const results = (await eventsOf(placed.body.contactId)).filter(
      (event) => event.type === 'contact.dial_result',
    );
    assert.deepEqual(
      results.map((event) => event.result),
      ['answered'],
      'early audio is no answer',
    );
    await carrier.hangUp();
    await wrapUp(gil, placed.body.contactId);
  });

  test('busy at the far end: the call ends, the reason is an event, and the agent wraps up', async () => {
    const bob = await agent();
    const placed = await place(bob, '02079460001', desk());
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    carrier.decline(await carrier.ringing());
    await wrapUp(bob, placed.body.contactId);
    const result = (await eventsOf(placed.body.contactId)).find(
      (event) => event.type === 'contact.dial_result',
    );
    assert.deepEqual(
      { result: result?.result, sipStatus: result?.sipStatus },
      { result: 'busy', sipStatus: 486 },
    );
  });

  test('the dial plan: international off by default, numbers outside the patterns refused; nothing rings', async () => {
    const cy = await agent();
    for (const [number, reason] of [
      ['+442079460000', 'international'],
      ['0044 20 7946 0000', 'international'],
      ['sip:anyone@example.com', 'malformed'],
    ] as const) {
      const refused = await place(cy, number, desk());
      assert.equal(refused.status, 400, `${number}: ${JSON.stringify(refused.body)}`);
      assert.equal(refused.body.error.details.reason, reason, number);
    }
    await dialPlan({ patterns: ['9X!'] });
    const outside = await place(cy, '02079460000', desk());
    assert.equal(outside.status, 400, JSON.stringify(outside.body));
    assert.equal(outside.body.error.details.reason, 'not_in_plan');
    await dialPlan({ patterns: ['X!', '+X!'] });
  });

  test('at the center’s limit of calls in progress another is refused, but an emergency number always goes', async () => {
    await dialPlan({ maxConcurrentCalls: 1 });
    const [dee, eve, fay] = [await agent(), await agent(), await agent()];
    const first = await place(dee, '02079460002', desk());
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const firstInvite = await carrier.ringing();
    const second = await place(eve, '02079460003', desk());
    assert.equal(second.status, 409, JSON.stringify(second.body));
    assert.equal(second.body.error.code, 'limit_reached');
    const emergency = await place(fay, '112', desk());
    assert.equal(emergency.status, 201, JSON.stringify(emergency.body));
    assert.equal(emergency.body.emergency, true);
    const emergencyInvite = await carrier.ringing();
    assert.match(emergencyInvite.uri ?? '', /^sip:112@/);
    // Their hang-up while it rings cancels the call at the trunk.
    for (const [who, placed] of [
      [dee, first],
      [fay, emergency],
    ] as const) {
      const cancelled = carrier.cancelled();
      const hungUp = await call(server, who.session, 'POST', `/contacts/${placed.body.contactId}/complete`);
      assert.equal(hungUp.status, 200, JSON.stringify(hungUp.body));
      await cancelled;
      await wrapUp(who, placed.body.contactId);
    }
    assert.match(firstInvite.uri ?? '', /^sip:02079460002@/, 'the refused numbers rang nothing');
    await dialPlan({ maxConcurrentCalls: 10 });
  });

  test('with trunks set, calls to the numbers come from their addresses only', async () => {
    const fromTrunk = await carrier.call(ingressAt, CALLER_ID);
    assert.equal(fromTrunk.status, 200);
    await carrier.hangUp();
    const elsewhereAt = { address: '127.0.0.1', port: await freeUdpPort() };
    const elsewhere = await SipIngress.start(ingressDeps(server), {
      ...elsewhereAt,
      trunks: [{ name: 'pbx', address: '127.0.0.9', port: 5060 }],
    });
    closers.push(() => elsewhere.close());
    const refused = await carrier.call(elsewhereAt, CALLER_ID);
    assert.equal(refused.status, 403);
  });
});
