import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sip, { type SipMessage } from 'sip';
import type { Principal } from '../../auth/principal.ts';
import { buildCsq, signInAs } from '../../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../../testing/test-app.ts';
import { toneSource } from '../audio.ts';
import { answerFromDesk } from '../testing/desk-answer.ts';
import { freeUdpPort } from '../testing/free-port.ts';
import { loudness } from '../testing/phone-audio.ts';
import { SipPhone } from '../testing/sip-phone.ts';
import { ToneSpeech } from '../testing/tone-speech.ts';
import { WebPhone } from '../testing/web-phone.ts';
import { SipIngress } from './sip-ingress.ts';
import { ingressDeps } from './testing/ingress-deps.ts';

const run = promisify(execFile);
// `sipp -v` prints its version and exits 99.
const sippMissing = await run('sipp', ['-v']).then(
  () => false,
  (error: NodeJS.ErrnoException) =>
    error.code === 'ENOENT' ? 'sipp (Debian sip-tester) is not installed' : false,
);
if (sippMissing && process.env.SWITCHBOARD_CI === '1') throw new Error(`SWITCHBOARD_CI=1 but ${sippMissing}`);

const GREETING = ['Thank you for calling.', 2000] as const;
const WELCOME = ['Please hold for the next agent.', 2400] as const;
const CALLER_TONE = 1000;
const AGENT_TONE = 1500;

