import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SwitchboardError } from '@switchboard/core';
import { erlangCMeasures } from './erlang-c.ts';
import { requiredAgents } from './required-agents.ts';
import { staffIntervals } from './staff-intervals.ts';
import type { StaffingRequest, StaffingWorkload, VoiceWorkload } from './types.ts';

const sales = (overrides: Partial<VoiceWorkload> = {}): VoiceWorkload => ({
  id: 'sales',
  channel: 'voice',
  intervals: [{ volume: 100, ahtSeconds: 180 }],
  target: { kind: 'service_level', fraction: 0.8, withinSeconds: 20 },
  maxOccupancy: 0.85,
  shrinkage: 0.3,
  ...overrides,
});
const request = (...workloads: StaffingWorkload[]): StaffingRequest => ({ intervalMinutes: 30, workloads });

test('the worked example end to end: 14 agents, 20 staff, and what they achieve', () => {
  // 100 contacts per 30 min, AHT 180 s, 80 % within 20 s, occupancy ≤ 85 %, shrinkage 30 %: raw_positions 14,
  // positions 20, service_level 0.888, occupancy 0.714, waiting_probability 0.174 (pyworkforce
  // test_expected_erlangc_results; CRAN ErlangC README: ASA 7.83593701177724 s).
  const [interval] = staffIntervals(request(sales())).workloads[0]?.intervals ?? [];
  assert.ok(interval);
  assert.equal(interval.offeredLoadErlangs, 10);
  assert.equal(interval.agents, 14);
  assert.equal(interval.staff, 20);
  assert.equal(interval.serviceLevel?.toFixed(3), '0.888');
  assert.equal(interval.asaSeconds?.toFixed(2), '7.84');
  assert.equal(interval.waitProbability?.toFixed(4), '0.1741');
  assert.equal(interval.occupancy.toFixed(3), '0.714');
  assert.equal(interval.abandonRate, null);
  assert.equal(interval.backlog, null);
});

test('a closed interval needs nobody and divides by nothing', () => {
  const result = staffIntervals(
    request(
      sales({ intervals: [{ volume: 0, ahtSeconds: 0 }] }),
      sales({ id: 'a', patienceSeconds: 60, intervals: [{ volume: 0, ahtSeconds: 0 }] }),
    ),
  );
  for (const workload of result.workloads) {
    const [interval] = workload.intervals;
    assert.deepEqual(
      [interval?.agents, interval?.staff, interval?.occupancy, interval?.serviceLevel, interval?.asaSeconds],
      [0, 0, 0, 1, 0],
    );
  }
  assert.deepEqual(result.totalAgents, [0]);
});

test('Erlang A when patience is given: abandonment reported, fewer agents than Erlang C here', () => {
  const result = staffIntervals(request(sales(), sales({ id: 'patient', patienceSeconds: 120 })));
  const [c, a] = result.workloads;
  assert.equal(c?.model, 'erlang_c');
  assert.equal(a?.model, 'erlang_a');
  const interval = a?.intervals[0];
  assert.ok(
    interval && interval.abandonRate !== null && interval.abandonRate > 0 && interval.abandonRate < 0.1,
  );
  assert.ok(interval.agents < 14 && (interval.serviceLevel ?? 0) >= 0.8);
});

test('chat: slots are agents × concurrency, with the AHT stretched by the concurrency factor', () => {
  const target = { kind: 'service_level' as const, fraction: 0.8, withinSeconds: 30 };
  const result = staffIntervals({
    intervalMinutes: 15,
    workloads: [
      {
        id: 'web',
        channel: 'chat',
        intervals: [{ volume: 90, ahtSeconds: 500 }],
        target,
        maxConcurrentChats: 3,
        concurrencyAhtFactor: 1.2,
      },
    ],
  });
  const interval = result.workloads[0]?.intervals[0];
  const load = (90 * 600) / 900; // 60 Erlangs of chat sessions
  const slots = requiredAgents({ loadErlangs: load, ahtSeconds: 600, target });
  assert.equal(interval?.offeredLoadErlangs, load);
  assert.equal(interval?.agents, Math.ceil(slots / 3));
  const predicted = erlangCMeasures({
    agents: Math.ceil(slots / 3) * 3,
    loadErlangs: load,
    ahtSeconds: 600,
    answerWithinSeconds: 30,
  });
  assert.equal(interval?.serviceLevel, predicted.serviceLevel);
  assert.equal(interval?.occupancy, load / (Math.ceil(slots / 3) * 3));
});

test('email: deferred work staffed to its deadlines, with the backlog reported', () => {
  const result = staffIntervals({
    intervalMinutes: 60,
    workloads: [
      {
        id: 'mail',
        channel: 'email',
        intervals: [
          { volume: 36, ahtSeconds: 300 },
          { volume: 36, ahtSeconds: 300 },
          { volume: 0, ahtSeconds: 0 },
        ],
        responseSeconds: 3600,
        shrinkage: 0.5,
      },
    ],
  });
  const intervals = result.workloads[0]?.intervals ?? [];
  // Each hour brings 3 agent-hours of work, due an hour later.
  assert.deepEqual(
    intervals.map((i) => [i.agents, i.staff, i.backlog]),
    [
      [0, 0, 36],
      [3, 6, 36],
      [3, 6, 0],
    ],
  );
  assert.equal(intervals[0]?.serviceLevel, null);
});

