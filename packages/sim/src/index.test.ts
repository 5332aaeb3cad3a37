import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulateDay } from './index.ts';

test('the example in docs/simulation.md gives the figures it quotes', () => {
  const report = simulateDay({
    seed: 1,
    reportIntervalMinutes: 30,
    csqs: [
      {
        id: 'sales',
        channel: 'voice',
        skills: [{ skillId: 'sales', minCompetence: 1 }],
        criterion: 'longest_available',
        arrivals: { intervalMinutes: 30, volumes: [100, 120] },
        handleTime: { kind: 'exponential', meanSeconds: 180 },
        patience: { kind: 'exponential', meanSeconds: 90 },
      },
    ],
    agents: Array.from({ length: 14 }, (_, i) => ({
      id: `agent-${i + 1}`,
      skills: { sales: 5 },
      shifts: [
        {
          startMinute: 0,
          endMinute: 75,
          breaks: i < 2 ? [{ startMinute: 30, endMinute: 45, reasonCode: 1 }] : [],
        },
      ],
    })),
  });
  // The figures docs/simulation.md quotes for this example.
  const busy = report.intervals[1];
  assert.equal(report.intervals.length, 3);
  assert.deepEqual([busy?.csqs[0]?.offered, busy?.csqs[0]?.handled, busy?.csqs[0]?.abandoned], [115, 107, 8]);
  assert.equal(busy?.csqs[0]?.serviceLevel?.toFixed(3), '0.852');
  assert.equal(busy?.csqs[0]?.asaSeconds?.toFixed(1), '4.5');
  assert.equal(busy?.agents.notReadySeconds.toFixed(0), '1749');
  assert.equal(busy?.agents.occupancy?.toFixed(3), '0.816');
  const day = report.day.csqs[0];
  assert.equal(day?.offered, 202);
  assert.equal(day?.serviceLevel?.toFixed(3), '0.916');
  assert.equal(day?.abandonRate?.toFixed(3), '0.040');
  assert.equal(day?.ahtSeconds?.toFixed(1), '178.7');
});
