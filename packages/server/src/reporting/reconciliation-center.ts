import { addDays, intervalsOfDay, type LocalDate, localDateAt, localToInstant } from '@switchboard/core';
import { buildApiKey, buildCsq, buildReasonCode, buildSkill, buildUser } from '../testing/builders.ts';
import { call, createTestTenant, type Session, signIn, type TestApp } from '../testing/test-app.ts';

export const TIME_ZONE = 'Europe/Berlin';
export const INTERVAL_MS = 15 * 60_000;
export const SHORT_ABANDON_SECONDS = 5;
/** Not Ready reason codes the agents take breaks and after-call time with. */
export const BREAK_CODE = 11;
export const AFTER_CALL_CODE = 12;

export type CsqName = 'sales' | 'support' | 'escalations' | 'chat' | 'billing';
/** CSQs no contact is ever transferred or requeued into or out of: their raw contacts are their legs. */
export const PLAIN_CSQS: readonly CsqName[] = ['sales', 'chat'];

export interface CenterAgent {
  id: string;
  username: string;
  session: Session;
  signedInAt: number;
  csqs: CsqName[];
}

export interface Center {
  server: TestApp;
  tenantId: string;
  admin: Session;
  adminSignedInAt: number;
  /** A write API key: creates contacts and ends them as the customer. */
  channel: Session;
  csqs: Record<CsqName, { id: string; channel: 'voice' | 'chat'; serviceLevelSeconds: number }>;
  agents: CenterAgent[];
  /** The local date of the day, and 01:30 on it, when the center opens. */
  date: LocalDate;
  opensAt: number;
}

const CSQS: Record<CsqName, { channel: 'voice' | 'chat'; serviceLevelSeconds: number }> = {
  sales: { channel: 'voice', serviceLevelSeconds: 20 },
  support: { channel: 'voice', serviceLevelSeconds: 30 },
  escalations: { channel: 'voice', serviceLevelSeconds: 30 },
  chat: { channel: 'chat', serviceLevelSeconds: 60 },
  billing: { channel: 'chat', serviceLevelSeconds: 45 },
};

/** Which CSQs each agent serves (by skill). */
const AGENTS: CsqName[][] = [
  ['sales', 'support'],
  ['sales', 'support'],
  ['sales', 'escalations'],
  ['support', 'escalations'],
  ['chat'],
  ['chat', 'billing'],
  ['billing', 'chat'],
  ['support', 'sales', 'chat'],
  // A specialist, often Ready: the one agents transfer calls to by name.
  ['escalations'],
];

async function ok(response: Promise<{ status: number; body: unknown }>, what: string) {
  const { status, body } = await response;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * A center for a day of traffic: a tenant reporting in quarter-hours in Europe/Berlin with 5 s short abandons
 * and no capture delay, five CSQs (three voice, two chat) and nine agents. The clock is moved to 01:20 on the
 * next day the clocks go back first; the whole day falls on that one local date.
 */
export async function buildCenter(server: TestApp): Promise<Center> {
  // The next day the clocks go back (02:00 to 02:59 happen twice: the day has 100 quarter-hours), from 01:30:
  // contacts arrive through both 02:00s.
  let date = addDays(localDateAt(TIME_ZONE, server.clock.now()), 1);
  while (intervalsOfDay(TIME_ZONE, date, 15).length !== 100) date = addDays(date, 1);
  const opensAt = localToInstant(TIME_ZONE, date, 90);
  server.clock.advance(opensAt - 10 * 60_000 - server.clock.now());
  const { tenantId, admin } = await createTestTenant(server, 'recon');
  await ok(
    call(server, admin, 'PATCH', '/tenant/settings', {
      reporting: {
        timeZone: TIME_ZONE,
        intervalMinutes: 15,
        shortAbandonSeconds: SHORT_ABANDON_SECONDS,
        captureDelayMinutes: 0,
      },
    }),
    'reporting settings',
  );
  // Simulated customers are never silent: no chat ends for inactivity.
  await ok(
    call(server, admin, 'PATCH', '/channel-settings', {
      inactivityTimeoutMinutes: 1440,
      noAnswerTimeoutSeconds: { voice: 15, chat: 20, email: 30 },
    }),
    'channel settings',
  );
  for (const [code, label] of [
    [BREAK_CODE, 'Break'],
    [AFTER_CALL_CODE, 'After-call work'],
  ] as const)
    await buildReasonCode(server, admin, { code, label });
  const skills = {} as Record<CsqName, string>;
  const csqs = {} as Center['csqs'];
  for (const [name, csq] of Object.entries(CSQS) as [CsqName, (typeof CSQS)[CsqName]][]) {
    skills[name] = (await buildSkill(server, admin, { name })).id;
    const built = await buildCsq(server, admin, {
      name,
      channel: csq.channel,
      serviceLevelSeconds: csq.serviceLevelSeconds,
      skills: [{ skillId: skills[name], minCompetence: 1 }],
    });
    csqs[name] = { id: built.id, ...csq };
  }
  const agents: CenterAgent[] = [];
  for (const [i, served] of AGENTS.entries()) {
    const user = await buildUser(server, admin, {
      role: 'agent',
      displayName: `Agent ${i + 1}`,
      skills: served.map((name, rank) => ({ skillId: skills[name], competence: 9 - rank })),
    });
    const session = await signIn(server, 'recon', user.username);
    agents.push({
      id: user.id,
      username: user.username,
      session,
      signedInAt: server.clock.now(),
      csqs: served,
    });
  }
  const channel = (await buildApiKey(server, admin, 'write')).session;
  return {
    server,
    tenantId,
    admin,
    adminSignedInAt: server.clock.now(),
    channel,
    csqs,
    agents,
    date,
    opensAt,
  };
}

/** The agent's session, signed in again well before its access token runs out on the moved clock. */
export async function sessionOf(center: Center, agent: CenterAgent): Promise<Session> {
  const now = center.server.clock.now();
  if (now - agent.signedInAt > 40 * 60_000) {
    agent.session = await signIn(center.server, 'recon', agent.username);
    agent.signedInAt = now;
  }
  return agent.session;
}

/** The administrator's session, kept fresh the same way. */
export async function adminOf(center: Center): Promise<Session> {
  const now = center.server.clock.now();
  if (now - center.adminSignedInAt > 40 * 60_000) {
    center.admin = await signIn(center.server, 'recon', 'admin');
    center.adminSignedInAt = now;
  }
  return center.admin;
}
