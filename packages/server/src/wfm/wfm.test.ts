import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signInAs } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';

let server: TestApp;
let admin: Session;
let supervisor: Session;
let agent: Session;
let tenantId: string;

const HEADER = 'Minutes,Calls Presented,Calls Answered,Calls Abandoned,Avg Call Duration';
const DAY_MS = 86_400_000;
/** Six weeks of 15-minute history, weekdays 08:00–12:00: 20 calls each (Mondays 30), 180 s each. */
const FIRST = Date.UTC(2026, 9, 5);
function historyCsv(): string {
  const lines = [HEADER];
  for (let day = 0; day < 42; day++) {
    const date = FIRST + day * DAY_MS;
    const weekday = new Date(date).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let minute = 8 * 60; minute < 12 * 60; minute += 15) {
      const calls = weekday === 1 ? 30 : 20;
      lines.push(`${new Date(date + minute * 60_000).toISOString()},${calls},${calls},0,180`);
    }
  }
  return `${lines.join('\n')}\n`;
}

before(async () => {
  server = await startTestApp();
  ({ admin, tenantId } = await createTestTenant(server, 'planning'));
  supervisor = (await signInAs(server, admin, 'supervisor')).session;
  agent = (await signInAs(server, admin, 'agent')).session;
  const imported = await server.app.inject({
    method: 'POST',
    url: '/api/v1/interval-history/imports?minutes=15&queue=Support',
    headers: { ...admin.headers, 'content-type': 'text/csv' },
    payload: historyCsv(),
  });
  assert.equal(imported.statusCode, 201, imported.body);
});
after(() => server?.close());

const support = (extra: object = {}) => ({
  name: `Support ${Math.random().toString(36).slice(2, 8)}`,
  channel: 'voice',
  basis: 'csq',
  importedQueues: ['Support'],
  target: { kind: 'service_level', percent: 80, seconds: 20 },
  maxOccupancy: 0.9,
  shrinkage: 0.25,
  openHours: 'mon-fri 08:00-12:00',
  ...extra,
});

