/**
 * An agent places a call from the desktop, in a real browser against a real server whose SIP trunk is sipp (Debian
 * sip-tester) answering as the far end and echoing the audio it gets: the agent hears their own voice come back
 * through the trunk, so audio flows both ways.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtemp, rm } from 'node:fs/promises';
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
  });
});
