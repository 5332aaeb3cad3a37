import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildReasonCode, buildTeam, signInAs } from '../testing/builders.ts';
import {
  call,
  createTestTenant,
  type Session,
  signIn,
  startTestApp,
  type TestApp,
} from '../testing/test-app.ts';

let server: TestApp;
let admin: Session;
let supervisor: Session;
let outsider: Session;
let agent: { id: string; username: string; session: Session };
let other: { id: string; username: string };
const MEETING_CODE = 7001;
const COFFEE_CODE = 7002;
const MINUTE = 60_000;

async function upload(session: Session, csv: string, query = '') {
  const response = await server.app.inject({
    method: 'POST',
    url: `/api/v1/wfm/planned-activities/imports${query}`,
    headers: { ...session.headers, 'content-type': 'text/csv' },
    payload: csv,
  });
  return { status: response.statusCode, body: response.json() };
}

const iso = (ms: number) => new Date(ms).toISOString();
let shiftStart: number;

let supervisorName: string;
let supervisorId: string;

before(async () => {
  server = await startTestApp();
  // The shift starts at a full hour from which its two and a half hours end the same (UTC) day, so that one day's
  // report holds all of it; the clock is moved there before anyone signs in.
  const now = server.clock.now();
  const day = 86_400_000;
  shiftStart = Math.ceil(now / 3_600_000) * 3_600_000 + 3_600_000;
  if ((shiftStart % day) + 150 * MINUTE > day) shiftStart = Math.ceil(shiftStart / day) * day + 3_600_000;
  server.clock.advance(shiftStart - now);
  ({ admin } = await createTestTenant(server, 'adherence'));
  const boss = await signInAs(server, admin, 'supervisor');
  supervisor = boss.session;
  supervisorName = boss.user.username;
  supervisorId = boss.user.id;
  outsider = (await signInAs(server, admin, 'supervisor')).session;
  const team = await buildTeam(server, admin, { primarySupervisorId: boss.user.id });
  const worker = await signInAs(server, admin, 'agent', { teamId: team.id });
  agent = { id: worker.user.id, username: worker.user.username, session: worker.session };
  const second = await signInAs(server, admin, 'agent', { teamId: team.id });
  other = { id: second.user.id, username: second.user.username };
  await buildReasonCode(server, admin, { code: MEETING_CODE, label: 'Meeting' });
  await buildReasonCode(server, admin, { code: COFFEE_CODE, label: 'Coffee' });
});
after(() => server?.close());

const state = (body: object) =>
  call(server, agent.session, 'PUT', `/agents/${agent.id}/state`, { domain: 'digital', ...body });

test('rules naming an unknown reason code, and a file with mistakes, are refused whole', async () => {
  const settings = await call(server, admin, 'PUT', '/wfm/adherence/settings', {
    thresholdSeconds: 120,
    rules: [{ state: 'not_ready', reasonCodes: [999], activity: 'meeting' }],
    workActivities: ['work'],
  });
  assert.equal(settings.status, 400);
  assert.match(settings.body.error.message, /reason code 999, which this tenant does not have/);

  const bad = [
    'agent,start,end,activity,channels',
    `${agent.username},${iso(shiftStart)},${iso(shiftStart + 60 * MINUTE)},work,chat`,
    `nobody,${iso(shiftStart)},${iso(shiftStart + 60 * MINUTE)},work,chat`,
    `${agent.username},${iso(shiftStart + 30 * MINUTE)},${iso(shiftStart + 90 * MINUTE)},meeting,any`,
    `${other.username},${iso(shiftStart)},${iso(shiftStart - MINUTE)},work,fax`,
  ].join('\n');
  const refused = await upload(admin, bad);
  assert.equal(refused.status, 400, JSON.stringify(refused.body));
  assert.deepEqual(
    refused.body.error.details.errors.map((e: { line: number }) => e.line),
    [3, 4, 5],
  );
  assert.match(refused.body.error.details.errors[0].message, /no agent has the username "nobody"/);
  assert.match(refused.body.error.details.errors[1].message, /overlaps line 2/);
  const planned = await call(
    server,
    admin,
    'GET',
    `/wfm/planned-activities?from=${iso(shiftStart).slice(0, 10)}&to=${iso(shiftStart).slice(0, 10)}`,
  );
  assert.deepEqual(planned.body, []);
});