test('a workload is forecast from its imported history, published, adjusted, and staffed interval by interval', async () => {
  const created = await call(server, admin, 'POST', '/wfm/workloads', support());
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id;
  const forecast = await call(server, admin, 'POST', `/wfm/workloads/${id}/forecasts`, {
    firstDay: '2026-11-16',
    days: 5,
  });
  assert.equal(forecast.status, 201, JSON.stringify(forecast.body));
  assert.equal(forecast.body.status, 'draft');
  assert.equal(forecast.body.evaluation.history.imported, forecast.body.historyIntervals);
  assert.ok(forecast.body.evaluation.backtest.scores.length >= 5);
  assert.match(forecast.body.evaluation.notes.join(' '), /holdout table needs more than 16 weeks/);

  const detail = await call(server, supervisor, 'GET', `/wfm/forecasts/${forecast.body.id}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.body.intervals.length, 5 * 96);
  type Figures = Record<
    'volume' | 'forecastVolume' | 'adjustedVolume' | 'requiredAgents' | 'requiredStaff' | 'serviceLevel',
    number
  >;
  const mondayTen = (intervals: { start: string; volume?: number }[]): Figures =>
    (intervals.find((i) => i.start === '2026-11-16T10:00:00.000Z') ?? {}) as unknown as Figures;
  assert.ok(Math.abs((mondayTen(detail.body.intervals)?.volume ?? 0) - 30) < 0.5);

  // Nothing published yet: the plan has no forecast.
  const plan = (from = '2026-11-16', to = '2026-11-16') =>
    call(server, supervisor, 'GET', `/wfm/workloads/${id}/plan?from=${from}&to=${to}`);
  assert.equal(
    (await plan()).body.intervals.find((i: { forecastVolume: unknown }) => i.forecastVolume !== null),
    undefined,
  );
  const published = await call(server, admin, 'POST', `/wfm/forecasts/${forecast.body.id}/publish`);
  assert.equal(published.status, 200, JSON.stringify(published.body));
  assert.equal(published.body.status, 'published');
  assert.equal((await call(server, admin, 'POST', `/wfm/forecasts/${forecast.body.id}/publish`)).status, 409);

  const before = mondayTen((await plan()).body.intervals);
  assert.ok(Math.abs(before.forecastVolume - 30) < 0.5);
  assert.equal(before.adjustedVolume, before.forecastVolume);
  // 30 calls of 180 s in 15 minutes: 6 erlangs; 80 % in 20 s at ≤ 90 % occupancy takes 9 agents, 12 with 25 % shrinkage.
  assert.equal(before.requiredAgents, 9);
  assert.equal(before.requiredStaff, 12);
  assert.ok(before.serviceLevel >= 0.8);

  const adjusted = await call(server, admin, 'POST', `/wfm/workloads/${id}/adjustments`, {
    from: '2026-11-16T10:00:00Z',
    to: '2026-11-16T11:00:00Z',
    volumeFactor: 2,
    note: 'Mailing lands Monday morning',
  });
  assert.equal(adjusted.status, 201, JSON.stringify(adjusted.body));
  const after = mondayTen((await plan()).body.intervals);
  assert.ok(Math.abs(after.adjustedVolume - 2 * before.forecastVolume) < 1e-9);
  assert.equal(after.forecastVolume, before.forecastVolume);
  assert.ok(after.requiredAgents > before.requiredAgents);

  const removed = await call(server, admin, 'DELETE', `/wfm/adjustments/${adjusted.body.id}`);
  assert.equal(removed.status, 200);
  const trail = await call(server, supervisor, 'GET', `/wfm/workloads/${id}/adjustments`);
  assert.equal(trail.body.length, 1);
  assert.equal(trail.body[0].note, 'Mailing lands Monday morning');
  assert.ok(trail.body[0].removedAt !== null && trail.body[0].removedBy !== null);
  assert.equal(mondayTen((await plan()).body.intervals)?.adjustedVolume, before.forecastVolume);
});

test('special days close a day or scale it in the next forecast', async () => {
  const created = await call(server, admin, 'POST', '/wfm/workloads', support());
  const id = created.body.id;
  for (const special of [
    { date: '2026-11-17', name: 'Closed for training', closed: true, workloadId: id },
    { date: '2026-11-18', name: 'Half day', closed: false, factor: 0.5 },
  ]) {
    const added = await call(server, admin, 'POST', '/wfm/special-days', special);
    assert.equal(added.status, 201, JSON.stringify(added.body));
  }
  const forecast = await call(server, admin, 'POST', `/wfm/workloads/${id}/forecasts`, {
    firstDay: '2026-11-17',
    days: 2,
  });
  const detail = await call(server, admin, 'GET', `/wfm/forecasts/${forecast.body.id}`);
  const at = (start: string) =>
    detail.body.intervals.find((i: { start: string }) => i.start === start)?.volume;
  assert.equal(at('2026-11-17T10:00:00.000Z'), 0);
  assert.ok(Math.abs(at('2026-11-18T10:00:00.000Z') - 10) < 0.5);
  const twice = await call(server, admin, 'POST', '/wfm/special-days', {
    date: '2026-11-18',
    name: 'Again',
    closed: true,
  });
  assert.equal(twice.status, 409, JSON.stringify(twice.body));
});

test('mistakes get a clear 4xx and nothing is stored', async () => {
  const cases: [object, number, RegExp][] = [
    [support({ channel: 'email' }), 400, /response time/],
    [support({ channel: 'chat' }), 400, /maxConcurrentChats/],
    [support({ csqIds: ['00000000-0000-4000-8000-000000000000'] }), 404, /No CSQ of yours/],
    [support({ importedQueues: [] }), 400, /Name the workload’s queues/],
    [support({ openHours: 'weekdays 8-12' }), 400, /not a weekday/],
  ];
  const count = async () => (await call(server, admin, 'GET', '/wfm/workloads')).body.length;
  const before = await count();
  for (const [body, status, message] of cases) {
    const res = await call(server, admin, 'POST', '/wfm/workloads', body);
    assert.equal(res.status, status, JSON.stringify(res.body));
    assert.match(res.body.error.message, message);
  }
  assert.equal(await count(), before);

  const empty = await call(server, admin, 'POST', '/wfm/workloads', support({ importedQueues: ['Nobody'] }));
  const none = await call(server, admin, 'POST', `/wfm/workloads/${empty.body.id}/forecasts`, {});
  assert.equal(none.status, 422);
  assert.equal(none.body.error.code, 'no_history');
  const long = await call(server, admin, 'POST', `/wfm/workloads/${empty.body.id}/forecasts`, { days: 61 });
  assert.equal(long.status, 400);
  const wide = await call(
    server,
    admin,
    'GET',
    `/wfm/workloads/${empty.body.id}/plan?from=2026-01-01&to=2026-03-01`,
  );
  assert.equal(wide.status, 400);
  assert.equal(wide.body.error.code, 'range_too_long');
  assert.equal(
    (await call(server, admin, 'GET', `/wfm/workloads/${empty.body.id}/forecasts`)).body.length,
    0,
  );
});

test('supervisors and read keys read plans; only administrators plan; agents see neither', async () => {
  assert.equal((await call(server, supervisor, 'GET', '/wfm/workloads')).status, 200);
  assert.equal((await call(server, supervisor, 'POST', '/wfm/workloads', support())).status, 403);
  assert.equal((await call(server, agent, 'GET', '/wfm/workloads')).status, 403);
  const rows = await server.database.db
    .selectFrom('wfm_workloads')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .execute();
  assert.ok(rows.length > 0);
});

test('two workloads pooled need fewer agents than each on its own, and the simulator checks each still gets served', async () => {
  const billingCsv = historyCsv()
    .replaceAll(',30,30,0,180', ',30,30,0,240')
    .replaceAll(',20,20,0,180', ',12,12,0,240');
  const imported = await server.app.inject({
    method: 'POST',
    url: '/api/v1/interval-history/imports?minutes=15&queue=Billing',
    headers: { ...admin.headers, 'content-type': 'text/csv' },
    payload: billingCsv,
  });
  assert.equal(imported.statusCode, 201, imported.body);
  const ids: string[] = [];
  for (const queue of ['Support', 'Billing']) {
    const created = await call(server, admin, 'POST', '/wfm/workloads', support({ importedQueues: [queue] }));
    ids.push(created.body.id);
    const forecast = await call(server, admin, 'POST', `/wfm/workloads/${created.body.id}/forecasts`, {
      firstDay: '2026-11-17',
      days: 1,
    });
    await call(server, admin, 'POST', `/wfm/forecasts/${forecast.body.id}/publish`);
  }
  const pooled = await call(
    server,
    supervisor,
    'GET',
    `/wfm/pooled?date=2026-11-17&workloadIds=${ids.join(',')}`,
  );
  assert.equal(pooled.status, 200, JSON.stringify(pooled.body));
  const ten = pooled.body.intervals.find((i: { start: string }) => i.start === '2026-11-17T10:00:00.000Z');
  assert.ok(ten.pooledAgents < ten.separateAgents, JSON.stringify(ten));
  assert.ok(pooled.body.total.pooledAgentHours < pooled.body.total.separateAgentHours);
  assert.equal(ten.workloads.length, 2);
  assert.ok(ten.simulated.offered > 0);
  assert.ok(pooled.body.total.simulated.serviceLevel > 0.6, JSON.stringify(pooled.body.total));
  for (const figures of ten.workloads) assert.ok(figures.offered > 0);

  const alone = await call(server, supervisor, 'GET', `/wfm/pooled?date=2026-11-17&workloadIds=${ids[0]}`);
  assert.equal(alone.status, 400);
  const chat = await call(
    server,
    admin,
    'POST',
    '/wfm/workloads',
    support({ channel: 'chat', maxConcurrentChats: 2 }),
  );
  const mixed = await call(
    server,
    supervisor,
    'GET',
    `/wfm/pooled?date=2026-11-17&workloadIds=${ids[0]},${chat.body.id}`,
  );
  assert.equal(mixed.status, 400);
  assert.match(mixed.body.error.message, /Pool phone workloads with phone workloads/);
});
