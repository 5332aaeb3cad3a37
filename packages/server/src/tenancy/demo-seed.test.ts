import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, createTestTenant, startTestApp, TEST_PASSWORD, type TestApp } from '../testing/test-app.ts';
import { DEMO_CSQS, DEMO_WIDGET, seedDemo } from './demo-seed.ts';

let server: TestApp;
before(async () => {
  server = await startTestApp();
});
after(() => server.close());

test('the demo page widget is open around the clock; a second widget keeps the office hours', async () => {
  const { admin } = await createTestTenant(server, 'brightwater');
  await seedDemo(server.database.db, { tenant: 'brightwater', username: 'admin', password: TEST_PASSWORD });
  const widgets: { id: string; name: string }[] = (await call(server, admin, 'GET', '/chat-widgets')).body;
  // A Sunday night: the simulated customers chat on, and the office is shut.
  const sundayNight = nextSundayAt3am(server.clock.now());
  server.clock.advance(sundayNight - server.clock.now());
  const serviceOf = async (name: string) => {
    const id = widgets.find((w) => w.name === name)?.id ?? '';
    const answer = await server.app.inject({ method: 'GET', url: `/api/v1/public/widgets/${id}` });
    return answer.json().service as { open: boolean; reason: string };
  };
  assert.deepEqual(await serviceOf(DEMO_WIDGET.name), {
    open: true,
    reason: 'open',
    message: null,
    nextChange: null,
    schedule: null,
  });
  const officeHours = await serviceOf(DEMO_WIDGET.officeHoursName);
  assert.deepEqual([officeHours.open, officeHours.reason], [false, 'off_hours'], 'office hours still shown');
});

test('the demo center has wrap-up reasons and chat responses for each of its queues', async () => {
  const { admin } = await createTestTenant(server, 'demo');
  await seedDemo(server.database.db, { tenant: 'demo', username: 'admin', password: TEST_PASSWORD });
  const csqs: { id: string; name: string }[] = (await call(server, admin, 'GET', '/csqs')).body;
  const categories: { global: boolean; csqIds: string[]; reasons: unknown[] }[] = (
    await call(server, admin, 'GET', '/wrap-up-categories')
  ).body;
  const responses: { channel: string; global: boolean; csqIds: string[] }[] = (
    await call(server, admin, 'GET', '/predefined-responses')
  ).body;
  assert.ok(categories.every((c) => !c.global && c.reasons.length > 0));
  assert.ok(responses.some((r) => r.global) && responses.every((r) => r.channel === 'chat'));
  for (const { name } of DEMO_CSQS) {
    const id = csqs.find((q) => q.name === name)?.id ?? '';
    assert.ok(categories.filter((c) => c.csqIds.includes(id)).length >= 2, name);
    assert.ok(
      responses.some((r) => r.csqIds.includes(id)),
      name,
    );
  }
});

/** 03:00 UTC on the next Sunday after `now` (03:00 or 04:00 in London: outside office hours either way). */
function nextSundayAt3am(now: number): number {
  const day = new Date(now);
  day.setUTCHours(3, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() + ((7 - day.getUTCDay()) % 7 || 7));
  return day.getTime();
}
