/**
 * Voice benchmark: one `switchboard start` process taking calls from SIP (`SWITCHBOARD_SIP`). sipp (Debian
 * sip-tester) calls a number at a steady rate; the number's short call flow sets a variable and queues the call in
 * a voice CSQ that records every call; agents Ready on voice answer each offer at once on a SIP desk phone in this
 * process (registered with digest authentication, plain RTP; `--webrtc-agents`: from a WebRTC phone instead, as
 * the desktop's browser would), and the caller hangs up after `--talk` seconds.
 * - calls/s: calls sipp completed ÷ the time over which it started them;
 * - concurrent calls: the most calls sipp had up at once (in the flow, queued or talking);
 * - setup-to-offer: when the agent's desk phone got the call's INVITE (WebRTC agents: the router's offer time)
 *   minus sipp's INVITE time (one machine, one clock), per call found by the caller's number (the ringing
 *   phone's From; for WebRTC agents the contact's ANI);
 * - failed calls: calls sipp counted failed, plus calls never offered to an agent;
 * - CPU per call: the server process's CPU time over the run ÷ calls.
 * Goals on a 2-core machine (bound in the same run): ≥ 20 calls/s, ≥ 200 concurrent calls, offer p99 < 200 ms,
 * no failed call. Anchor: FreeSWITCH mod_callcenter users report overload near 200 concurrent calls and 20 calls/s
 * on 12 vCPU. Options: `--rate N` (calls/s, 20), `--seconds N` (of arrivals, 30), `--talk N` (seconds, 10).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApiClient } from '@switchboard/cli/api-client';
import { prepareSite, SIMULATION_SKILL } from '../packages/cli/src/simulate/setup.ts';
import { freshPostgresDatabase, POSTGRES_ENV } from '../packages/server/src/testing/postgres.ts';
import { freeUdpPort } from '../packages/server/src/voice/testing/free-port.ts';
import { ADMIN_PASSWORD, startServer } from './load/server.ts';
import { type DeskPhoneCredentials, DeskPhoneFarm } from './voice/desk-phone-farm.ts';
import { runSipp } from './voice/sipp-run.ts';
import { type OfferSeen, VoiceAgent } from './voice/voice-agent.ts';

export const GOALS = { calls_per_s: 20, concurrent_calls: 200, offer_p99_ms: 200, failed_calls: 0 } as const;
const NUMBER = '+15550000000';
const SIP_ADDRESS = '127.0.0.1';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? Number.NaN : Number(process.argv[at + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const percentile = (sorted: number[], q: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0);

/** The CPU seconds a process has used (user and system), from /proc. */
async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  const perSecond = Number((await promisify(execFile)('getconf', ['CLK_TCK'])).stdout.trim()) || 100;
  return ticks / perSecond;
}

async function setUp(admin: ApiClient, agents: number) {
  const site = await prepareSite(admin, 'demo', agents);
  const skills = await admin.request<{ id: string; name: string }[]>('GET', '/skills');
  const skill = skills.find((s) => s.name === SIMULATION_SKILL);
  if (!skill) throw new Error('the simulation skill is missing');
  const csq = await admin.request<{ id: string }>('POST', '/csqs', {
    name: 'Bench calls',
    channel: 'voice',
    criterion: 'longest_available',
    skills: [{ skillId: skill.id, minCompetence: 1 }],
    recording: 'always',
  });
  const flow = await admin.request<{ id: string }>('POST', '/call-flows', {
    name: 'Bench line',
    definition: {
      format: 1,
      start: 'topic',
      steps: {
        topic: { type: 'set', variable: 'Topic', value: 'Benchmark', next: 'queue' },
        queue: { type: 'queue', csqId: csq.id },
      },
    },
  });
  await admin.request('POST', '/phone-numbers', { number: NUMBER, name: 'Bench line', flowId: flow.id });
  return site;
}

/** A desk phone for each agent (extensions 2000 on), each agent signed in with theirs. */
async function deskPhones(admin: ApiClient, agents: { id: string; client: ApiClient }[]) {
  const credentials: DeskPhoneCredentials[] = [];
  for (const [i, agent] of agents.entries()) {
    const extension = String(2000 + i);
    const added = await admin.request<{ credentials: DeskPhoneCredentials }>('POST', '/desk-phones', {
      extension,
      name: `Bench desk ${i}`,
    });
    credentials.push(added.credentials);
    await agent.client.request('PUT', `/agents/${agent.id}/desk-phone`, { extension });
  }
  return credentials;
}

