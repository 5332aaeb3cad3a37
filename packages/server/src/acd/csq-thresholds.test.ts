import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LIMITS } from '@switchboard/core';
import { buildCsq } from '../testing/builders.ts';
import { call, createTestTenant, type Session, startTestApp, type TestApp } from '../testing/test-app.ts';

describe("a CSQ's alert thresholds", () => {
  let server: TestApp;
  let admin: Session;
  const none = { serviceLevelBelowPercent: null, longestWaitAboveSeconds: null, waitingAbove: null };

  before(async () => {
    server = await startTestApp();
    ({ admin } = await createTestTenant(server, 'acme'));
  });
  after(() => server.close());

  test('none by default; set on create, changed one at a time, turned off with null, shown on the queue view', async () => {
    const plain = await buildCsq(server, admin);
    assert.deepEqual((await call(server, admin, 'GET', `/csqs/${plain.id}`)).body.thresholds, none);
    const csq = await buildCsq(server, admin, { thresholds: { waitingAbove: 1 } });
    assert.deepEqual((csq as unknown as { thresholds: unknown }).thresholds, { ...none, waitingAbove: 1 });
    const changed = await call(server, admin, 'PATCH', `/csqs/${csq.id}`, {
      thresholds: { serviceLevelBelowPercent: 80, longestWaitAboveSeconds: 120 },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual(changed.body.thresholds, {
      serviceLevelBelowPercent: 80,
      longestWaitAboveSeconds: 120,
      waitingAbove: 1,
    });
    const off = await call(server, admin, 'PATCH', `/csqs/${csq.id}`, { thresholds: { waitingAbove: null } });
    assert.equal(off.body.thresholds.waitingAbove, null);
    const queue = await call(server, admin, 'GET', `/queues/${csq.id}`);
    assert.deepEqual(queue.body.thresholds, off.body.thresholds);
    const audit = await call(server, admin, 'GET', `/audit-log?entityType=csq&entityId=${csq.id}&limit=5`);
    const [latest] = audit.body;
    assert.equal(latest.action, 'update');
    assert.equal(latest.before.thresholds.waitingAbove, 1);
    assert.equal(latest.after.thresholds.waitingAbove, null);
  });

  test('values outside the limits, fractions, strings and unknown thresholds are refused with validation_failed', async () => {
    const csq = await buildCsq(server, admin);
    const bad = [
      { serviceLevelBelowPercent: LIMITS.csqServiceLevelBelowPercent.min - 1 },
      { serviceLevelBelowPercent: LIMITS.csqServiceLevelBelowPercent.max + 1 },
      { longestWaitAboveSeconds: LIMITS.csqLongestWaitAboveSeconds.max + 1 },
      { waitingAbove: 0 },
      { waitingAbove: LIMITS.csqWaitingAbove.max + 1 },
      { waitingAbove: 1.5 },
      { waitingAbove: '3' },
      { abandonedAbove: 3 },
    ];
    for (const thresholds of bad) {
      for (const [method, url, body] of [
        ['PATCH', `/csqs/${csq.id}`, { thresholds }],
        [
          'POST',
          '/csqs',
          { name: 'Bad', channel: 'chat', criterion: 'longest_available', skills: [], thresholds },
        ],
      ] as const) {
        const refused = await call(server, admin, method, url, body);
        assert.equal(
          refused.status,
          400,
          `${method} ${JSON.stringify(thresholds)}: ${JSON.stringify(refused.body)}`,
        );
        assert.equal(refused.body.error.code, 'validation_failed');
      }
    }
    assert.deepEqual((await call(server, admin, 'GET', `/csqs/${csq.id}`)).body.thresholds, none);
  });
});
