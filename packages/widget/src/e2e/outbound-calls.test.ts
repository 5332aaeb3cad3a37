/**
 * An agent places a call from the desktop, in a real browser against a real server whose SIP trunk is sipp (Debian
 * sip-tester) answering as the far end and echoing the audio it gets: the agent hears their own voice come back
 * through the trunk, so audio flows both ways.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import {
  ADMIN_PASSWORD,
  ApiClient,
  buildDesktop,
  chromiumForTests,
  desk,
  ServerProcess,
  screenshot,
  signIn,
} from '@switchboard/testing';
import { browserWithTone, hears, KEEP_RECEIVED_STREAMS } from './call-audio.ts';

const availability = chromiumForTests();
// `sipp -v` prints its version and exits 99.
const sippMissing = await promisify(execFile)('sipp', ['-v']).then(
  () => false,
  (error: NodeJS.ErrnoException) =>
    error.code === 'ENOENT' ? 'sipp (Debian sip-tester) is not installed' : false,
);
if (sippMissing && process.env.SWITCHBOARD_CI === '1') throw new Error(`SWITCHBOARD_CI=1 but ${sippMissing}`);

const AGENT_TONE = 1300;
/** The trunk: not the server's own address, which its SIP stack would take requests to as its own. */
const TRUNK_ADDRESS = '127.0.0.4';
const CALLER_ID = '+15550000002';

async function freeUdpPort(address: string): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, address, resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

describe('outbound calls from the agent desktop', {
  skip: availability.available ? (sippMissing ?? false) : availability.reason,
}, () => {
  let server: ServerProcess;
  let admin: ApiClient;
  let phone: Awaited<ReturnType<typeof browserWithTone>>;
  let dir: string;
  let trunk: { address: string; port: number; mediaPort: number };

  before(async () => {
    await buildDesktop();
    dir = await mkdtemp(join(tmpdir(), 'sipp-trunk-'));
    trunk = {
      address: TRUNK_ADDRESS,
      port: await freeUdpPort(TRUNK_ADDRESS),
      mediaPort: await freeUdpPort(TRUNK_ADDRESS),
    };
    server = await ServerProcess.create({
      SWITCHBOARD_SIP: `127.0.0.1:${await freeUdpPort('127.0.0.1')}`,
      SWITCHBOARD_SIP_TRUNKS: `carrier=${trunk.address}:${trunk.port}`,
    });
    admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    phone = await browserWithTone(AGENT_TONE);
  });
  after(async () => {
    await phone?.close();
    await server?.destroy();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the agent dials a number, the far end answers, they hear each other, and the hang-up starts wrap-up', async () => {
    const csq = await admin.request<{ id: string }>('POST', '/csqs', {
      name: 'Sales',
      channel: 'voice',
      criterion: 'longest_available',
      skills: [],
    });
    await admin.request('POST', '/phone-numbers', { number: CALLER_ID, name: 'Sales line', csqId: csq.id });
    await admin.request('PATCH', `/csqs/${csq.id}`, { callerId: CALLER_ID });
    const password = 'Otto-Outbound-password-1';
    const { id } = await admin.request<{ id: string }>('POST', '/users', {
      username: 'otto',
      password,
      displayName: 'Otto Outbound',
      role: 'agent',
      skills: [],
    });
    // sipp's answering scenario: 180 and 200 to the INVITE, then it waits for the BYE, echoing the audio.
    const sippExit = new Promise<number | null>((resolve) =>
      spawn(
        'sipp',
        [
          ...['-sn', 'uas', '-i', trunk.address, '-p', String(trunk.port), '-mi', trunk.address],
          ...['-mp', String(trunk.mediaPort), '-rtp_echo', '-m', '1', '-timeout', '60s', '-timeout_error'],
          ...['-nostdin', '-trace_err', '-error_file', join(dir, 'errors.log')],
        ],
        { cwd: dir, stdio: 'ignore' },
      ).on('exit', (code) => resolve(code)),
    );

    const agent = await desk(phone.browser, server.url);
    await agent.context.addInitScript(KEEP_RECEIVED_STREAMS);
    await signIn(agent.page, 'otto', password);
    const api = await ApiClient.signIn(server.url, 'demo', 'otto', password);
    await api.request('PUT', `/agents/${id}/state`, { domain: 'voice', state: 'not_ready' });
    const { page } = agent;
    await page.getByText('Place a call').click();
    await page.getByLabel('Number').fill('020 7946 0000');
    await screenshot(page, 'agent-place-call');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await page.getByTestId('dialled').filter({ hasText: '02079460000' }).waitFor();
    await page.getByTestId('dial-result').filter({ hasText: 'Answered' }).waitFor();
    // What the agent says comes back from the far end: through the trunk and back.
    await hears(page, AGENT_TONE);
    // sipp's answer offers no telephone events: the keypad says keys cannot reach it (the keys reaching a far end
    // that takes them are checked in the server's outbound call tests).
    await page.getByRole('button', { name: 'Keypad' }).click();
    const keypad = page.getByRole('group', { name: 'Keypad' });
    await keypad.getByRole('button', { name: '1', exact: true }).click();
    await page.getByText('takes no keypad tones').waitFor();
    const refused = agent.errors.findIndex((error) => /status of 409/.test(error));
    assert.ok(refused >= 0, agent.errors.join('\n'));
    agent.errors.splice(refused, 1);
    await screenshot(page, 'agent-outbound-call');
    await page.getByRole('button', { name: 'Hang up' }).click();
    await page.getByTestId('contact-status').filter({ hasText: 'Wrap-up' }).waitFor();
    assert.equal(await sippExit, 0, 'sipp was hung up on, as its scenario expects');
    assert.deepEqual(agent.errors, []);
    await api.request('POST', `/contacts/${await contactOf(api, id)}/wrap-up`, { reasons: [] });

    // Busy this time: the card says so, and the agent wraps up.
    const scenario = join(dir, 'busy.xml');
    await writeFile(scenario, BUSY_SCENARIO);
    const busyExit = new Promise<number | null>((resolve) =>
      spawn(
        'sipp',
        [
          ...['-sf', scenario, '-i', trunk.address, '-p', String(trunk.port), '-m', '1'],
          ...['-timeout', '60s', '-timeout_error', '-nostdin'],
        ],
        { cwd: dir, stdio: 'ignore' },
      ).on('exit', (code) => resolve(code)),
    );
    await page.getByLabel('Number').fill('02079460001');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await page.getByTestId('dial-result').filter({ hasText: 'Busy' }).waitFor();
    await page.getByTestId('contact-status').filter({ hasText: 'Wrap-up' }).waitFor();
    await screenshot(page, 'agent-outbound-busy');
    assert.equal(await busyExit, 0, 'sipp refused the call as its scenario says');
    assert.deepEqual(agent.errors, []);
  });
});

/** The contact the agent holds (their one call). */
async function contactOf(api: ApiClient, agentId: string): Promise<string> {
  const [contact] = await api.request<{ id: string }[]>('GET', `/agents/${agentId}/contacts`);
  assert.ok(contact, 'the agent holds the call');
  return contact.id;
}

/** sipp as a far end that is busy: 486 to the INVITE, then the ACK. */
const BUSY_SCENARIO = `<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="busy">
  <recv request="INVITE" />
  <send>
    <![CDATA[
      SIP/2.0 486 Busy Here
      [last_Via:]
      [last_From:]
      [last_To:];tag=[pid]SIPpTag01[call_number]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0
    ]]>
  </send>
  <recv request="ACK" />
</scenario>
`;