interface VoiceResult {
  calls_per_s: number;
  concurrent_calls: number;
  offer_p99_ms: number;
  failed_calls: number;
  offer_p50_ms: number;
  offer_max_ms: number;
  calls: number;
  sipp_failed: number;
  never_offered: number;
  agent_errors: number;
  cpu_ms_per_call: number;
  agents_cpu_ms_per_call: number;
}

interface Load {
  rate: number;
  calls: number;
  talkMs: number;
  agentCount: number;
  /** What agents answer on: SIP desk phones (the default), or WebRTC as the desktop does. */
  phones: 'sip' | 'webrtc';
}

/** One run of the load on a fresh server (embedded database, or the PostgreSQL database given). */
async function measure(load: Load, databaseUrl: string | null): Promise<VoiceResult> {
  const { rate, calls, talkMs, agentCount } = load;
  const sipPort = await freeUdpPort(SIP_ADDRESS);
  const server = await startServer(databaseUrl, undefined, { SWITCHBOARD_SIP: `${SIP_ADDRESS}:${sipPort}` });
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-voice-'));
  const offers: OfferSeen[] = [];
  let agentErrors = 0;
  const failed = (error: unknown) => {
    if (agentErrors++ < 5)
      console.error(`  error: ${error instanceof Error ? error.message : String(error)}`);
  };
  const agents: VoiceAgent[] = [];
  const offered = (offer: OfferSeen) => offers.push(offer);
  let farm: DeskPhoneFarm | null = null;
  try {
    const admin = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    console.error(`  ${agentCount} agents …`);
    const site = await setUp(admin, agentCount);
    for (const agent of site.agents)
      agents.push(new VoiceAgent(agent.id, agent.client, { offered, failed }, load.phones === 'webrtc'));
    if (load.phones === 'sip') {
      const credentials = await deskPhones(admin, site.agents);
      farm = await DeskPhoneFarm.register({ address: SIP_ADDRESS, port: sipPort }, credentials, (ring) =>
        offered({ ani: ring.ani, offeredAt: ring.rangAt }),
      );
    }
    for (let i = 0; i < agents.length; i += 20)
      await Promise.all(agents.slice(i, i + 20).map((a) => a.start()));
    console.error(`  ${calls} calls at ${rate}/s, ${talkMs / 1000} s each …`);
    const cpuBefore = await cpuSeconds(server.pid);
    const agentsBefore = process.cpuUsage();
    const sipp = await runSipp(
      dir,
      { address: SIP_ADDRESS, port: sipPort },
      NUMBER,
      { rate, calls, talkMs },
      (line) => console.error(`  ${line}: ${offers.length} offers answered`),
    );
    const cpu = (await cpuSeconds(server.pid)) - cpuBefore;
    const agentsCpu = process.cpuUsage(agentsBefore);

    const latencies = offers
      .flatMap((offer) => {
        const invited = sipp.invitedAt.get(offer.ani);
        return invited === undefined ? [] : [offer.offeredAt - invited];
      })
      .sort((a, b) => a - b);
    const invites = [...sipp.invitedAt.values()].sort((a, b) => a - b);
    const spanS = invites.length > 1 ? ((invites.at(-1) ?? 0) - (invites[0] ?? 0)) / 1000 : 1;
    const neverOffered = Math.max(0, calls - offers.length);
    return {
      calls_per_s: Math.round((sipp.successful / Math.max(spanS, 1 / rate)) * 10) / 10,
      concurrent_calls: sipp.peakCalls,
      offer_p99_ms: Math.round(percentile(latencies, 0.99)),
      failed_calls: sipp.failed + neverOffered,
      offer_p50_ms: Math.round(percentile(latencies, 0.5)),
      offer_max_ms: Math.round(latencies.at(-1) ?? 0),
      calls: sipp.successful + sipp.failed,
      sipp_failed: sipp.failed,
      never_offered: neverOffered,
      agent_errors: agentErrors,
      cpu_ms_per_call: Math.round((cpu * 1000) / Math.max(1, calls)),
      agents_cpu_ms_per_call: Math.round((agentsCpu.user + agentsCpu.system) / 1000 / Math.max(1, calls)),
    };
  } finally {
    farm?.close();
    for (const agent of agents) await agent.stop();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const met = (r: VoiceResult) =>
  r.calls_per_s >= GOALS.calls_per_s * 0.95 &&
  r.concurrent_calls >= GOALS.concurrent_calls &&
  r.offer_p99_ms < GOALS.offer_p99_ms &&
  r.failed_calls === 0;

const describeRun = (name: string, r: VoiceResult) =>
  [
    `${name}: ${r.calls} calls at ${r.calls_per_s}/s, ${r.concurrent_calls} at once at the peak`,
    `  setup to offer: p50 ${r.offer_p50_ms} ms, p99 ${r.offer_p99_ms} ms, max ${r.offer_max_ms} ms`,
    `  failed calls ${r.failed_calls} (sipp ${r.sipp_failed}, never offered ${r.never_offered}), agent errors ${r.agent_errors}`,
    `  CPU per call: server ${r.cpu_ms_per_call} ms, the agents and their phones ${r.agents_cpu_ms_per_call} ms`,
    `  goal ${met(r) ? 'met' : 'NOT met'}`,
  ].join('\n');

export async function run({ json }: { json: boolean }): Promise<void> {
  const rate = option('rate', 20);
  const seconds = option('seconds', 30);
  const talkMs = option('talk', 10) * 1000;
  // Enough agents that every call is offered at once: those talking, those wrapping up, and a margin.
  const load: Load = {
    rate,
    calls: Math.round(rate * seconds),
    talkMs,
    agentCount: Math.ceil(rate * (talkMs / 1000 + 3)) + 20,
    phones: process.argv.includes('--webrtc-agents') ? 'webrtc' : 'sip',
  };
  try {
    await promisify(execFile)('sipp', ['-v']);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error('The voice benchmark needs sipp: apt-get install sip-tester.');
      process.exit(1);
    }
  }
  console.error('embedded database:');
  const embedded = await measure(load, null);
  const serverUrl = process.env[POSTGRES_ENV];
  let postgres: VoiceResult | undefined;
  if (serverUrl) {
    console.error('PostgreSQL:');
    const database = await freshPostgresDatabase(serverUrl);
    try {
      postgres = await measure(load, database.url);
    } finally {
      await database.drop();
    }
  } else console.error(`PostgreSQL skipped: set ${POSTGRES_ENV} to include it.`);

  console.log(
    [
      'Voice benchmark: one server process, sipp callers through a call flow into a recorded voice CSQ,',
      load.phones === 'sip'
        ? 'agents answering on SIP desk phones (registered, plain RTP) in the benchmark process.'
        : 'agents answering from WebRTC phones in the benchmark process.',
      '',
      describeRun('embedded', embedded),
      ...(postgres ? [describeRun('postgres', postgres)] : []),
      '',
      `Goal: ≥ ${GOALS.calls_per_s} calls/s, ≥ ${GOALS.concurrent_calls} concurrent calls, offer p99 < ${GOALS.offer_p99_ms} ms, ` +
        'no failed call.',
    ].join('\n'),
  );
  const summary = {
    calls_per_s: embedded.calls_per_s,
    concurrent_calls: embedded.concurrent_calls,
    offer_p99_ms: embedded.offer_p99_ms,
    failed_calls: embedded.failed_calls,
    offer_p50_ms: embedded.offer_p50_ms,
    cpu_ms_per_call: embedded.cpu_ms_per_call,
    agents_cpu_ms_per_call: embedded.agents_cpu_ms_per_call,
    pg_calls_per_s: postgres?.calls_per_s ?? 0,
    pg_concurrent_calls: postgres?.concurrent_calls ?? 0,
    pg_offer_p99_ms: postgres?.offer_p99_ms ?? 0,
    pg_failed_calls: postgres?.failed_calls ?? 0,
    pg_cpu_ms_per_call: postgres?.cpu_ms_per_call ?? 0,
    postgres_measured: postgres ? 1 : 0,
    met_all: met(embedded) && (!postgres || met(postgres)) ? 1 : 0,
  };
  if (json)
    console.log(
      JSON.stringify({
        bench: 'voice',
        params: { ...load, talk_s: talkMs / 1000, recording: 'always', agent_phones: load.phones },
        results: { embedded, ...(postgres ? { postgres } : {}) },
        baseline: GOALS,
        ratio: {
          calls_per_s: embedded.calls_per_s / GOALS.calls_per_s,
          concurrent_calls: embedded.concurrent_calls / GOALS.concurrent_calls,
          offer_p99_ms: embedded.offer_p99_ms / GOALS.offer_p99_ms,
        },
        summary,
      }),
    );
}