test('totals add the workloads up interval by interval', () => {
  const two = [
    { volume: 100, ahtSeconds: 180 },
    { volume: 200, ahtSeconds: 180 },
  ];
  const result = staffIntervals(
    request(sales({ intervals: two }), sales({ id: 'b', intervals: two, shrinkage: 0 })),
  );
  const [a, b] = result.workloads;
  assert.deepEqual(
    result.totalAgents,
    [0, 1].map((i) => (a?.intervals[i]?.agents ?? 0) + (b?.intervals[i]?.agents ?? 0)),
  );
  assert.deepEqual(
    result.totalStaff,
    [0, 1].map((i) => (a?.intervals[i]?.staff ?? 0) + (b?.intervals[i]?.staff ?? 0)),
  );
});

const invalidCases: [string, StaffingRequest, string][] = [
  ['interval length', { intervalMinutes: 20 as 30, workloads: [sales()] }, 'intervalMinutes'],
  [
    'negative volume',
    request(sales({ intervals: [{ volume: -1, ahtSeconds: 180 }] })),
    'workloads[0].intervals[0].volume',
  ],
  [
    'AHT of 0 with volume',
    request(sales({ intervals: [{ volume: 5, ahtSeconds: 0 }] })),
    'workloads[0].intervals[0].ahtSeconds',
  ],
  [
    'negative AHT',
    request(sales({ intervals: [{ volume: 0, ahtSeconds: -3 }] })),
    'workloads[0].intervals[0].ahtSeconds',
  ],
  [
    'NaN volume',
    request(sales({ intervals: [{ volume: Number.NaN, ahtSeconds: 180 }] })),
    'workloads[0].intervals[0].volume',
  ],
  [
    'SL target of 1',
    request(sales({ target: { kind: 'service_level', fraction: 1, withinSeconds: 20 } })),
    'workloads[0].target.fraction',
  ],
  [
    'SL target of 0',
    request(sales({ target: { kind: 'service_level', fraction: 0, withinSeconds: 20 } })),
    'workloads[0].target.fraction',
  ],
  [
    'negative threshold',
    request(sales({ target: { kind: 'service_level', fraction: 0.8, withinSeconds: -1 } })),
    'workloads[0].target.withinSeconds',
  ],
  ['ASA target of 0', request(sales({ target: { kind: 'asa', seconds: 0 } })), 'workloads[0].target.seconds'],
  ['shrinkage of 1', request(sales({ shrinkage: 1 })), 'workloads[0].shrinkage'],
  ['negative shrinkage', request(sales({ shrinkage: -0.1 })), 'workloads[0].shrinkage'],
  ['occupancy of 0', request(sales({ maxOccupancy: 0 })), 'workloads[0].maxOccupancy'],
  ['occupancy above 1', request(sales({ maxOccupancy: 1.1 })), 'workloads[0].maxOccupancy'],
  ['patience of 0', request(sales({ patienceSeconds: 0 })), 'workloads[0].patienceSeconds'],
  ['abandon cap without patience', request(sales({ maxAbandonRate: 0.05 })), 'workloads[0].maxAbandonRate'],
  [
    'unknown rule',
    request(sales({ patienceSeconds: 60, serviceLevelRule: 'lenient' as 'ignored' })),
    'workloads[0].serviceLevelRule',
  ],
  ['duplicate id', request(sales(), sales()), 'workloads[1].id'],
  ['unequal lengths', request(sales(), sales({ id: 'b', intervals: [] })), 'workloads[1].intervals'],
  [
    'chat concurrency',
    request({ ...sales(), channel: 'chat', maxConcurrentChats: 1.5 }),
    'workloads[0].maxConcurrentChats',
  ],
  [
    'email response time',
    request({ id: 'mail', channel: 'email', intervals: [{ volume: 1, ahtSeconds: 60 }], responseSeconds: 0 }),
    'workloads[0].responseSeconds',
  ],
  [
    'load beyond the limit',
    request(sales({ intervals: [{ volume: 1e9, ahtSeconds: 600 }] })),
    'workloads[0].intervals[0]',
  ],
];

for (const [what, bad, field] of invalidCases) {
  test(`refuses ${what}, naming ${field}`, () => {
    assert.throws(
      () => staffIntervals(bad),
      (error: unknown) =>
        error instanceof SwitchboardError &&
        error.code === 'validation_failed' &&
        error.message.startsWith(`${field} `) &&
        (error.details as { field: string }).field === field,
    );
  });
}

test('abandon rules by their former names are read as core’s rules', () => {
  const former = {
    abandons_count_against: 'counted_against',
    abandons_ignored: 'ignored',
    abandons_within_threshold_count_for: 'counted_for',
  } as const;
  for (const [old, rule] of Object.entries(former)) {
    const staffed = (name: string) =>
      staffIntervals(request(sales({ patienceSeconds: 60, serviceLevelRule: name as typeof rule })));
    assert.deepEqual(staffed(old), staffed(rule), old);
  }
});
