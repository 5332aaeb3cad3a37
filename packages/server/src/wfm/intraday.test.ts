import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';

let server: TestApp;
let admin: Session;
let workloadId: string;

const DAY_MS = 86_400_000;
/** Today: the Wednesday after the coming one, 10:05 UTC (the tenant's zone); actuals known to 10:00. */
let today: number;
/** Each day's own level, seen from its first hours on: the day-ahead forecast cannot know it. */
const levelOf = (day: number) => 0.7 + ((day * 7919) % 11) / 16;
const TODAY_LEVEL = 1.6;

function historyCsv(): string {
  const lines = ['Minutes,Calls Presented,Calls Answered,Calls Abandoned,Avg Call Duration'];
  for (let day = today - 63 * DAY_MS; day <= today; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const level = day === today ? TODAY_LEVEL : levelOf(day / DAY_MS);
    for (let minute = 8 * 60; minute < 18 * 60; minute += 15) {
      const at = day + minute * 60_000;
      if (at >= today + 10 * 3_600_000) break;
      const calls = Math.round(40 * level);
      lines.push(`${new Date(at).toISOString()},${calls},${calls},0,180`);
    }
  }
  return `${lines.join('\n')}\n`;
}

before(async () => {
  server = await startTestApp();
  const now = server.clock.now();
  const midnight = Math.floor(now / DAY_MS) * DAY_MS;
  let wednesday = midnight + DAY_MS;
  while (new Date(wednesday).getUTCDay() !== 3) wednesday += DAY_MS;
  today = wednesday + 7 * DAY_MS;
  server.clock.advance(today + 10 * 3_600_000 + 5 * 60_000 - now);
  ({ admin } = await createTestTenant(server, 'intraday'));
  const imported = await server.app.inject({
    method: 'POST',
    url: '/api/v1/interval-history/imports?minutes=15&queue=Care',
    headers: { ...admin.headers, 'content-type': 'text/csv' },
    payload: historyCsv(),
  });
  assert.equal(imported.statusCode, 201, imported.body);
  const workload = await call(server, admin, 'POST', '/wfm/workloads', {
    name: 'Care',
    channel: 'voice',
    basis: 'csq',
    importedQueues: ['Care'],
    target: { kind: 'service_level', percent: 80, seconds: 20 },
    openHours: 'mon-fri 08:00-18:00',
  });
  assert.equal(workload.status, 201, JSON.stringify(workload.body));
  workloadId = workload.body.id;
});
after(() => server?.close());

const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

test('intraday: a busy morning raises the rest of the day, and says so only once a forecast is published', async () => {
  const unpublished = await call(server, admin, 'GET', `/wfm/workloads/${workloadId}/intraday`);
  assert.equal(unpublished.status, 200, JSON.stringify(unpublished.body));
  assert.match(unpublished.body.notes.join(' '), /No published forecast covers today/);
  assert.ok(
    unpublished.body.intervals.every((i: { reforecastVolume: unknown }) => i.reforecastVolume === null),
  );

  const forecast = await call(server, admin, 'POST', `/wfm/workloads/${workloadId}/forecasts`, {
    firstDay: date(today),
    days: 1,
  });
  assert.equal(forecast.status, 201, JSON.stringify(forecast.body));
  await call(server, admin, 'POST', `/wfm/forecasts/${forecast.body.id}/publish`);

  const view = await call(server, admin, 'GET', `/wfm/workloads/${workloadId}/intraday`);
  assert.equal(view.status, 200, JSON.stringify(view.body));
  assert.equal(view.body.asOf, new Date(today + 10 * 3_600_000).toISOString());
  assert.ok(view.body.rule !== null, 'mornings tell the day in this history: an update is chosen');
  const at = (hour: number) =>
    view.body.intervals.find(
      (i: { start: string }) => i.start === new Date(today + hour * 3_600_000).toISOString(),
    );
  const morning = at(9);
  assert.equal(morning.actualVolume, Math.round(40 * TODAY_LEVEL));
  assert.equal(morning.reforecastVolume, null);
  const afternoon = at(14);
  assert.ok(afternoon.reforecastVolume > 1.2 * afternoon.forecastVolume, JSON.stringify(afternoon));
  assert.equal(afternoon.actualVolume, null);
  assert.ok(afternoon.requiredAgents > 0);
  // A workload of imported history alone has no CSQ to say who serves it: its staff is not known.
  assert.equal(afternoon.projectedAgents, null);
  assert.equal(afternoon.overUnder, null);

  const short = await call(server, admin, 'POST', `/wfm/workloads/${workloadId}/what-if`, { staffDelta: 3 });
  assert.equal(short.status, 200, JSON.stringify(short.body));
  const enough = await call(server, admin, 'POST', `/wfm/workloads/${workloadId}/what-if`, {
    staffDelta: 25,
  });
  assert.equal(enough.body.replications, 5);
  assert.equal(enough.body.intervals[0].start, new Date(today + 10 * 3_600_000).toISOString());
  assert.ok(enough.body.total.offered > 0);
  assert.ok(enough.body.total.serviceLevel > short.body.total.serviceLevel);
  assert.ok(enough.body.total.asaSeconds < short.body.total.asaSeconds);
  const quiet = await call(server, admin, 'POST', `/wfm/workloads/${workloadId}/what-if`, {
    staffDelta: 3,
    volumeFactor: 0.3,
  });
  assert.ok(quiet.body.total.offered < 0.5 * short.body.total.offered);
  const bad = await call(server, admin, 'POST', `/wfm/workloads/${workloadId}/what-if`, { volumeFactor: 99 });
  assert.equal(bad.status, 400);
});