test('the board turns red when an agent stays Not Ready past the threshold, and an approved exception clears it', async () => {
  const settings = await call(server, admin, 'PUT', '/wfm/adherence/settings', {
    thresholdSeconds: 120,
    rules: [
      { state: 'ready', activity: 'work' },
      { state: 'reserved', activity: 'work' },
      { state: 'active', activity: 'work' },
      { state: 'work', activity: 'work' },
      { state: 'not_ready', reasonCodes: [MEETING_CODE], activity: 'meeting' },
    ],
    workActivities: ['work'],
  });
  assert.equal(settings.status, 200, JSON.stringify(settings.body));
  const csv = [
    'agent,start,end,activity,channels',
    `${agent.username},${iso(shiftStart)},${iso(shiftStart + 120 * MINUTE)},work,chat`,
    `${agent.username},${iso(shiftStart + 120 * MINUTE)},${iso(shiftStart + 150 * MINUTE)},meeting,any`,
  ].join('\n');
  const preview = await upload(admin, csv, '?dryRun=true');
  assert.deepEqual(preview.body, { activities: 2, agents: 1, dryRun: true });
  const imported = await upload(admin, csv);
  assert.equal(imported.status, 201, JSON.stringify(imported.body));

  assert.equal((await state({ state: 'ready' })).status, 200);
  server.clock.advance(30 * MINUTE);
  assert.equal((await state({ state: 'not_ready', reasonCode: COFFEE_CODE })).status, 200);
  const coffeeAt = server.clock.now();
  const row = async (session = supervisor) => {
    const board = await call(server, session, 'GET', '/wfm/adherence/board');
    assert.equal(board.status, 200, JSON.stringify(board.body));
    return board.body.agents.find((a: { agentId: string }) => a.agentId === agent.id);
  };
  server.clock.advance(MINUTE);
  assert.equal((await row()).outOfAdherence, false, 'within the threshold');
  server.clock.advance(4 * MINUTE);
  const red = await row();
  assert.equal(red.outOfAdherence, true);
  assert.equal(red.since, iso(coffeeAt));
  assert.equal(red.scheduled.activity, 'work');
  assert.equal(red.states[0].reasonCode, COFFEE_CODE);
  assert.equal(await row(outsider), undefined, "another team's supervisor does not see the agent");

  const refused = await call(server, outsider, 'POST', '/wfm/adherence/exceptions', {
    agentId: agent.id,
    from: iso(coffeeAt),
    to: iso(coffeeAt + 10 * MINUTE),
    note: 'Fire drill',
  });
  assert.equal(refused.status, 404);
  const approved = await call(server, supervisor, 'POST', '/wfm/adherence/exceptions', {
    agentId: agent.id,
    from: iso(coffeeAt),
    to: iso(coffeeAt + 10 * MINUTE),
    note: 'Fire drill',
  });
  assert.equal(approved.status, 201, JSON.stringify(approved.body));
  assert.equal((await row()).outOfAdherence, false);
  assert.equal((await row()).adherencePct, 100);

  // Back to work, then the meeting on time (Not Ready with the meeting code).
  assert.equal((await state({ state: 'ready' })).status, 200);
  server.clock.advance(shiftStart + 120 * MINUTE - server.clock.now());
  // Two hours on, the access tokens have expired: sign in again.
  agent.session = await signIn(server, admin.tenant, agent.username);
  supervisor = await signIn(server, admin.tenant, supervisorName);
  assert.equal((await state({ state: 'not_ready', reasonCode: MEETING_CODE })).status, 200);
  server.clock.advance(10 * MINUTE);
  assert.equal((await row()).outOfAdherence, false);
  const day = iso(shiftStart).slice(0, 10);
  const report = await call(server, supervisor, 'GET', `/wfm/adherence/report?from=${day}&to=${day}`);
  assert.equal(report.status, 200, JSON.stringify(report.body));
  const mine = report.body.find((r: { agentId: string }) => r.agentId === agent.id);
  assert.equal(mine.scheduledMinutes, 130);
  assert.equal(mine.outOfAdherenceMinutes, 0);
  assert.equal(mine.adherencePct, 100);
  const exceptions = await call(server, supervisor, 'GET', `/wfm/adherence/exceptions?from=${day}&to=${day}`);
  assert.equal(exceptions.body.length, 1);
  assert.equal(exceptions.body[0].note, 'Fire drill');
});

test('activities compare in lower case; no one excuses their own adherence; a new plan cuts into the old one', async () => {
  // The test before moved the clock on by hours: sign in again.
  admin = await signIn(server, admin.tenant, 'admin');
  supervisor = await signIn(server, admin.tenant, supervisorName);
  const saved = await call(server, admin, 'PUT', '/wfm/adherence/settings', {
    thresholdSeconds: 120,
    rules: [{ state: 'ready', activity: 'Work' }],
    workActivities: ['Work'],
  });
  assert.deepEqual(saved.body.rules, [{ state: 'ready', activity: 'work' }]);
  assert.deepEqual(saved.body.workActivities, ['work']);

  const own = await call(server, supervisor, 'POST', '/wfm/adherence/exceptions', {
    agentId: supervisorId,
    from: iso(server.clock.now() - 10 * MINUTE),
    to: iso(server.clock.now()),
    note: 'Mine',
  });
  assert.equal(own.status, 403, JSON.stringify(own.body));

  const day = Date.UTC(2027, 0, 4);
  const at = (hour: number) => iso(day + hour * 3_600_000);
  assert.equal(
    (await upload(admin, `agent,start,end,activity\n${other.username},${at(8)},${at(17)},work\n`)).status,
    201,
  );
  assert.equal(
    (await upload(admin, `agent,start,end,activity\n${other.username},${at(7)},${at(9)},meeting\n`)).status,
    201,
  );
  assert.equal(
    (await upload(admin, `agent,start,end,activity\n${other.username},${at(12)},${at(13)},lunch\n`)).status,
    201,
  );
  const plan = await call(server, admin, 'GET', '/wfm/planned-activities?from=2027-01-04&to=2027-01-04');
  assert.deepEqual(
    plan.body
      .filter((a: { agentId: string }) => a.agentId === other.id)
      .map((a: { from: string; to: string; activity: string }) => [
        a.activity,
        a.from.slice(11, 16),
        a.to.slice(11, 16),
      ]),
    [
      ['meeting', '07:00', '09:00'],
      ['work', '09:00', '12:00'],
      ['lunch', '12:00', '13:00'],
      ['work', '13:00', '17:00'],
    ],
  );
  const impossible = await call(server, admin, 'GET', '/wfm/adherence/report?from=2027-02-31&to=2027-02-31');
  assert.equal(impossible.status, 400);
  assert.match(impossible.body.error.message, /not a day between 2000 and 2100/);
});
