import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApiKey, buildContact, buildCsq, buildTeam, signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';

const S = 1000;
const DAY = 24 * 3600 * S;

type Person = { id: string; session: Session };
type AgentToday = { agentId: string; handled: number; averageHandleSeconds: number | null } & Record<
  'voice' | 'digital',
  Record<string, number>
>;

describe("agents' figures today", () => {
  let server: TestApp;
  let admin: Session;
  let channel: Session;
  let reader: Session;
  let sue: Person;
  let ana: Person;
  let out: Person;
  let csqId: string;
  let midnight: number;

  const act = async (who: Person, contactId: string, step: 'accept' | 'complete' | 'wrap-up') => {
    const body = step === 'wrap-up' ? { reasons: [] } : undefined;
    const r = await call(server, who.session, 'POST', `/contacts/${contactId}/${step}`, body);
    assert.equal(r.status, 200, `${step}: ${JSON.stringify(r.body)}`);
  };
  const advanceTo = (at: number) => server.clock.advance(at - server.clock.now());
  const today = async (session: Session) => {
    const r = await call(server, session, 'GET', '/agents/stats/today');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body as { since: string; agents: AgentToday[] };
  };

  before(async () => {
    server = await startTestApp();
    // Close to a midnight, so that sessions signed in now outlive the test.
    midnight = Math.ceil(server.clock.now() / DAY) * DAY + DAY;
    advanceTo(midnight - 200 * S);
    ({ admin } = await createTestTenant(server, 'acme'));
    const supervisor = await signInAs(server, admin, 'supervisor', { displayName: 'Sue' });
    sue = { id: supervisor.user.id, session: supervisor.session };
    const team = await buildTeam(server, admin, { primarySupervisorId: sue.id });
    const other = await buildTeam(server, admin);
    const a = await signInAs(server, admin, 'agent', { displayName: 'Ana', teamId: team.id });
    ana = { id: a.user.id, session: a.session };
    const o = await signInAs(server, admin, 'agent', { displayName: 'Out', teamId: other.id });
    out = { id: o.user.id, session: o.session };
    channel = (await buildApiKey(server, admin, 'write')).session;
    reader = (await buildApiKey(server, admin, 'read')).session;
    csqId = (await buildCsq(server, admin)).id;
  });
  after(() => server.close());

  test('handled and AHT count from midnight UTC; time in state is clipped at midnight and runs to now', async () => {
    advanceTo(midnight - 100 * S);
    const ready = await call(server, ana.session, 'PUT', `/agents/${ana.id}/state`, {
      domain: 'digital',
      state: 'ready',
    });
    assert.equal(ready.status, 200);
    const yesterday = (await buildContact(server, channel, csqId)).id; // offered to Ana at once
    advanceTo(midnight - 90 * S);
    await act(ana, yesterday, 'accept');
    advanceTo(midnight - 60 * S);
    await act(ana, yesterday, 'complete');
    advanceTo(midnight - 50 * S);
    await act(ana, yesterday, 'wrap-up');

    advanceTo(midnight + 20 * S);
    const first = (await buildContact(server, channel, csqId)).id;
    advanceTo(midnight + 25 * S);
    await act(ana, first, 'accept');
    advanceTo(midnight + 85 * S);
    await act(ana, first, 'complete');
    advanceTo(midnight + 100 * S);
    await act(ana, first, 'wrap-up');
    advanceTo(midnight + 130 * S);

    const body = await today(admin);
    assert.equal(body.since, new Date(midnight).toISOString());
    const figures = body.agents.find((a) => a.agentId === ana.id);
    assert.ok(figures, JSON.stringify(body));
    assert.deepEqual(
      [figures.handled, figures.averageHandleSeconds],
      [1, 75],
      'accept +25 s to wrap-up end +100 s',
    );
    assert.deepEqual(figures.digital, {
      ready: 20 + 30,
      notReady: 0,
      reserved: 5,
      active: 60,
      work: 15,
      loggedOut: 0,
    });
    assert.deepEqual(figures.voice, {
      ready: 0,
      notReady: 0,
      reserved: 0,
      active: 0,
      work: 0,
      loggedOut: 130,
    });
    const idle = body.agents.find((a) => a.agentId === out.id);
    assert.deepEqual([idle?.handled, idle?.averageHandleSeconds, idle?.digital.loggedOut], [0, null, 130]);
  });

  test("supervisors see the agents of the teams they supervise; administrators and service users everyone's", async () => {
    const ids = (body: { agents: AgentToday[] }) => body.agents.map((a) => a.agentId).sort();
    assert.deepEqual(ids(await today(sue.session)), [ana.id]);
    const everyone = [ana.id, out.id, sue.id].sort();
    assert.deepEqual(ids(await today(admin)), everyone);
    assert.deepEqual(ids(await today(reader)), everyone);
    const refused = await call(server, ana.session, 'GET', '/agents/stats/today');
    assert.deepEqual([refused.status, refused.body.error.code], [403, 'forbidden']);
  });

  test("another tenant's administrator sees none of this tenant's agents", async () => {
    const globex = (await createTestTenant(server, 'globex')).admin;
    const body = await today(globex);
    assert.ok(
      body.agents.every((a) => ![ana.id, out.id, sue.id].includes(a.agentId)),
      JSON.stringify(body),
    );
  });
});