describe('calls from SIP trunks and phones', () => {
  let server: TestApp;
  let admin: Session;
  let tenantId: string;
  let csqId: string;
  let agent: { principal: Principal; session: Session };
  let ingress: SipIngress;
  const sipAt = { address: '127.0.0.1', port: 0 };
  const speech = new ToneSpeech(Object.fromEntries([GREETING, WELCOME]));
  const closers: (() => unknown)[] = [];
  const sipPhone = async () => {
    const phone = await SipPhone.open();
    closers.push(() => phone.close());
    return phone;
  };
  const webPhone = () => {
    const phone = new WebPhone();
    closers.push(() => phone.hangUp());
    return phone;
  };
  const number = async (body: object) => {
    const digits = `+1555${Math.floor(Math.random() * 1e7)
      .toString()
      .padStart(7, '0')}`;
    const created = await call(server, admin, 'POST', '/phone-numbers', {
      number: digits,
      name: digits,
      ...body,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return digits;
  };
  const openContact = async () => {
    const row = await server.database.db
      .selectFrom('contacts')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('status', '<>', 'ended')
      .executeTakeFirst();
    assert.ok(row, 'the call has a contact');
    return row;
  };
  const contactRow = (id: string) =>
    server.database.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const voiceReady = async (state: 'ready' | 'not_ready' = 'ready') => {
    const changed = await call(server, agent.session, 'PUT', `/agents/${agent.principal.userId}/state`, {
      domain: 'voice',
      state,
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
  };
  const wrapUp = async (contactId: string) => {
    const wrapped = await call(server, agent.session, 'POST', `/contacts/${contactId}/wrap-up`, {
      reasons: [],
      next: { state: 'not_ready' },
    });
    assert.equal(wrapped.status, 200, JSON.stringify(wrapped.body));
  };

  before(async () => {
    server = await startTestApp({ speech });
    ({ admin } = await createTestTenant(server, 'sipcalls'));
    tenantId = (await call(server, admin, 'GET', '/tenant')).body.id;
    csqId = (await buildCsq(server, admin, { channel: 'voice', name: 'Phone support' })).id;
    const { user, session } = await signInAs(server, admin, 'agent', {});
    agent = { principal: { tenantId, userId: user.id, role: 'agent', name: user.username }, session };
    sipAt.port = await freeUdpPort();
    ingress = await SipIngress.start(ingressDeps(server), sipAt);
  });
  after(async () => {
    for (const close of closers) await close();
    ingress.close();
    await server.close();
  });

  test('a caller dials a number into its flow, keys through the menu, talks with the agent both ways, and is hung up on', async () => {
    const flow = await call(server, admin, 'POST', '/call-flows', {
      name: 'Main line',
      definition: {
        format: 1,
        start: 'menu',
        steps: {
          menu: {
            type: 'menu',
            prompt: { text: GREETING[0] },
            options: { '1': 'billing' },
            otherwise: 'support',
          },
          billing: { type: 'set', variable: 'Topic', value: 'Billing', next: 'support' },
          support: { type: 'queue', csqId, welcome: { text: WELCOME[0] } },
        },
      },
    });
    assert.equal(flow.status, 201, JSON.stringify(flow.body));
    const dialled = await number({ flowId: flow.body.id });
    const caller = await sipPhone();
    const answered = await caller.call(sipAt, dialled);
    assert.equal(answered.status, 200);
    await caller.hearsTone(GREETING[1]);
    caller.press('1');
    await caller.hearsTone(WELCOME[1]);
    const contact = await openContact();
    assert.deepEqual(contact.attributes, { ANI: '+15557654321', DNIS: dialled, Topic: 'Billing' });

    await voiceReady();
    const desk = webPhone();
    await answerFromDesk(server, agent.session, contact.id, desk);
    caller.speak(toneSource(CALLER_TONE));
    desk.speak(toneSource(AGENT_TONE));
    await desk.hearsTone(CALLER_TONE);
    await caller.hearsTone(AGENT_TONE);

    const hungUp = caller.hungUp();
    assert.equal((await call(server, agent.session, 'POST', `/contacts/${contact.id}/complete`)).status, 200);
    await hungUp;
    assert.equal(ingress.size, 0);
    await wrapUp(contact.id);
    assert.equal((await contactRow(contact.id)).outcome, 'handled');
  });

  test('a caller who hangs up while waiting abandons the call', async () => {
    await voiceReady('not_ready');
    const dialled = await number({ csqId });
    const caller = await sipPhone();
    assert.equal((await caller.call(sipAt, dialled)).status, 200);
    await caller.until((window) => loudness(window) > 500, 400);
    const contact = await openContact();
    const bye = await caller.hangUp();
    assert.equal(bye.status, 200);
    assert.equal(server.voice.carries(tenantId, contact.id), false);
    assert.equal((await contactRow(contact.id)).outcome, 'abandoned');
  });

  test('calls it cannot take get the right SIP answer, and nothing is left behind', async () => {
    const dialled = await number({ csqId });
    const phone = await sipPhone();
    assert.equal((await phone.call(sipAt, '+19999999999')).status, 404, 'a number no tenant has');
    const noOffer = await phone.call(sipAt, dialled, (invite) => {
      invite.content = '';
      delete invite.headers['content-type'];
    });
    assert.equal(noOffer.status, 488, 'no SDP offer');
    const alaw = await phone.call(sipAt, dialled, (invite) => {
      invite.content = (invite.content ?? '')
        .replace('RTP/AVP 0 101', 'RTP/AVP 8')
        .replace('a=rtpmap:0 PCMU/8000', 'a=rtpmap:8 PCMA/8000');
    });
    assert.equal(alaw.status, 488, 'no PCMU offered');
    const subscribe = await phone.call(sipAt, dialled, (invite) => {
      invite.method = 'SUBSCRIBE';
      invite.headers.cseq = { method: 'SUBSCRIBE', seq: 1 };
    });
    assert.equal(subscribe.status, 405);
    assert.equal(subscribe.headers.allow, 'INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER');
    const stray = await phone.call(sipAt, dialled, (invite) => {
      invite.method = 'BYE';
      invite.headers.cseq = { method: 'BYE', seq: 2 };
      invite.headers.to.params.tag = 'nosuchdialog';
    });
    assert.equal(stray.status, 481);

    // Datagrams that are not SIP, or are SIP in pieces, are dropped; the server still answers.
    const junk = createSocket('udp4');
    for (const datagram of [
      'hello',
      'INVITE sip:x SIP/2.0\r\n\r\n',
      'INVITE sip:1@127.0.0.1 SIP/2.0\r\nVia: nonsense\r\nCall-ID: 1\r\nFrom: <>\r\nTo: x\r\nCSeq: x\r\n\r\n',
      `SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKx\r\nCall-ID: y\r\nFrom: <sip:a@b>\r\nTo: <sip:c@d>\r\nCSeq: 1 INVITE\r\n\r\n`,
      Buffer.alloc(2000, 0xff).toString('binary'),
    ])
      await new Promise((resolve) =>
        junk.send(Buffer.from(datagram, 'binary'), sipAt.port, sipAt.address, resolve),
      );
    junk.close();
    const options = await phone.call(sipAt, dialled, (invite) => {
      invite.method = 'OPTIONS';
      invite.headers.cseq = { method: 'OPTIONS', seq: 1 };
      invite.content = '';
    });
    assert.equal(options.status, 200);
    assert.equal(ingress.size, 0);
    assert.equal(await openContactCount(), 0);
  });

  const openContactCount = async () =>
    (
      await server.database.db
        .selectFrom('contacts')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('status', '<>', 'ended')
        .execute()
    ).length;

  test('INVITEs from one address beyond its rate are refused with 503 and Retry-After; another address has its own allowance', async () => {
    const dialled = await number({ csqId });
    const limitedAt = { address: '127.0.0.1', port: await freeUdpPort() };
    const limited = await SipIngress.start(ingressDeps(server), {
      ...limitedAt,
      invites: { burst: 2, perSecond: 0.01 },
    });
    closers.push(() => limited.close());
    const phones = await Promise.all([1, 2, 3, 4].map(() => sipPhone()));
    const answers = await Promise.all(phones.map((phone) => phone.call(limitedAt, dialled)));
    const statuses = answers.map((answer) => answer.status).sort();
    assert.deepEqual(statuses, [200, 200, 503, 503]);
    // A SIP client takes a 503 as "try elsewhere" and keeps only its status: the refusal is read off the wire.
    const wire = createSocket('udp4');
    await new Promise<void>((resolve) => wire.bind(0, '127.0.0.3', resolve));
    const finals: number[] = [];
    const refusal = new Promise<SipMessage | undefined>((resolve) =>
      wire.on('message', (datagram) => {
        const response = sip.parse(datagram);
        if (response?.status && response.status >= 200) finals.push(response.status);
        if (response?.status === 503) resolve(response);
      }),
    );
    const { port } = wire.address();
    const invite = (n: number) =>
      [
        `INVITE sip:${dialled}@127.0.0.1 SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.3:${port};branch=z9hG4bK-${crypto.randomUUID()}`,
        `From: <sip:flood@127.0.0.3>;tag=${n}`,
        `To: <sip:${dialled}@127.0.0.1>`,
        `Call-ID: ${crypto.randomUUID()}`,
        'CSeq: 1 INVITE',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n');
    for (let n = 0; n < 3; n++) wire.send(invite(n), limitedAt.port, limitedAt.address);
    const refused = await refusal;
    wire.close();
    assert.deepEqual(
      finals,
      [488, 488, 503],
      'its own allowance: two taken (without an offer), the third refused',
    );
    assert.ok(Number(refused?.headers['retry-after']) >= 1, JSON.stringify(refused?.headers));
    for (const [i, answer] of answers.entries()) if (answer.status === 200) await phones[i]?.hangUp();
    assert.equal(await openContactCount(), 0);
  });

  test('sipp calls a number, the agent answers in the desk, and the agent’s hang-up ends sipp’s call', {
    skip: sippMissing,
  }, async () => {
    const dialled = await number({ csqId });
    const dir = await mkdtemp(join(tmpdir(), 'sipp-'));
    closers.push(() => rm(dir, { recursive: true, force: true }));
    await voiceReady();
    const offered = new Promise<string>((resolve) =>
      server.acd.committed.subscribe(tenantId, (events) => {
        for (const event of events) if (event.type === 'contact.offered') resolve(event.contactId);
      }),
    );
    const args = [
      ...[
        '-sf',
        fileURLToPath(new URL('./testing/uac-hung-up.xml', import.meta.url)),
        '-s',
        dialled,
        `${sipAt.address}:${sipAt.port}`,
      ],
      // Not the server's own address, which its SIP stack would take a BYE to as its own.
      ...['-i', '127.0.0.2', '-p', String(await freeUdpPort('127.0.0.2')), '-mi', '127.0.0.2'],
      ...['-mp', String(await freeUdpPort()), '-m', '1', '-l', '1', '-timeout', '60s', '-timeout_error'],
      ...['-nostdin', '-trace_err', '-error_file', join(dir, 'errors.log')],
    ];
    // sipp draws its screen on stdout; nothing reads it here.
    const sippExit = new Promise<number | null>((resolve) =>
      spawn('sipp', args, { cwd: dir, stdio: 'ignore' }).on('exit', (code) => resolve(code)),
    );
    const contactId = await offered;
    const desk = webPhone();
    await answerFromDesk(server, agent.session, contactId, desk);
    assert.equal((await call(server, agent.session, 'POST', `/contacts/${contactId}/complete`)).status, 200);
    assert.equal(await sippExit, 0, 'sipp was hung up on as its scenario expects');
    await wrapUp(contactId);
    assert.equal(ingress.size, 0);
  });
});
